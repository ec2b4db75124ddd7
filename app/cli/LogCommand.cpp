#include "LogCommand.h"

#include "CliContext.h"
#include "CliOutput.h"
#include "core/base/AssayError.h"
#include "core/tracking/RunLog.h"
#include "core/workspace/Workspace.h"

#include <QFile>

#include <cstdio>

namespace assay::cli {

QString LogCommand::summary() const {
    return QStringLiteral("log runs from JSON lines (a file, or - / nothing for stdin)");
}

void LogCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addPositionalArgument(QStringLiteral("INPUT"),
                                 QStringLiteral("A JSON-lines file; - or nothing reads stdin."),
                                 QStringLiteral("[INPUT]"));
}

int LogCommand::run(CliContext& context, const QCommandLineParser& parser) {
    const QStringList args = parser.positionalArguments();
    expectArguments(args, 1, name());
    const QString source = args.value(0, QStringLiteral("-"));
    QFile input;
    const bool opened = source == QLatin1String("-")
                            ? input.open(stdin, QIODevice::ReadOnly)
                            : (input.setFileName(source), input.open(QIODevice::ReadOnly));
    if (!opened)
        throw AssayError(QStringLiteral("Cannot read %1: %2").arg(source, input.errorString()));
    const QString sourceName = source == QLatin1String("-") ? QStringLiteral("<stdin>") : source;
    const QList<RunLogEntry> entries = RunLog::parse(input, sourceName);
    const auto workspace = Workspace::open(context.workspacePath());
    const RunLog::Summary summary = RunLog::commit(*workspace, entries, sourceName);
    QTextStream& out = CliOutput::out();
    out << "Logged " << summary.lines << " lines: " << summary.runsCreated << " runs created, "
        << summary.runsUpdated << " updated, " << summary.points << " metric points\n";
    for (const QString& uid : summary.runUids)
        out << uid << '\n';
    return exitOk;
}

} // namespace assay::cli
