#include "core/audit/WorkspaceIntegrity.h"
#include "core/base/SqlQuery.h"
#include "tests/support/GovernanceScenario.h"

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::GovernanceScenario;

namespace {

const QString olga = QStringLiteral("olga");
const QString val = QStringLiteral("val");

// A Tier 3 promotion of churn v2, approved by olga (owner) and val, executed.
struct ApprovedPromotion {
    GovernanceScenario scenario{3};
    qint64 requestId = 0;

    ApprovedPromotion() {
        requestId = scenario.submit(2);
        scenario.decide(olga, requestId);
        scenario.decide(val, requestId);
        REQUIRE(scenario.request(requestId).status == PromotionRequest::Status::Executed);
    }

    // What someone with the sqlite3 shell would do; check() then reads through a fresh connection.
    void tamper(const QString& sql) {
        REQUIRE(test::runCommand(QStringLiteral("sqlite3"), {scenario.temporary().path(), sql}) == 0);
    }
    IntegrityReport check() {
        const auto fresh = scenario.temporary().reopen();
        return WorkspaceIntegrity::check(*fresh);
    }
    qint64 decisionOf(const QString& login) {
        return SqlQuery::scalar(scenario.as(QStringLiteral("tester")).database(),
                                QStringLiteral("SELECT id FROM decisions WHERE decided_by = ?"), {login})
            .toLongLong();
    }
};

// A copy: callers pass the report of a check() they do not keep.
IntegrityProblem onlyProblem(const IntegrityReport& report) {
    REQUIRE(report.problems.size() == 1);
    return report.problems.first();
}

} // namespace

TEST_CASE("An untouched workspace verifies, signatures and all", "[integrity]") {
    ApprovedPromotion p;
    const IntegrityReport report = p.check();
    CHECK(report.isIntact());
    CHECK(report.signaturesChecked == 2);
    CHECK(report.audit.eventCount > 10);
    CHECK(report.summary().startsWith(
        QStringLiteral("Verified: %1 audit events").arg(report.audit.eventCount)));
}

TEST_CASE("An audit row edited or deleted inside the chain is found at its sequence number", "[integrity]") {
    ApprovedPromotion p;
    p.tamper(QStringLiteral(
        "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 5"));
    const IntegrityProblem& edited = onlyProblem(p.check());
    CHECK(edited.kind == IntegrityProblem::Kind::AuditChain);
    CHECK(edited.seq == 5);

    ApprovedPromotion q;
    q.tamper(QStringLiteral("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 7"));
    const IntegrityReport report = q.check();
    REQUIRE_FALSE(report.isIntact());
    CHECK(report.problems.first().kind == IntegrityProblem::Kind::AuditChain);
    CHECK(report.problems.first().seq == 7);
    CHECK(report.summary().startsWith(QLatin1String("Broken at sequence 7")));
}

TEST_CASE("Audit rows cut from the end of the chain are found through its recorded head", "[integrity]") {
    ApprovedPromotion p;
    const qint64 last = p.check().audit.verifiedThrough;
    p.tamper(QStringLiteral("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq > %1")
                 .arg(last - 2));
    const IntegrityReport report = p.check();
    CHECK(report.audit.intact); // what is left of the chain still links
    const IntegrityProblem& cut = onlyProblem(report);
    CHECK(cut.kind == IntegrityProblem::Kind::AuditHead);
    CHECK(cut.seq == last - 1);
    CHECK(cut.message.contains(QStringLiteral("Audit events %1 to %2 were removed").arg(last - 1).arg(last)));

    ApprovedPromotion q;
    q.tamper(QStringLiteral("DELETE FROM workspace_meta WHERE key = 'audit_head'"));
    CHECK(onlyProblem(q.check()).message.contains(QLatin1String("is missing")));
}

TEST_CASE("A decision's verdict or comment changed, or its signer's key swapped, names the decision",
          "[integrity]") {
    for (const QString& change :
         {QStringLiteral("UPDATE decisions SET comment = 'Rubber-stamped' WHERE id = %1"),
          QStringLiteral("UPDATE decisions SET outcome = 'approve_with_conditions' WHERE id = %1")}) {
        ApprovedPromotion p;
        const qint64 decision = p.decisionOf(val);
        p.tamper(change.arg(decision));
        const IntegrityProblem& problem = onlyProblem(p.check());
        CHECK(problem.kind == IntegrityProblem::Kind::DecisionSignature);
        CHECK(problem.entity.startsWith(
            QStringLiteral("decision %1 by val on request #%2").arg(decision).arg(p.requestId)));
    }

    ApprovedPromotion k;
    const qint64 decision = k.decisionOf(olga);
    // Another valid-looking key in olga's place: her signature no longer verifies.
    k.tamper(QStringLiteral(
        "UPDATE signing_keys SET public_key = substr(public_key, 3) || substr(public_key, 1, 2) "
        "WHERE user_id = (SELECT id FROM users WHERE login = 'olga')"));
    const IntegrityProblem& swapped = onlyProblem(k.check());
    CHECK(swapped.kind == IntegrityProblem::Kind::DecisionSignature);
    CHECK(swapped.entity.startsWith(QStringLiteral("decision %1 by olga").arg(decision)));
}

TEST_CASE("Evidence altered after approval shows on every decision that approved it", "[integrity]") {
    ApprovedPromotion p;
    p.tamper(QStringLiteral("UPDATE model_cards SET content = json_set(content, '$.caveats', 'None at all') "
                            "WHERE version_id = %1")
                 .arg(p.scenario.versionId(2)));
    const IntegrityReport report = p.check();
    REQUIRE(report.problems.size() == 2);
    for (const IntegrityProblem& problem : report.problems) {
        CHECK(problem.kind == IntegrityProblem::Kind::ApprovedEvidence);
        CHECK(problem.message.contains(QLatin1String("changed after the promotion executed")));
    }
    CHECK(report.summary().startsWith(QLatin1String("Tampering found: decision")));
}
