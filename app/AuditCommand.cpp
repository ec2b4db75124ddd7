#include "AuditCommand.h"

#include "AuditLog.h"
#include "CliContext.h"
#include "CliOutput.h"
#include "PromotionRequests.h"
#include "UsageError.h"
#include "Workspace.h"

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
    const AuditVerification result = AuditLog::verify(workspace->database());
    const bool signaturesHold = verifySignatures(*workspace);
    if (!result.intact) {
        CliOutput::err() << "audit verify: BROKEN at sequence " << result.brokenAt << ": " << result.problem
                         << " (verified through " << result.verifiedThrough << ")\n";
        return exitFailure;
    }
    if (!signaturesHold)
        return exitFailure;
    CliOutput::out() << "audit verify: intact, " << result.eventCount << " events verified through sequence "
                     << result.verifiedThrough << '\n';
    return exitOk;
}

// Every decision's signature against its registered key, and its evidence against what was
// signed. A stale decision on an open request is the normal course of a review; on an executed
// one it means the approved evidence was altered.
bool AuditCommand::verifySignatures(const Workspace& workspace) {
    const QList<SignatureCheck> checks = PromotionRequests(workspace).verifySignatures();
    int problems = 0;
    int stale = 0;
    for (const SignatureCheck& check : checks) {
        if (check.isProblem()) {
            ++problems;
            CliOutput::err() << "audit verify: decision " << check.decisionId << " by " << check.decidedBy
                             << " on request #" << check.requestId << " (" << check.request << ") is "
                             << Decision::statusLabel(check.status).toUpper()
                             << (check.status == Decision::Status::Stale ? " after execution" : "") << ": "
                             << check.detail << '\n';
        } else if (check.status == Decision::Status::Stale) {
            ++stale;
        }
    }
    if (problems == 0) {
        CliOutput::out() << "audit verify: " << checks.size() << " decision signatures verified";
        if (stale > 0)
            CliOutput::out() << " (" << stale << " stale on open requests, to be signed again)";
        CliOutput::out() << '\n';
    }
    return problems == 0;
}

} // namespace assay::cli
