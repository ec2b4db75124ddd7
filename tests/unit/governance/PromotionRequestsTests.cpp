#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"
#include "core/governance/EvidenceBundle.h"
#include "core/governance/EvidenceFiles.h"
#include "core/governance/Findings.h"
#include "core/governance/PromotionGates.h"
#include "core/governance/ReviewSchedule.h"
#include "core/identity/Identity.h"
#include "core/registry/ModelCards.h"
#include "core/registry/Registry.h"
#include "core/tracking/MetricStore.h"
#include "core/workspace/AuditLog.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/GovernanceScenario.h"

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::GovernanceScenario;

namespace {

const QString ada = QStringLiteral("ada");
const QString dan = QStringLiteral("dan");
const QString olga = QStringLiteral("olga");
const QString val = QStringLiteral("val");
const QString vic = QStringLiteral("vic");
const QString rita = QStringLiteral("rita");

std::optional<int> production(GovernanceScenario& scenario) {
    return Registry(scenario.as(QStringLiteral("tester")))
        .aliasVersion(scenario.modelId(), QStringLiteral("production"));
}

QList<Decision> decisionsOf(GovernanceScenario& scenario, qint64 requestId) {
    const PromotionRequests requests(scenario.as(QStringLiteral("tester")));
    return requests.decisions(*requests.request(requestId));
}

void editCard(GovernanceScenario& scenario, int version, const QString& text) {
    scenario.as(ada).write([&](WriteTransaction& tx) {
        QMap<QString, QString> fields = ModelCards(tx.workspace()).card(scenario.versionId(version)).fields;
        fields.insert(QStringLiteral("caveats"), text);
        ModelCards::save(tx, scenario.versionId(version), fields);
    });
}

} // namespace

TEST_CASE("A Tier 3 promotion executes once the model owner and a reviewer approved", "[governance]") {
    GovernanceScenario scenario(3);
    const qint64 id = scenario.submit();
    CHECK(scenario.request(id).tier == 3);
    scenario.decide(olga, id);
    CHECK(scenario.request(id).isOpen());
    CHECK_FALSE(production(scenario).has_value());
    scenario.decide(val, id);

    const PromotionRequest done = scenario.request(id);
    CHECK(done.status == PromotionRequest::Status::Executed);
    CHECK(production(scenario) == 2);
    const QList<AliasChange> history =
        Registry(scenario.as(ada)).aliasHistory(scenario.modelId(), QStringLiteral("production"));
    REQUIRE(history.size() == 1);
    CHECK(history.first().reason.contains(QStringLiteral("olga (model owner)")));
    // The next review falls 36 months after the execution for Tier 3.
    const std::optional<ReviewDate> review = ReviewSchedule(scenario.as(ada)).next(scenario.modelId());
    REQUIRE(review.has_value());
    CHECK(review->nextReviewAt == ReviewSchedule::addMonths(scenario.temporary().now, 36));
    CHECK(AuditLog::verify(scenario.as(ada).database()).intact);
}

TEST_CASE("Tier 1 needs three distinct people holding the roles its rule names", "[governance]") {
    GovernanceScenario scenario(1);
    const qint64 id = scenario.submit();
    REQUIRE(scenario.request(id).tier == 1);
    scenario.decide(olga, id);
    scenario.decide(val, id);
    CHECK(scenario.request(id).isOpen()); // the risk officer's sign-off is still missing

    // A second validator cannot stand in for the risk officer.
    CHECK_THROWS_WITH(scenario.decide(vic, id), Catch::Contains("risk officer"));
    scenario.decide(rita, id);
    CHECK(scenario.request(id).status == PromotionRequest::Status::Executed);
    const QList<SignOff> signOffs = PromotionRequests(scenario.as(ada)).signOffs(scenario.request(id));
    QStringList signers;
    for (const SignOff& signOff : signOffs)
        signers << signOff.givenBy->decidedBy;
    CHECK(signers == QStringList{olga, val, rita});
}

TEST_CASE("Nobody decides a request they submitted", "[governance][sod]") {
    GovernanceScenario scenario(3);
    // dan holds data scientist, which qualifies as a Tier 3 reviewer, but he submits.
    const qint64 id = scenario.submit(2, dan);
    CHECK_THROWS_WITH(scenario.decide(dan, id), Catch::Contains("submitted request"));
    CHECK(decisionsOf(scenario, id).isEmpty());
}

TEST_CASE("Nobody decides on a version whose run they created", "[governance][sod]") {
    GovernanceScenario scenario(3);
    const qint64 id = scenario.submit(2, dan);
    // ada ran the experiment behind version 2; as a data scientist she would otherwise qualify.
    CHECK_THROWS_WITH(scenario.decide(ada, id), Catch::Contains("created the run"));
    CHECK_THROWS_WITH(scenario.decide(ada, id, Decision::Outcome::Reject),
                      Catch::Contains("created the run"));
}

TEST_CASE("One person cannot give two sign-offs", "[governance][sod]") {
    GovernanceScenario scenario(3);
    // The model owner also holds the validator role: she may give one sign-off, not both.
    scenario.as(QStringLiteral("tester")).write([](WriteTransaction& tx) {
        Identity::grantRole(tx, olga, Role::Validator);
    });
    const qint64 id = scenario.submit();
    scenario.decide(olga, id);
    CHECK_THROWS_WITH(scenario.decide(olga, id), Catch::Contains("signed request"));
    CHECK(scenario.request(id).isOpen());
    CHECK(decisionsOf(scenario, id).size() == 1);
}

TEST_CASE("A sign-off needs the role the rule names", "[governance][sod]") {
    GovernanceScenario scenario(2);
    const qint64 id = scenario.submit();
    // dan is a data scientist: Tier 2 wants the model owner and a validator, neither of which he is.
    CHECK_THROWS_WITH(scenario.decide(dan, id), Catch::Contains("can give none of them"));
    // Naming a sign-off one does not qualify for is refused too.
    CHECK_THROWS_WITH(scenario.decide(val, id, Decision::Outcome::Approve, {}, QStringLiteral("model_owner")),
                      Catch::Contains("cannot sign request"));
}

TEST_CASE("One rejection ends the request", "[governance]") {
    GovernanceScenario scenario(3);
    const qint64 id = scenario.submit();
    scenario.decide(olga, id);
    scenario.decide(val, id, Decision::Outcome::Reject);
    CHECK(scenario.request(id).status == PromotionRequest::Status::Rejected);
    CHECK_FALSE(production(scenario).has_value());
    CHECK_THROWS_WITH(scenario.decide(vic, id), Catch::Contains("takes no more decisions"));
}

TEST_CASE("Approving with conditions raises findings with owner and due date", "[governance]") {
    GovernanceScenario scenario(3);
    const qint64 id = scenario.submit();
    const DecisionCondition condition{QStringLiteral("Recalibrate on Q3 data"), ada, QDate(2026, 12, 31),
                                      QStringLiteral("high")};
    scenario.decide(olga, id, Decision::Outcome::ApproveWithConditions, {condition});
    const QList<Finding> findings = Findings(scenario.as(ada)).findings(scenario.modelId());
    REQUIRE(findings.size() == 1);
    CHECK(findings.first().owner == ada);
    CHECK(findings.first().dueDate == QDate(2026, 12, 31));
    CHECK(findings.first().decisionId.has_value());

    // Conditions without a known owner, or on a plain approval, are refused.
    CHECK_THROWS_WITH(scenario.decide(val, id, Decision::Outcome::ApproveWithConditions,
                                      {{QStringLiteral("x"), QStringLiteral("nobody"), QDate(2027, 1, 1),
                                        QStringLiteral("low")}}),
                      Catch::Contains("no user \"nobody\""));
    CHECK_THROWS_WITH(scenario.decide(val, id, Decision::Outcome::Approve, {condition}),
                      Catch::Contains("Only an approval with conditions"));
}

TEST_CASE("Changed evidence makes earlier decisions stale and the request needs them again", "[governance]") {
    GovernanceScenario scenario(2);
    const qint64 id = scenario.submit();
    scenario.decide(olga, id);
    editCard(scenario, 2, QStringLiteral("A caveat added after the owner signed"));

    QList<Decision> decisions = decisionsOf(scenario, id);
    REQUIRE(decisions.size() == 1);
    CHECK(decisions.first().status == Decision::Status::Stale);
    CHECK(decisions.first().statusDetail.contains(QStringLiteral("model card")));

    // The validator's approval alone does not execute: the owner's sign-off no longer counts.
    scenario.decide(val, id);
    CHECK(scenario.request(id).isOpen());
    const PromotionRequests requests(scenario.as(ada));
    CHECK(requests.inbox(olga).size() == 1);
    scenario.decide(olga, id);
    CHECK(scenario.request(id).status == PromotionRequest::Status::Executed);
}

TEST_CASE("A decision edited in the file shows as invalid", "[governance][signature]") {
    GovernanceScenario scenario(3);
    const qint64 id = scenario.submit();
    const qint64 decisionId = scenario.decide(olga, id);
    REQUIRE(decisionsOf(scenario, id).first().status == Decision::Status::Verified);

    SECTION("the comment") {
        SqlQuery::run(scenario.as(ada).database(),
                      QStringLiteral("UPDATE decisions SET comment = 'Looks fine' WHERE id = ?"),
                      {decisionId});
    }
    SECTION("the outcome") {
        SqlQuery::run(scenario.as(ada).database(),
                      QStringLiteral("UPDATE decisions SET outcome = 'reject' WHERE id = ?"), {decisionId});
    }
    SECTION("the outcome, to one Assay never writes") {
        SqlQuery::run(scenario.as(ada).database(), QStringLiteral("PRAGMA ignore_check_constraints = ON"));
        SqlQuery::run(scenario.as(ada).database(),
                      QStringLiteral("UPDATE decisions SET outcome = 'waved_through' WHERE id = ?"),
                      {decisionId});
        SqlQuery::run(scenario.as(ada).database(), QStringLiteral("PRAGMA ignore_check_constraints = OFF"));
    }
    SECTION("the signer") {
        SqlQuery::run(scenario.as(ada).database(),
                      QStringLiteral("UPDATE decisions SET decided_by = 'val' WHERE id = ?"), {decisionId});
    }
    SECTION("a gate's status it recorded") {
        const QString snapshot =
            SqlQuery::scalar(scenario.as(ada).database(),
                             QStringLiteral("SELECT snapshot FROM decisions WHERE id = ?"), {decisionId})
                .toString();
        REQUIRE(snapshot.contains(QStringLiteral("\"status\":\"passed\"")));
        QString edited = snapshot;
        edited.replace(QStringLiteral("\"status\":\"passed\""), QStringLiteral("\"status\":\"failed\""));
        SqlQuery::run(scenario.as(ada).database(),
                      QStringLiteral("UPDATE decisions SET snapshot = ? WHERE id = ?"), {edited, decisionId});
    }
    SECTION("the snapshot removed, as if it were a decision from before snapshots") {
        SqlQuery::run(scenario.as(ada).database(),
                      QStringLiteral("UPDATE decisions SET snapshot = NULL WHERE id = ?"), {decisionId});
    }
    SECTION("the snapshot made unreadable") {
        SqlQuery::run(scenario.as(ada).database(),
                      QStringLiteral("UPDATE decisions SET snapshot = '{\"gates\":3}' WHERE id = ?"),
                      {decisionId});
    }
    SECTION("the registered public key") {
        SqlQuery::run(scenario.as(ada).database(),
                      QStringLiteral("UPDATE signing_keys SET public_key = "
                                     "'00000000000000000000000000000000000000000000000000000000000000aa'"));
    }
    const QList<Decision> decisions = decisionsOf(scenario, id);
    CHECK(decisions.first().status == Decision::Status::Invalid);
    const QList<SignatureCheck> checks = PromotionRequests(scenario.as(ada)).verifySignatures();
    REQUIRE(checks.size() == 1);
    CHECK(checks.first().isProblem());
    // An invalid decision gives no sign-off.
    CHECK_FALSE(PromotionRequests(scenario.as(ada)).signOffs(scenario.request(id)).first().isGiven());
}

TEST_CASE("Evidence altered after execution is a problem for verification", "[governance][signature]") {
    GovernanceScenario scenario(3);
    const qint64 id = scenario.submit();
    scenario.decide(olga, id);
    scenario.decide(val, id);
    REQUIRE(scenario.request(id).status == PromotionRequest::Status::Executed);
    for (const SignatureCheck& check : PromotionRequests(scenario.as(ada)).verifySignatures())
        CHECK_FALSE(check.isProblem());

    // Core refuses to change an approved version's card, so only the file can.
    CHECK_THROWS_WITH(editCard(scenario, 2, QStringLiteral("rewritten")), Catch::Contains("was approved"));
    SqlQuery::run(
        scenario.as(ada).database(),
        QStringLiteral("UPDATE model_cards SET content = '{\"caveats\":\"none\"}' WHERE version_id = ?"),
        {scenario.versionId(2)});
    const QList<SignatureCheck> checks = PromotionRequests(scenario.as(ada)).verifySignatures();
    REQUIRE(checks.size() == 2);
    for (const SignatureCheck& check : checks) {
        CHECK(check.status == Decision::Status::Stale);
        CHECK(check.isProblem());
    }
}

TEST_CASE("A request on an outdated revision is refused", "[governance]") {
    GovernanceScenario scenario(3);
    const qint64 id = scenario.submit();
    const int seen = scenario.request(id).revision;
    scenario.decide(olga, id);
    scenario.as(val).write([&](WriteTransaction& tx) {
        PromotionRequests::DecisionInput input;
        input.comment = QStringLiteral("ok");
        input.expectedRevision = seen;
        CHECK_THROWS_WITH(PromotionRequests::decide(tx, scenario.keychain(), id, input),
                          Catch::Contains("changed while you were looking"));
        tx.audit(QStringLiteral("test.noop"), QStringLiteral("test"), {});
    });
}

TEST_CASE("Submitting needs an assessed model with an owner, and one open request per alias",
          "[governance]") {
    GovernanceScenario scenario(3);
    CHECK_THROWS_WITH(scenario.submit(2, val), Catch::Contains("data scientist"));
    scenario.submit();
    CHECK_THROWS_WITH(scenario.submit(), Catch::Contains("still open"));
    scenario.as(QStringLiteral("tester")).write([&](WriteTransaction& tx) {
        Registry::setOwners(tx, scenario.modelId(), {}, {});
    });
    scenario.registerVersion(0.9);
    CHECK_THROWS_WITH(scenario.submit(3), Catch::Contains("Name an owner"));
}

TEST_CASE("The inbox lists what a person can still sign", "[governance]") {
    GovernanceScenario scenario(2);
    const qint64 id = scenario.submit();
    const PromotionRequests requests(scenario.as(ada));
    CHECK(requests.inbox(olga).size() == 1);
    CHECK(requests.inbox(val).size() == 1);
    CHECK(requests.inbox(rita).isEmpty()); // Tier 2 needs no risk officer
    CHECK(requests.inbox(ada).isEmpty());  // she ran it
    scenario.decide(val, id);
    CHECK(requests.inbox(val).isEmpty());
    CHECK(requests.inbox(vic).isEmpty()); // the validator sign-off is given
    CHECK(requests.eligibility(scenario.request(id), vic).canReject);
}

TEST_CASE("A periodic review is decided and signed like a promotion", "[governance]") {
    GovernanceScenario scenario(3);
    const qint64 promotion = scenario.submit();
    scenario.decide(olga, promotion);
    scenario.decide(val, promotion);
    scenario.temporary().now = ReviewSchedule::addMonths(scenario.temporary().now, 37);
    CHECK(ReviewSchedule(scenario.as(ada)).overdue(scenario.temporary().now).size() == 1);

    qint64 review = 0;
    scenario.as(val).write([&](WriteTransaction& tx) {
        review = PromotionRequests::submitReview(tx, scenario.modelId(), QStringLiteral("Due"));
    });
    CHECK(scenario.request(review).kind == PromotionRequest::Kind::Review);
    scenario.decide(olga, review);
    scenario.decide(vic, review);
    CHECK(scenario.request(review).status == PromotionRequest::Status::Executed);
    CHECK(ReviewSchedule(scenario.as(ada)).overdue(scenario.temporary().now).isEmpty());
    CHECK(production(scenario) == 2);
}

TEST_CASE("Gates compare the primary metric with the champion within the tolerance", "[governance]") {
    GovernanceScenario scenario(3);
    const qint64 first = scenario.submit(1);
    scenario.decide(olga, first);
    scenario.decide(val, first);
    REQUIRE(production(scenario) == 1);

    const auto gate = [&](qint64 id) {
        for (const Gate& g : PromotionGates::compute(scenario.as(ada), scenario.request(id))) {
            if (g.key == QLatin1String("primary_metric"))
                return g;
        }
        return Gate{};
    };
    const qint64 better = scenario.submit(2); // 0.82 against 0.80
    CHECK(gate(better).status == Gate::Status::Passed);
    // Candidate minus champion, and what that means in words.
    CHECK(gate(better).detail.contains(QStringLiteral(": +0.02, 0.02 better (higher is better")));
    scenario.as(ada).write(
        [&](WriteTransaction& tx) { PromotionRequests::withdraw(tx, better, QStringLiteral("t")); });
    const int worse = scenario.registerVersion(0.785); // 0.015 below, tolerance 0.01
    const qint64 id = scenario.submit(worse);
    CHECK(gate(id).status == Gate::Status::Failed);
    CHECK(gate(id).detail.contains(QStringLiteral("tolerance 0.01")));
    CHECK(gate(id).detail.contains(QStringLiteral(": \u22120.015, 0.015 worse (higher is better")));
}

TEST_CASE("A decision keeps the gates and evidence its reviewer saw, signed, whatever happens later",
          "[governance][signature]") {
    GovernanceScenario scenario(3);
    const qint64 first = scenario.submit(1);
    scenario.decide(olga, first);
    scenario.decide(val, first);
    REQUIRE(production(scenario) == 1);
    const qint64 second = scenario.submit(2); // 0.82 against the champion v1's 0.80
    const QList<Gate> gatesSeen = PromotionGates::compute(scenario.as(ada), scenario.request(second));
    scenario.decide(olga, second);
    scenario.decide(val, second);
    REQUIRE(production(scenario) == 2);
    // Later: v3 becomes the champion, and a critical finding opens on the model.
    const qint64 third = scenario.submit(scenario.registerVersion(0.9));
    scenario.decide(olga, third);
    scenario.decide(val, third);
    REQUIRE(production(scenario) == 3);
    scenario.as(rita).write([&](WriteTransaction& tx) {
        Findings::raise(tx, scenario.modelId(), std::nullopt,
                        {QStringLiteral("Leak found"), ada, QDate(2030, 1, 1), QStringLiteral("critical")});
    });

    // Today's data says something else about request #2 ...
    const QList<Gate> now = PromotionGates::compute(scenario.as(ada), scenario.request(second));
    const auto byKey = [](const QList<Gate>& gates, const char* key) {
        for (const Gate& gate : gates) {
            if (gate.key == QLatin1String(key))
                return gate;
        }
        return Gate{};
    };
    CHECK(byKey(now, "critical_findings").status == Gate::Status::Failed);
    CHECK_FALSE(byKey(now, "primary_metric").detail.contains(QStringLiteral("v1")));
    // ... but each of its decisions shows what its signer saw, and still verifies.
    const QList<Decision> decisions = decisionsOf(scenario, second);
    REQUIRE(decisions.size() == 2);
    for (const Decision& decision : decisions) {
        CHECK(decision.status != Decision::Status::Invalid);
        REQUIRE(decision.snapshot);
        const QList<Gate> recorded = PromotionGates::recorded(decision);
        REQUIRE(recorded.size() == gatesSeen.size());
        for (qsizetype i = 0; i < recorded.size(); ++i) {
            CHECK(recorded[i].key == gatesSeen[i].key);
            CHECK(recorded[i].status == gatesSeen[i].status);
            CHECK(recorded[i].detail == gatesSeen[i].detail);
        }
        CHECK(byKey(recorded, "primary_metric").detail.contains(QStringLiteral("champion v1's 0.8")));
        CHECK(byKey(recorded, "critical_findings").status == Gate::Status::Passed);
        CHECK(decision.snapshot->championVersion == 1);
        CHECK(decision.snapshot->championEvidence.value(QStringLiteral("version")).toInt() == 1);
        CHECK(EvidenceBundle::hash(decision.snapshot->evidence) == decision.evidenceHash);
    }
}

TEST_CASE("A decision on gates or evidence that changed since the reviewer looked is refused",
          "[governance]") {
    GovernanceScenario scenario(3);
    const qint64 id = scenario.submit();
    const QString seen =
        PromotionRequests(scenario.as(olga)).snapshot(scenario.request(id)).hash(); // the dialog opens
    // Meanwhile a metric is logged on the candidate's run: the request's revision stays.
    scenario.as(ada).write([&](WriteTransaction& tx) {
        const qint64 runId = *Registry(tx.workspace()).version(scenario.modelId(), 2)->runId;
        MetricSeries late;
        late.steps = {99};
        late.timestamps = {1};
        late.values = {0.5};
        MetricStore::log(tx, runId, {{QStringLiteral("auc"), late}});
    });
    PromotionRequests::DecisionInput input;
    input.comment = QStringLiteral("Fine");
    input.expectedRevision = scenario.request(id).revision;
    input.expectedSnapshotHash = seen;
    CHECK_THROWS_WITH(scenario.as(olga).write([&](WriteTransaction& tx) {
        PromotionRequests::decide(tx, scenario.keychain(), id, input);
    }),
                      Catch::Contains("changed while you were deciding"));
    CHECK(decisionsOf(scenario, id).isEmpty());
    // Looked at again, it is signed.
    input.expectedSnapshotHash = PromotionRequests(scenario.as(olga)).snapshot(scenario.request(id)).hash();
    scenario.as(olga).write(
        [&](WriteTransaction& tx) { PromotionRequests::decide(tx, scenario.keychain(), id, input); });
    CHECK(decisionsOf(scenario, id).size() == 1);
}

TEST_CASE("A decision made before snapshots shows the gate statuses it signed", "[governance]") {
    Decision old;
    old.gates = QJsonObject{{QStringLiteral("drift"), QStringLiteral("not_applicable")},
                            {QStringLiteral("primary_metric"), QStringLiteral("failed")},
                            {QStringLiteral("critical_findings"), QStringLiteral("passed")}};
    const QList<Gate> gates = PromotionGates::recorded(old);
    REQUIRE(gates.size() == 3);
    CHECK(gates[0].key == QLatin1String("primary_metric")); // in the order the page shows them
    CHECK(gates[0].status == Gate::Status::Failed);
    CHECK(gates[0].detail.contains(QStringLiteral("status alone")));
    CHECK(gates[1].status == Gate::Status::Passed);
    CHECK(gates[2].status == Gate::Status::NotApplicable);
}

TEST_CASE("Evidence files enter the evidence hash and the Tier 1 evidence gate", "[governance]") {
    GovernanceScenario scenario(1);
    const qint64 id = scenario.submit();
    const PromotionRequest request = scenario.request(id);
    const auto evidenceGate = [&] {
        return PromotionGates::compute(scenario.as(ada), scenario.request(id)).last();
    };
    CHECK(evidenceGate().status == Gate::Status::Failed);
    CHECK(evidenceGate().detail.contains(QStringLiteral("validation report")));
    scenario.as(val).write([&](WriteTransaction& tx) {
        EvidenceFiles::add(tx, scenario.versionId(2), QStringLiteral("validation_report"),
                           QStringLiteral("validation.pdf"), QStringLiteral("application/pdf"),
                           "%PDF-1.4 test");
    });
    CHECK_FALSE(evidenceGate().detail.contains(QStringLiteral("validation report")));
    CHECK(EvidenceBundle::hash(PromotionRequests(scenario.as(ada)).liveEvidence(request)) !=
          request.evidenceHash);
}

TEST_CASE("The model owner cannot submit what they must sign", "[governance][sod]") {
    GovernanceScenario scenario(3);
    scenario.as(QStringLiteral("tester")).write([&](WriteTransaction& tx) {
        Identity::grantRole(tx, olga, Role::DataScientist);
    });
    CHECK_THROWS_WITH(scenario.submit(2, olga), Catch::Contains("owns churn"));
    CHECK(PromotionRequests(scenario.as(ada)).requests().isEmpty());
}
