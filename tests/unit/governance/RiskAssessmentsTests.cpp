#include "core/base/AssayError.h"
#include "core/governance/Policies.h"
#include "core/governance/RiskAssessments.h"
#include "core/registry/ModelCards.h"
#include "core/registry/Registry.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/GovernanceScenario.h"

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::GovernanceScenario;

namespace {

qint64 assessWithOverride(GovernanceScenario& scenario, const QString& by, int tier, const QString& reason) {
    qint64 id = 0;
    scenario.as(by).write([&](WriteTransaction& tx) {
        id = RiskAssessments::assess(tx, scenario.modelId(), GovernanceScenario::scoresFor(3),
                                     QStringLiteral("minimal_risk"), QStringLiteral("scored"),
                                     RiskAssessments::Override{tier, reason});
    });
    return id;
}

const QString longReason = QStringLiteral("Customer-facing pricing since the March release");

} // namespace

TEST_CASE("An override counts only once another risk officer approved it", "[governance][risk]") {
    GovernanceScenario scenario(3);
    const qint64 id = assessWithOverride(scenario, QStringLiteral("rita"), 1, longReason);
    const RiskAssessments assessments(scenario.as(QStringLiteral("ada")));
    CHECK(assessments.latest(scenario.modelId())->effectiveTier() == 3);
    CHECK(assessments.pendingOverrides().size() == 1);

    CHECK_THROWS_WITH(scenario.as(QStringLiteral("rita")).write([&](WriteTransaction& tx) {
        RiskAssessments::decideOverride(tx, id, true, QStringLiteral("mine"));
    }),
                      Catch::Contains("cannot approve or reject it"));
    CHECK_THROWS_WITH(scenario.as(QStringLiteral("val")).write([&](WriteTransaction& tx) {
        RiskAssessments::decideOverride(tx, id, true, QStringLiteral("agree"));
    }),
                      Catch::Contains("risk officer"));
    scenario.as(QStringLiteral("rick")).write([&](WriteTransaction& tx) {
        RiskAssessments::decideOverride(tx, id, true, QStringLiteral("Agreed: pricing is customer-facing"));
    });
    CHECK(assessments.latest(scenario.modelId())->effectiveTier() == 1);
    CHECK(assessments.pendingOverrides().isEmpty());
}

TEST_CASE("An override needs a written reason and cannot unblock a prohibited use", "[governance][risk]") {
    GovernanceScenario scenario(3);
    CHECK_THROWS_WITH(assessWithOverride(scenario, QStringLiteral("val"), 1, QStringLiteral("because")),
                      Catch::Contains("written reason"));
    CHECK_THROWS_WITH(scenario.as(QStringLiteral("val")).write([&](WriteTransaction& tx) {
        RiskAssessments::assess(tx, scenario.modelId(), GovernanceScenario::scoresFor(3),
                                QStringLiteral("prohibited"), {}, RiskAssessments::Override{3, longReason});
    }),
                      Catch::Contains("prohibits cannot be overridden"));
    // Without an override the prohibited use is recorded, and blocks promotion.
    scenario.as(QStringLiteral("val")).write([&](WriteTransaction& tx) {
        RiskAssessments::assess(tx, scenario.modelId(), GovernanceScenario::scoresFor(3),
                                QStringLiteral("prohibited"), {});
    });
    CHECK_THROWS_WITH(scenario.submit(), Catch::Contains("cannot be promoted"));
}

TEST_CASE("Analysts cannot assess risk", "[governance][risk]") {
    GovernanceScenario scenario(3);
    CHECK_THROWS_WITH(scenario.as(QStringLiteral("olga")).write([&](WriteTransaction& tx) {
        RiskAssessments::assess(tx, scenario.modelId(), GovernanceScenario::scoresFor(2),
                                QStringLiteral("minimal_risk"), {});
    }),
                      Catch::Contains("risk officer role"));
}

TEST_CASE("The policy is versioned in the workspace and only an admin publishes", "[governance][policy]") {
    GovernanceScenario scenario(3);
    Workspace& admin = scenario.as(QStringLiteral("tester"));
    // The first assessment published the built-in policy as version 1.
    REQUIRE(Policies(admin).current().version == 1);
    QByteArray edited = Policies(admin).current().document;
    edited.replace("\"review_months\": 36", "\"review_months\": 30");
    REQUIRE(edited != Policies(admin).current().document);

    CHECK_THROWS_WITH(scenario.as(QStringLiteral("rita")).write([&](WriteTransaction& tx) {
        Policies::publish(tx, edited, QStringLiteral("shorter"));
    }),
                      Catch::Contains("admin"));
    CHECK_THROWS_WITH(admin.write([&](WriteTransaction& tx) {
        Policies::publish(tx, QByteArray(edited).replace("\"weight\": 0.2,", "\"weight\": \"x\","), {});
    }),
                      Catch::Contains("dimensions[0].weight"));
    admin.write(
        [&](WriteTransaction& tx) { Policies::publish(tx, edited, QStringLiteral("shorter reviews")); });
    CHECK(Policies(admin).current().version == 2);
    CHECK(Policies(admin).currentPolicy().requirements(3).reviewMonths == 30);
    CHECK(Policies(admin).policy(1).requirements(3).reviewMonths == 36);
    CHECK(Policies(admin).history().size() == 2);
    CHECK_THROWS_WITH(admin.write([&](WriteTransaction& tx) { Policies::publish(tx, edited, {}); }),
                      Catch::Contains("unchanged"));
}

TEST_CASE("Model cards: sections, a copy for the next version, completeness", "[governance][card]") {
    GovernanceScenario scenario(3);
    const ModelCards cards(scenario.as(QStringLiteral("ada")));
    CHECK(cards.card(scenario.versionId(2)).isComplete());
    // Version 3 starts with version 2's card.
    const int three = scenario.registerVersion(0.9);
    CHECK(cards.card(scenario.versionId(three)).fields == cards.card(scenario.versionId(2)).fields);

    scenario.as(QStringLiteral("ada")).write([&](WriteTransaction& tx) {
        ModelCards::save(tx, scenario.versionId(three),
                         {{QStringLiteral("model_details"), QStringLiteral("xgb")}});
    });
    const ModelCard partial = cards.card(scenario.versionId(three));
    CHECK_FALSE(partial.isComplete());
    CHECK(partial.missingSections().contains(QStringLiteral("Ethical considerations")));
    CHECK(partial.missingSections().size() == ModelCards::sections().size() - 1);

    CHECK_THROWS_WITH(scenario.as(QStringLiteral("ada")).write([&](WriteTransaction& tx) {
        ModelCards::save(tx, scenario.versionId(three), {{QStringLiteral("colour"), QStringLiteral("blue")}});
    }),
                      Catch::Contains("no section \"colour\""));
    CHECK_THROWS_WITH(scenario.as(QStringLiteral("val")).write([&](WriteTransaction& tx) {
        ModelCards::save(tx, scenario.versionId(three), {});
    }),
                      Catch::Contains("data scientist"));
}

TEST_CASE("Registering a run as a version needs the data scientist role", "[governance]") {
    GovernanceScenario scenario(3);
    CHECK_THROWS_WITH(scenario.registerVersion(0.7, QStringLiteral("val")),
                      Catch::Contains("data scientist"));
    CHECK(Registry(scenario.as(QStringLiteral("ada"))).versions(scenario.modelId()).size() == 2);
}
