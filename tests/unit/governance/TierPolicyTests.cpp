#include "core/base/AssayError.h"
#include "core/governance/TierPolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <catch2/catch.hpp>
#include <functional>

using namespace assay;

namespace {

// Scores in the order of the default policy's dimensions: exposure, customer_impact,
// complexity, autonomy, data_sensitivity, regulatory, fairness.
QMap<QString, int> scores(std::array<int, 7> values) {
    static const std::array<const char*, 7> keys{"exposure", "customer_impact",  "complexity",
                                                 "autonomy", "data_sensitivity", "regulatory",
                                                 "fairness"};
    QMap<QString, int> result;
    for (std::size_t i = 0; i < keys.size(); ++i)
        result.insert(QString::fromLatin1(keys[i]), values[i]);
    return result;
}

QByteArray editedPolicy(const std::function<void(QJsonObject&)>& edit) {
    QJsonObject root = QJsonDocument::fromJson(TierPolicy::defaultPolicyJson()).object();
    edit(root);
    return QJsonDocument(root).toJson();
}

QString refusal(const QByteArray& json) {
    try {
        TierPolicy::fromJson(json, QStringLiteral("policy.json"));
    } catch (const AssayError& error) {
        return error.message();
    }
    return {};
}

} // namespace

TEST_CASE("Tiers follow the weighted score and the worst single dimension", "[tier]") {
    const TierPolicy policy = TierPolicy::defaultPolicy();
    struct Case {
        std::array<int, 7> scores;
        const char* eu;
        int tier;
        bool blocked;
        const char* ruleMentions;
    };
    // Weights: 0.2, 0.2, 0.1, 0.15, 0.1, 0.15, 0.1. Bands: weighted >= 3.0 -> 1, >= 2.2 -> 2;
    // worst = 4 -> 1, worst = 3 -> 2.
    const auto [given, eu, tier, blocked, ruleMentions] = GENERATE(values<Case>({
        {{1, 1, 1, 1, 1, 1, 1}, "minimal_risk", 3, false, "weighted score 1.00"},
        {{2, 2, 2, 2, 2, 2, 2}, "minimal_risk", 3, false, "weighted score 2.00"},
        {{1, 1, 1, 1, 1, 3, 1}, "minimal_risk", 2, false, "worst single dimension, Regulatory exposure = 3"},
        {{3, 2, 2, 2, 2, 2, 2}, "minimal_risk", 2, false, "weighted score 2.20 falls in the Tier 2 band"},
        {{2, 2, 2, 2, 2, 4, 2}, "minimal_risk", 1, false, "Regulatory exposure = 4"},
        {{3, 3, 2, 2, 2, 2, 2}, "minimal_risk", 2, false, "weighted score 2.40"},
        {{3, 3, 3, 3, 3, 3, 3}, "minimal_risk", 1, false, "weighted score 3.00"},
        {{1, 1, 1, 1, 1, 1, 1}, "high_risk", 1, false, "requires Tier 1 at least"},
        {{3, 3, 2, 2, 2, 2, 2}, "high_risk", 1, false, "the scores alone give Tier 2"},
        {{1, 1, 1, 1, 1, 1, 1}, "prohibited", 3, true, "prohibits"},
        {{4, 4, 4, 4, 4, 4, 4}, "limited_risk", 1, false, "weighted score 4.00"},
    }));
    const TierAssessment result = policy.assess(scores(given), QString::fromLatin1(eu));
    INFO(result.rule.toStdString());
    CHECK(result.tier == tier);
    CHECK(result.blocked == blocked);
    CHECK_THAT(result.rule.toStdString(), Catch::Contains(ruleMentions));
}

TEST_CASE("Tier requirements follow DESIGN §5", "[tier]") {
    const TierPolicy policy = TierPolicy::defaultPolicy();
    CHECK(policy.dimensions().size() == 7);
    CHECK(policy.requirements(1).signOffs == QStringList{QStringLiteral("model_owner"),
                                                         QStringLiteral("validator"),
                                                         QStringLiteral("risk_officer")});
    CHECK(policy.requirements(1).reviewMonths == 12);
    CHECK(policy.requirements(1).evidence.contains(QStringLiteral("validation_report")));
    CHECK(policy.requirements(2).reviewMonths == 24);
    CHECK(policy.requirements(3).reviewMonths == 36);
    CHECK(policy.requirements(3).evidence == QStringList{QStringLiteral("model_card")});
    for (const RiskDimension& dimension : policy.dimensions())
        CHECK(dimension.guidance.size() == 4);
}

TEST_CASE("The score bands are readable, most severe first", "[tier]") {
    const TierPolicy policy = TierPolicy::defaultPolicy();
    const QList<TierPolicy::Band>& weighted = policy.weightedScoreBands();
    REQUIRE(weighted.size() == 3);
    CHECK(weighted[0].tier == 1);
    CHECK(weighted[0].minScore == 3.0);
    CHECK(weighted[1].tier == 2);
    CHECK(weighted[1].minScore == 2.2);
    CHECK(weighted[2].tier == 3);
    const QList<TierPolicy::Band>& worst = policy.worstDimensionBands();
    REQUIRE(worst.size() == 3);
    CHECK(worst[0].minScore == 4);
    CHECK(worst[1].minScore == 3);
}

TEST_CASE("Assessments with missing or impossible scores are refused", "[tier]") {
    const TierPolicy policy = TierPolicy::defaultPolicy();
    QMap<QString, int> missing = scores({1, 1, 1, 1, 1, 1, 1});
    missing.remove(QStringLiteral("fairness"));
    CHECK_THROWS_WITH(policy.assess(missing, QStringLiteral("minimal_risk")),
                      Catch::Contains("no score for \"Fairness\""));
    CHECK_THROWS_WITH(policy.assess(scores({1, 5, 1, 1, 1, 1, 1}), QStringLiteral("minimal_risk")),
                      Catch::Contains("must be 1 to 4, not 5"));
    CHECK_THROWS_WITH(policy.assess(scores({1, 1, 1, 1, 1, 1, 1}), QStringLiteral("martian")),
                      Catch::Contains("not an EU AI Act category"));
}

TEST_CASE("A policy that fails validation names the field", "[tier]") {
    CHECK(refusal("{").startsWith(QLatin1String("policy.json: not valid JSON")));
    CHECK(refusal(editedPolicy([](QJsonObject& root) {
              QJsonArray dimensions = root[QStringLiteral("dimensions")].toArray();
              QJsonObject second = dimensions[1].toObject();
              second[QStringLiteral("weight")] = -0.2;
              dimensions[1] = second;
              root[QStringLiteral("dimensions")] = dimensions;
          })) == QLatin1String("policy.json: dimensions[1].weight must be above 0"));
    CHECK(refusal(editedPolicy([](QJsonObject& root) {
              QJsonArray dimensions = root[QStringLiteral("dimensions")].toArray();
              QJsonObject first = dimensions[0].toObject();
              first[QStringLiteral("weight")] = 0.3;
              dimensions[0] = first;
              root[QStringLiteral("dimensions")] = dimensions;
          })).contains(QLatin1String("weights must add up to 1 (they add up to 1.1)")));
    CHECK(refusal(editedPolicy([](QJsonObject& root) {
              QJsonArray tiers = root[QStringLiteral("tiers")].toArray();
              tiers.removeLast();
              root[QStringLiteral("tiers")] = tiers;
          })) == QLatin1String("policy.json: tiers must define tier 3 exactly once"));
    CHECK(refusal(editedPolicy([](QJsonObject& root) {
              QJsonArray tiers = root[QStringLiteral("tiers")].toArray();
              QJsonObject first = tiers[0].toObject();
              first[QStringLiteral("sign_offs")] = QJsonArray{QStringLiteral("the_boss")};
              tiers[0] = first;
              root[QStringLiteral("tiers")] = tiers;
          })) == QLatin1String("policy.json: tiers[0].sign_offs names an unknown role \"the_boss\""));
    CHECK(refusal(editedPolicy([](QJsonObject& root) {
              root[QStringLiteral("weighted_score_bands")] =
                  QJsonArray{QJsonObject{{QStringLiteral("tier"), 1}, {QStringLiteral("min_score"), 2.0}},
                             QJsonObject{{QStringLiteral("tier"), 2}, {QStringLiteral("min_score"), 2.5}},
                             QJsonObject{{QStringLiteral("tier"), 3}, {QStringLiteral("min_score"), 1.0}}};
          })).contains(QLatin1String("must ask less of tier 2 than of tier 1")));
}
