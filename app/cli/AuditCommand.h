#pragma once

#include "CliCommand.h"
#include "core/audit/IntegrityProblem.h"

namespace assay::cli {

// audit verify: checks the audit trail's hash chain and its recorded head, every decision's
// signature and the evidence of executed promotions (WorkspaceIntegrity); prints each problem
// with its sequence number or decision and exits 1 when there is one.
class AuditCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("audit"); }
    QString arguments() const override { return QStringLiteral("verify"); }
    QString summary() const override;

protected:
    int run(CliContext& context, const QCommandLineParser& parser) override;

private:
    static QString describe(const IntegrityProblem& problem);
};

} // namespace assay::cli
