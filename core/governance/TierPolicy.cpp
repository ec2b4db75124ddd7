#include "TierPolicy.h"

#include "TierPolicyReader.h"
#include "core/base/AssayError.h"

#include <QFile>

#include <algorithm>

namespace assay {

TierPolicy TierPolicy::fromJson(const QByteArray& json, const QString& sourceName) {
    return TierPolicyReader(json, sourceName).read();
}

QByteArray TierPolicy::defaultPolicyJson() {
    QFile file(QStringLiteral(":/policy/default-tier-policy.json"));
    if (!file.open(QIODevice::ReadOnly))
        throw AssayError(QStringLiteral("The default tier policy is missing from this build of Assay."));
    return file.readAll();
}

TierPolicy TierPolicy::defaultPolicy() {
    return fromJson(defaultPolicyJson(), QStringLiteral("default-tier-policy.json"));
}

const TierRequirements& TierPolicy::requirements(int tier) const {
    for (const TierRequirements& requirements : m_tiers) {
        if (requirements.tier == tier)
            return requirements;
    }
    throw AssayError(QStringLiteral("The policy defines no tier %1.").arg(tier));
}

int TierPolicy::bandOf(const QList<Band>& bands, double score) {
    for (const Band& band : bands) {
        if (score >= band.minScore - 1e-9)
            return band.tier;
    }
    return 3;
}

const EuAiActCategory& TierPolicy::category(const QString& key) const {
    for (const EuAiActCategory& category : m_euCategories) {
        if (category.key == key)
            return category;
    }
    throw AssayError(
        QStringLiteral("\"%1\" is not an EU AI Act category of policy \"%2\".").arg(key, m_name));
}

TierAssessment TierPolicy::assess(const QMap<QString, int>& scores, const QString& euCategory) const {
    TierAssessment result;
    const EuAiActCategory& eu = category(euCategory);
    for (const RiskDimension& dimension : m_dimensions) {
        if (!scores.contains(dimension.key))
            throw AssayError(QStringLiteral("The assessment has no score for \"%1\".").arg(dimension.label));
        const int score = scores.value(dimension.key);
        if (score < 1 || score > 4)
            throw AssayError(QStringLiteral("The score for \"%1\" must be 1 to 4, not %2.")
                                 .arg(dimension.label)
                                 .arg(score));
        result.weightedScore += dimension.weight * score;
        if (score > result.worstScore || result.worstDimension.isEmpty()) {
            result.worstScore = score;
            result.worstDimension = dimension.label;
        }
    }
    result.weightedScoreTier = bandOf(m_weightedBands, result.weightedScore);
    result.worstDimensionTier = bandOf(m_worstBands, result.worstScore);
    result.tier = std::min(result.weightedScoreTier, result.worstDimensionTier);

    const QString weighted = QString::number(result.weightedScore, 'f', 2);
    if (result.worstDimensionTier < result.weightedScoreTier) {
        result.rule =
            QStringLiteral("Tier %1: the worst single dimension, %2 = %3, falls in the Tier %1 band; the "
                           "weighted score %4 alone would give Tier %5.")
                .arg(result.tier)
                .arg(result.worstDimension)
                .arg(result.worstScore)
                .arg(weighted)
                .arg(result.weightedScoreTier);
    } else {
        result.rule =
            QStringLiteral(
                "Tier %1: the weighted score %2 falls in the Tier %1 band (worst dimension %3 = %4).")
                .arg(result.tier)
                .arg(weighted, result.worstDimension)
                .arg(result.worstScore);
    }
    if (eu.minimumTier && *eu.minimumTier < result.tier) {
        result.rule =
            QStringLiteral("Tier %1: the EU AI Act category \"%2\" requires Tier %1 at least; the scores "
                           "alone give Tier %3.")
                .arg(*eu.minimumTier)
                .arg(eu.label)
                .arg(result.tier);
        result.tier = *eu.minimumTier;
    }
    if (eu.blocked) {
        result.blocked = true;
        result.rule =
            QStringLiteral("Blocked: \"%1\" is a practice the EU AI Act prohibits; the model cannot be "
                           "promoted whatever its scores.")
                .arg(eu.label);
    }
    return result;
}

} // namespace assay
