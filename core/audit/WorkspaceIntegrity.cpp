#include "WorkspaceIntegrity.h"

#include "core/base/SqlQuery.h"
#include "core/governance/PromotionRequests.h"
#include "core/workspace/AuditLog.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WorkspaceSchema.h"

namespace assay {

namespace {

// The head recorded by the last write against the chain's actual end. The chain itself can be
// intact when rows are cut from its end; the record of its head then no longer matches.
void checkHead(const Workspace& workspace, IntegrityReport& report) {
    if (workspace.schemaVersion() < WorkspaceSchema::auditHeadVersion)
        return;
    // One statement, so one snapshot: read apart, another process's commit between the two
    // reads would look like events added outside Assay.
    QSqlQuery heads =
        SqlQuery::run(workspace.database(),
                      QStringLiteral("SELECT (SELECT value FROM workspace_meta WHERE key = 'audit_head'), "
                                     "(SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 1), "
                                     "(SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1)"));
    heads.next();
    const QVariant recorded = heads.value(0);
    const qint64 lastSeq = heads.value(1).toLongLong();
    const QString lastHash = lastSeq > 0 ? heads.value(2).toString() : QString();
    heads.finish();
    IntegrityProblem problem;
    problem.kind = IntegrityProblem::Kind::AuditHead;
    if (recorded.isNull()) {
        problem.seq = lastSeq;
        problem.message =
            QStringLiteral("The record of the audit trail's last event is missing from workspace_meta, "
                           "so events removed from the end could not show.");
        report.problems.append(problem);
        return;
    }
    const QStringList parts = recorded.toString().split(QLatin1Char(' '));
    const qint64 headSeq = parts.value(0).toLongLong();
    const QString headHash = parts.value(1);
    if (headSeq == lastSeq && headHash == lastHash)
        return;
    if (lastSeq < headSeq) {
        problem.seq = lastSeq + 1;
        problem.message =
            QStringLiteral("Audit events %1 to %2 were removed from the end of the trail: the last "
                           "write recorded event %2 as its head.")
                .arg(lastSeq + 1)
                .arg(headSeq);
    } else if (lastSeq > headSeq) {
        problem.seq = headSeq + 1;
        problem.message =
            QStringLiteral("Audit events %1 to %2 were added outside Assay: the last write recorded "
                           "event %3 as the trail's head.")
                .arg(headSeq + 1)
                .arg(lastSeq)
                .arg(headSeq);
    } else {
        problem.seq = lastSeq;
        problem.message =
            QStringLiteral(
                "Audit event %1, the last, was replaced: its hash is not the one the last write recorded.")
                .arg(lastSeq);
    }
    report.problems.append(problem);
}

void checkSignatures(const Workspace& workspace, IntegrityReport& report) {
    if (workspace.schemaVersion() < WorkspaceSchema::governanceVersion)
        return;
    for (const SignatureCheck& check : PromotionRequests(workspace).verifySignatures()) {
        ++report.signaturesChecked;
        if (!check.isProblem()) {
            report.staleOnOpenRequests += check.status == Decision::Status::Stale ? 1 : 0;
            continue;
        }
        IntegrityProblem problem;
        const bool evidence = check.status == Decision::Status::Stale;
        problem.kind =
            evidence ? IntegrityProblem::Kind::ApprovedEvidence : IntegrityProblem::Kind::DecisionSignature;
        problem.entity = QStringLiteral("decision %1 by %2 on request #%3 (%4)")
                             .arg(check.decisionId)
                             .arg(check.decidedBy)
                             .arg(check.requestId)
                             .arg(check.request);
        problem.message =
            evidence ? QStringLiteral("the evidence it approved changed after the promotion executed: %1")
                           .arg(check.detail)
                     : check.detail;
        report.problems.append(problem);
    }
}

} // namespace

IntegrityReport WorkspaceIntegrity::check(const Workspace& workspace) {
    IntegrityReport report;
    report.audit = AuditLog::verify(workspace.database());
    if (!report.audit.intact) {
        IntegrityProblem problem;
        problem.kind = IntegrityProblem::Kind::AuditChain;
        problem.seq = report.audit.brokenAt;
        problem.message = report.audit.problem;
        report.problems.append(problem);
    }
    checkHead(workspace, report);
    checkSignatures(workspace, report);
    return report;
}

} // namespace assay
