#include "DriftAddCommand.h"

#include "DriftArguments.h"
#include "DriftWindowReport.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliOutput.h"
#include "app/cli/UsageError.h"
#include "core/drift/DriftMonitors.h"
#include "core/workspace/Workspace.h"

#include <QFileInfo>

namespace assay::cli {

QString DriftAddCommand::summary() const {
    return QStringLiteral("add current data (CSV files) to a drift monitor and show each window's verdict");
}

void DriftAddCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addOptions({
        DriftArguments::modelOption(),
        DriftArguments::versionOption(),
        DriftArguments::monitorOption(),
        {QStringLiteral("window"),
         QStringLiteral("The window's label, for a monitor without a timestamp (default: the file's name); "
                        "one FILE only."),
         QStringLiteral("LABEL")},
    });
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Current data (CSV)."),
                                 QStringLiteral("FILE..."));
}

int DriftAddCommand::run(CliContext& context, const QCommandLineParser& parser) {
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        throw UsageError{QStringLiteral("%1 takes one or more FILEs").arg(invokedAs())};
    const QString label = parser.value(QStringLiteral("window"));
    if (!label.isEmpty() && files.size() > 1)
        throw UsageError{QStringLiteral("--window names the window of one FILE; give one file")};
    const DriftArguments::Target target = DriftArguments::target(parser);
    const auto workspace = Workspace::open(context.workspacePath());
    const DriftMonitor monitor = DriftArguments::resolveMonitor(*workspace, target);
    if (!label.isEmpty() && monitor.period != DriftPeriod::File)
        throw UsageError{
            QStringLiteral("--window names the window of a monitor without a timestamp; \"%1\" cuts "
                           "windows by %2 of \"%3\"")
                .arg(monitor.name, driftPeriodName(monitor.period), monitor.timestampColumn)};
    int added = 0;
    for (const QString& file : files) {
        const QList<qint64> ids = DriftMonitors::addFile(*workspace, monitor.id, file, label);
        const DriftMonitors monitors(*workspace);
        const QList<DriftResult> results = monitors.results(monitor.id);
        for (const DriftWindow& window : monitors.windows(monitor.id)) {
            if (!ids.contains(window.id))
                continue;
            const DriftWindowReport report(monitor, window, results);
            CliOutput::out() << QFileInfo(file).fileName() << ": window " << window.label << ", "
                             << window.rows << " rows: " << report.verdict() << '\n';
            ++added;
        }
        // What is added stays added should a later file be refused: show it before that happens.
        CliOutput::out().flush();
    }
    CliOutput::out() << QStringLiteral("%1 window%2 added to monitor \"%3\" on %4 v%5.\n")
                            .arg(added)
                            .arg(added == 1 ? QString() : QStringLiteral("s"), monitor.name,
                                 monitor.modelName)
                            .arg(monitor.version);
    return exitOk;
}

} // namespace assay::cli
