#include "RequestArgument.h"

#include "app/cli/UsageError.h"

namespace assay::cli {

qint64 RequestArgument::id(const QCommandLineParser& parser, const QString& command) {
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        throw UsageError{QStringLiteral("%1 takes one REQUEST_ID").arg(command)};
    QString text = args.first();
    if (text.startsWith(QLatin1Char('#')))
        text.remove(0, 1);
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id < 1)
        throw UsageError{QStringLiteral("REQUEST_ID must be a request number such as 7 or #7, not \"%1\"")
                             .arg(args.first())};
    return id;
}

} // namespace assay::cli
