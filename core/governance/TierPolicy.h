#pragma once

#include "EuAiActCategory.h"
#include "RiskDimension.h"
#include "TierAssessment.h"
#include "TierRequirements.h"

#include <QByteArray>
#include <QList>
#include <QMap>

namespace assay {

// The risk tier policy (DESIGN §5): dimensions and weights, the score bands, the EU AI Act
// categories and what each tier requires. Read from JSON, which an admin may edit; a policy
// that fails validation is refused with the field at fault named.
class TierPolicy {
public:
    // A tier's band: a score reaching minScore (and not a more severe band's) falls in it.
    struct Band {
        int tier;
        double minScore;
    };

    static TierPolicy fromJson(const QByteArray& json, const QString& sourceName);
    // The policy shipped in resources/policy/default-tier-policy.json.
    static TierPolicy defaultPolicy();
    static QByteArray defaultPolicyJson();

    // Tier = the more severe (lower number) of the band of the weighted score and the band of
    // the worst single dimension; an EU category may raise it or block the use altogether.
    // Throws AssayError when a dimension is unscored or out of 1..4, or the category unknown.
    TierAssessment assess(const QMap<QString, int>& scores, const QString& euCategory) const;

    const QString& name() const { return m_name; }
    const QList<RiskDimension>& dimensions() const { return m_dimensions; }
    const QList<EuAiActCategory>& euCategories() const { return m_euCategories; }
    // Most severe first.
    const QList<Band>& weightedScoreBands() const { return m_weightedBands; }
    const QList<Band>& worstDimensionBands() const { return m_worstBands; }
    const TierRequirements& requirements(int tier) const;
    double primaryMetricTolerance() const { return m_primaryMetricTolerance; }
    const QByteArray& json() const { return m_json; }

private:
    static int bandOf(const QList<Band>& bands, double score);
    const EuAiActCategory& category(const QString& key) const;

    QString m_name;
    QList<RiskDimension> m_dimensions;
    QList<Band> m_weightedBands;
    QList<Band> m_worstBands;
    QList<EuAiActCategory> m_euCategories;
    QList<TierRequirements> m_tiers;
    double m_primaryMetricTolerance = 0;
    QByteArray m_json;

    friend class TierPolicyReader;
};

} // namespace assay
