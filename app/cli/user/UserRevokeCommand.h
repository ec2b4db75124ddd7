#pragma once

#include "app/cli/CliCommand.h"

namespace assay::cli {

// user revoke LOGIN ROLE: refused for the last admin's admin role, which would lock everyone out.
class UserRevokeCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("revoke"); }
    QString arguments() const override { return QStringLiteral("LOGIN ROLE"); }
    QString summary() const override;

protected:
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;
};

} // namespace assay::cli
