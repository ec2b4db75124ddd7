#pragma once

#include "app/cli/CliCommand.h"

namespace assay::cli {

// model owner MODEL --owner LOGIN [--business-owner TEXT]: who signs as model owner, and who answers for the
// business use.
class ModelOwnerCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("owner"); }
    QString arguments() const override { return QStringLiteral("MODEL"); }
    QString summary() const override;

protected:
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;
};

} // namespace assay::cli
