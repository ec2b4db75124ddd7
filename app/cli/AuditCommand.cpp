#include "AuditCommand.h"

#include "CliContext.h"
#include "CliOutput.h"
#include "UsageError.h"
#include "core/audit/WorkspaceIntegrity.h"
#include "core/workspace/AuditLog.h"
#include "core/workspace/Workspace.h"

namespace assay::cli {

QString AuditCommand::summary() const {
    return QStringLiteral("check the audit trail's hash chain and every decision's signature");
}

int AuditCommand::run(CliContext& context, const QCommandLineParser& parser) {
    const QStringList args = parser.positionalArguments();
    if (args.value(0) != QLatin1String("verify"))
        throw UsageError{QStringLiteral("audit takes a subcommand: verify")};
    expectArguments(args, 1, QStringLiteral("audit verify"));
    const auto workspace = Workspace::open(context.workspacePath());
    const IntegrityReport report = WorkspaceIntegrity::check(*workspace);
    for (const IntegrityProblem& problem : report.problems)
        CliOutput::err() << "audit verify: " << describe(problem) << '\n';
    if (!report.isIntact())
        return exitFailure;
    CliOutput::out() << "audit verify: " << report.signaturesChecked << " decision signatures verified";
    if (report.staleOnOpenRequests > 0)
        CliOutput::out() << " (" << report.staleOnOpenRequests
                         << " stale on open requests, to be signed again)";
    CliOutput::out() << '\n';
    CliOutput::out() << "audit verify: intact, " << report.audit.eventCount
                     << " events verified through sequence " << report.audit.verifiedThrough << '\n';
    return exitOk;
}

// One line per problem, led by where it is: a sequence number for the audit trail, the decision
// for signatures and approved evidence.
QString AuditCommand::describe(const IntegrityProblem& problem) {
    switch (problem.kind) {
    case IntegrityProblem::Kind::AuditChain:
    case IntegrityProblem::Kind::AuditHead:
        return QStringLiteral("BROKEN at sequence %1: %2").arg(problem.seq).arg(problem.message);
    case IntegrityProblem::Kind::DecisionSignature:
        return QStringLiteral("%1 is INVALID: %2").arg(problem.entity, problem.message);
    case IntegrityProblem::Kind::ApprovedEvidence:
        return QStringLiteral("%1 is STALE after execution: %2").arg(problem.entity, problem.message);
    }
    return problem.message;
}

} // namespace assay::cli
