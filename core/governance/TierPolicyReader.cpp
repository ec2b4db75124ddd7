#include "TierPolicyReader.h"

#include "core/base/AssayError.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace assay {
namespace {

const QSet<QString> knownRoles{QStringLiteral("model_owner"), QStringLiteral("validator"),
                               QStringLiteral("risk_officer"), QStringLiteral("reviewer")};
const QSet<QString> knownEvidence{QStringLiteral("model_card"), QStringLiteral("validation_report"),
                                  QStringLiteral("fairness_metrics"), QStringLiteral("drift_monitor"),
                                  QStringLiteral("champion_comparison")};

QString indexed(const QString& path, qsizetype index) {
    return QStringLiteral("%1[%2]").arg(path).arg(index);
}

QString member(const QString& path, const QString& field) {
    return path.isEmpty() ? field : path + QLatin1Char('.') + field;
}

} // namespace

TierPolicyReader::TierPolicyReader(const QByteArray& json, const QString& sourceName)
    : m_json(json)
    , m_source(sourceName) {}

void TierPolicyReader::fail(const QString& path, const QString& problem) const {
    throw AssayError(QStringLiteral("%1: %2 %3").arg(m_source, path, problem));
}

QJsonArray TierPolicyReader::array(const QJsonObject& object, const QString& field,
                                   const QString& path) const {
    if (!object.value(field).isArray() || object.value(field).toArray().isEmpty())
        fail(member(path, field), QStringLiteral("must be a non-empty list"));
    return object.value(field).toArray();
}

QString TierPolicyReader::text(const QJsonObject& object, const QString& field, const QString& path) const {
    if (!object.value(field).isString() || object.value(field).toString().trimmed().isEmpty())
        fail(member(path, field), QStringLiteral("must be a non-empty string"));
    return object.value(field).toString();
}

double TierPolicyReader::number(const QJsonObject& object, const QString& field, const QString& path) const {
    if (!object.value(field).isDouble())
        fail(member(path, field), QStringLiteral("must be a number"));
    return object.value(field).toDouble();
}

int TierPolicyReader::tierNumber(const QJsonObject& object, const QString& field, const QString& path) const {
    const double value = number(object, field, path);
    if (value != 1 && value != 2 && value != 3)
        fail(member(path, field), QStringLiteral("must be 1, 2 or 3"));
    return static_cast<int>(value);
}

TierPolicy TierPolicyReader::read() {
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(m_json, &error);
    if (error.error != QJsonParseError::NoError)
        throw AssayError(QStringLiteral("%1: not valid JSON at character %2: %3")
                             .arg(m_source)
                             .arg(error.offset + 1)
                             .arg(error.errorString()));
    if (!document.isObject())
        throw AssayError(QStringLiteral("%1: a policy is a JSON object").arg(m_source));
    const QJsonObject root = document.object();
    TierPolicy policy;
    policy.m_json = m_json;
    policy.m_name = text(root, QStringLiteral("name"), {});
    readDimensions(root, policy);
    policy.m_weightedBands = readBands(root, QStringLiteral("weighted_score_bands"));
    policy.m_worstBands = readBands(root, QStringLiteral("worst_dimension_bands"));
    readEuCategories(root, policy);
    readTiers(root, policy);
    policy.m_primaryMetricTolerance = number(root, QStringLiteral("primary_metric_tolerance"), {});
    if (policy.m_primaryMetricTolerance < 0)
        fail(QStringLiteral("primary_metric_tolerance"), QStringLiteral("must not be negative"));
    return policy;
}

void TierPolicyReader::readDimensions(const QJsonObject& root, TierPolicy& policy) const {
    const QJsonArray dimensions = array(root, QStringLiteral("dimensions"), {});
    QSet<QString> keys;
    double total = 0;
    for (qsizetype i = 0; i < dimensions.size(); ++i) {
        const QString path = indexed(QStringLiteral("dimensions"), i);
        const QJsonObject object = dimensions[i].toObject();
        RiskDimension dimension;
        dimension.key = text(object, QStringLiteral("key"), path);
        if (keys.contains(dimension.key))
            fail(member(path, QStringLiteral("key")), QStringLiteral("repeats \"%1\"").arg(dimension.key));
        keys.insert(dimension.key);
        dimension.label = text(object, QStringLiteral("label"), path);
        dimension.weight = number(object, QStringLiteral("weight"), path);
        if (!(dimension.weight > 0))
            fail(member(path, QStringLiteral("weight")), QStringLiteral("must be above 0"));
        const QJsonArray guidance = array(object, QStringLiteral("guidance"), path);
        if (guidance.size() != 4)
            fail(member(path, QStringLiteral("guidance")),
                 QStringLiteral("must say what each score 1 to 4 means"));
        for (const QJsonValue& line : guidance)
            dimension.guidance << line.toString();
        total += dimension.weight;
        policy.m_dimensions.append(dimension);
    }
    if (std::abs(total - 1.0) > 1e-9)
        fail(QStringLiteral("dimensions"),
             QStringLiteral("weights must add up to 1 (they add up to %1)").arg(total));
}

QList<TierPolicy::Band> TierPolicyReader::readBands(const QJsonObject& root, const QString& field) const {
    const QJsonArray array = this->array(root, field, {});
    QList<TierPolicy::Band> bands;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = indexed(field, i);
        const QJsonObject object = array[i].toObject();
        bands.append({tierNumber(object, QStringLiteral("tier"), path),
                      number(object, QStringLiteral("min_score"), path)});
    }
    // Most severe first, so that the first band whose minimum a score reaches is its band.
    std::sort(bands.begin(), bands.end(),
              [](const TierPolicy::Band& a, const TierPolicy::Band& b) { return a.tier < b.tier; });
    for (qsizetype i = 1; i < bands.size(); ++i) {
        if (bands[i].tier == bands[i - 1].tier)
            fail(field, QStringLiteral("lists tier %1 twice").arg(bands[i].tier));
        if (bands[i].minScore >= bands[i - 1].minScore)
            fail(field, QStringLiteral("must ask less of tier %1 than of tier %2")
                            .arg(bands[i].tier)
                            .arg(bands[i - 1].tier));
    }
    if (bands.last().tier != 3 || bands.last().minScore > 1)
        fail(field, QStringLiteral("must put every score from 1 up in some tier (tier 3 from 1)"));
    return bands;
}

void TierPolicyReader::readEuCategories(const QJsonObject& root, TierPolicy& policy) const {
    const QJsonArray categories = array(root, QStringLiteral("eu_ai_act_categories"), {});
    for (qsizetype i = 0; i < categories.size(); ++i) {
        const QString path = indexed(QStringLiteral("eu_ai_act_categories"), i);
        const QJsonObject object = categories[i].toObject();
        EuAiActCategory category;
        category.key = text(object, QStringLiteral("key"), path);
        category.label = text(object, QStringLiteral("label"), path);
        category.blocked = object.value(QStringLiteral("blocked")).toBool(false);
        if (object.contains(QStringLiteral("minimum_tier")))
            category.minimumTier = tierNumber(object, QStringLiteral("minimum_tier"), path);
        policy.m_euCategories.append(category);
    }
}

void TierPolicyReader::readTiers(const QJsonObject& root, TierPolicy& policy) const {
    const QJsonArray tiers = array(root, QStringLiteral("tiers"), {});
    for (qsizetype i = 0; i < tiers.size(); ++i) {
        const QString path = indexed(QStringLiteral("tiers"), i);
        const QJsonObject object = tiers[i].toObject();
        TierRequirements requirements;
        requirements.tier = tierNumber(object, QStringLiteral("tier"), path);
        requirements.label = text(object, QStringLiteral("label"), path);
        for (const QJsonValue& role : array(object, QStringLiteral("sign_offs"), path)) {
            if (!knownRoles.contains(role.toString()))
                fail(member(path, QStringLiteral("sign_offs")),
                     QStringLiteral("names an unknown role \"%1\"").arg(role.toString()));
            requirements.signOffs << role.toString();
        }
        for (const QJsonValue& item : array(object, QStringLiteral("evidence"), path)) {
            if (!knownEvidence.contains(item.toString()))
                fail(member(path, QStringLiteral("evidence")),
                     QStringLiteral("names unknown evidence \"%1\"").arg(item.toString()));
            requirements.evidence << item.toString();
        }
        requirements.reviewMonths = static_cast<int>(number(object, QStringLiteral("review_months"), path));
        if (requirements.reviewMonths < 1)
            fail(member(path, QStringLiteral("review_months")), QStringLiteral("must be at least 1"));
        policy.m_tiers.append(requirements);
    }
    for (int tier = 1; tier <= 3; ++tier) {
        const auto count = std::count_if(policy.m_tiers.cbegin(), policy.m_tiers.cend(),
                                         [tier](const TierRequirements& r) { return r.tier == tier; });
        if (count != 1)
            fail(QStringLiteral("tiers"), QStringLiteral("must define tier %1 exactly once").arg(tier));
    }
}

} // namespace assay
