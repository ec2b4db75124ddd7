#pragma once

#include "CliCommand.h"

namespace assay::cli {

// audit verify: re-checks the audit trail's hash chain; exits 1 at the first broken link.
class AuditCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("audit"); }
    QString arguments() const override { return QStringLiteral("verify"); }
    QString summary() const override;

protected:
    int run(CliContext& context, const QCommandLineParser& parser) override;
};

} // namespace assay::cli
