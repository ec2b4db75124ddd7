#include "CliCommand.h"

#include "CliContext.h"
#include "CliOutput.h"
#include "UsageError.h"

#include <algorithm>

namespace assay::cli {

int CliCommand::execute(CliContext& context, const QString& caller, const QStringList& args) {
    m_invokedAs = caller + QLatin1Char(' ') + name();
    QCommandLineParser parser;
    parser.setApplicationDescription(description());
    const QCommandLineOption help = helpOption();
    const QCommandLineOption workspace = workspaceOption();
    parser.addOption(help);
    if (usesWorkspace())
        parser.addOption(workspace);
    defineOptions(parser);
    // parse() rather than process(): process() exits 1 on a mistake, which is a usage error here.
    if (!parser.parse(QStringList{m_invokedAs} + args))
        throw UsageError{parser.errorText()};
    if (parser.isSet(help)) {
        CliOutput::out() << helpText(parser, usage());
        return exitOk;
    }
    if (usesWorkspace() && parser.isSet(workspace))
        context.setWorkspaceOption(parser.value(workspace));
    return run(context, parser);
}

QCommandLineOption CliCommand::helpOption() {
    return {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Displays this help.")};
}

QCommandLineOption CliCommand::workspaceOption() {
    return {{QStringLiteral("w"), QStringLiteral("workspace")},
            QStringLiteral("The workspace file (default: $ASSAY_WORKSPACE, else the default workspace)."),
            QStringLiteral("FILE")};
}

QString CliCommand::helpText(const QCommandLineParser& parser, const QString& usageLine) {
    const QString qtText = parser.helpText();
    return QStringLiteral("Usage: ") + usageLine + qtText.mid(qtText.indexOf(QLatin1Char('\n')));
}

QString CliCommand::listing(const std::vector<std::unique_ptr<CliCommand>>& commands) {
    const auto synopsis = [](const CliCommand& command) {
        return command.arguments().isEmpty() ? command.name()
                                             : command.name() + QLatin1Char(' ') + command.arguments();
    };
    qsizetype width = 0;
    for (const auto& command : commands)
        width = std::max(width, synopsis(*command).size());
    QStringList lines;
    for (const auto& command : commands)
        lines << QStringLiteral("  ") + synopsis(*command).leftJustified(width + 2) + command->summary();
    return lines.join(QLatin1Char('\n'));
}

QString CliCommand::usage() const {
    const QString line = m_invokedAs + QStringLiteral(" [options]");
    return arguments().isEmpty() ? line : line + QLatin1Char(' ') + arguments();
}

void CliCommand::defineOptions(QCommandLineParser& parser) const {
    Q_UNUSED(parser)
}

void CliCommand::expectArguments(const QStringList& args, qsizetype most, const QString& command) {
    if (args.size() > most)
        throw UsageError{QStringLiteral("too many arguments for \"%1\"").arg(command)};
}

} // namespace assay::cli
