#pragma once

#include "CliCommand.h"

namespace assay::cli {

// A command word that takes a subcommand (user list, user add, ...), each with its own options.
// Its parser stops at the subcommand word, which parses the rest; -w is taken on either side.
class CliCommandGroup : public CliCommand {
public:
    QString arguments() const override;

protected:
    void addSubcommand(std::unique_ptr<CliCommand> command);

    QString description() const override;
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;

private:
    QString subcommandNames() const;

    std::vector<std::unique_ptr<CliCommand>> m_subcommands;
};

} // namespace assay::cli
