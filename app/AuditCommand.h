#pragma once

#include "CliCommand.h"

namespace assay {
class Workspace;
}

namespace assay::cli {

// audit verify: re-checks the audit trail's hash chain and every decision's signature; exits 1
// at the first broken link, or when a signature does not verify.
class AuditCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("audit"); }
    QString arguments() const override { return QStringLiteral("verify"); }
    QString summary() const override;

protected:
    int run(CliContext& context, const QCommandLineParser& parser) override;

private:
    static bool verifySignatures(const Workspace& workspace);
};

} // namespace assay::cli
