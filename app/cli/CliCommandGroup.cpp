#include "CliCommandGroup.h"

#include "UsageError.h"

namespace assay::cli {

QString CliCommandGroup::arguments() const {
    QStringList names;
    for (const auto& command : m_subcommands)
        names << command->name();
    return names.join(QLatin1Char('|'));
}

void CliCommandGroup::addSubcommand(std::unique_ptr<CliCommand> command) {
    m_subcommands.push_back(std::move(command));
}

QString CliCommandGroup::description() const {
    return summary() + QStringLiteral("\n\nSubcommands:\n") + listing(m_subcommands) +
           QStringLiteral("\n\n'%1 SUBCOMMAND --help' shows a subcommand's options.").arg(invokedAs());
}

void CliCommandGroup::defineOptions(QCommandLineParser& parser) const {
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.addPositionalArgument(QStringLiteral("SUBCOMMAND"),
                                 QStringLiteral("One of: %1.").arg(subcommandNames()),
                                 QStringLiteral("SUBCOMMAND [ARGS]"));
}

int CliCommandGroup::run(CliContext& context, const QCommandLineParser& parser) {
    const QStringList args = parser.positionalArguments();
    const QString word = args.value(0);
    for (const auto& command : m_subcommands) {
        if (command->name() == word)
            return command->execute(context, invokedAs(), args.mid(1));
    }
    const QString takes = QStringLiteral("%1 takes a subcommand: %2").arg(name(), subcommandNames());
    throw UsageError{word.isEmpty() ? takes
                                    : QStringLiteral("unknown subcommand \"%1\"; %2").arg(word, takes)};
}

// "list, add, grant or revoke"
QString CliCommandGroup::subcommandNames() const {
    QStringList names;
    for (const auto& command : m_subcommands)
        names << command->name();
    const QString last = names.takeLast();
    return names.isEmpty() ? last : names.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}

} // namespace assay::cli
