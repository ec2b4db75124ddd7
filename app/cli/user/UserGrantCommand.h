#pragma once

#include "app/cli/CliCommand.h"

namespace assay::cli {

// user grant LOGIN ROLE
class UserGrantCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("grant"); }
    QString arguments() const override { return QStringLiteral("LOGIN ROLE"); }
    QString summary() const override;

protected:
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;
};

} // namespace assay::cli
