#pragma once

#include "app/cli/CliCommand.h"

namespace assay::cli {

// user add LOGIN [--name "Display Name"] [--role ROLE]...: one user, in one transaction.
class UserAddCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("add"); }
    QString arguments() const override { return QStringLiteral("LOGIN"); }
    QString summary() const override;

protected:
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;
};

} // namespace assay::cli
