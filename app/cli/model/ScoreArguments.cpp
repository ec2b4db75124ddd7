#include "ScoreArguments.h"

#include "app/cli/UsageError.h"
#include "core/governance/TierPolicy.h"

namespace assay::cli {
namespace {

QStringList dimensionKeys(const TierPolicy& policy) {
    QStringList keys;
    for (const RiskDimension& dimension : policy.dimensions())
        keys << dimension.key;
    return keys;
}

QStringList categoryKeys(const TierPolicy& policy) {
    QStringList keys;
    for (const EuAiActCategory& category : policy.euCategories())
        keys << category.key;
    return keys;
}

} // namespace

QMap<QString, int> ScoreArguments::parse(const QStringList& values, const TierPolicy& policy) {
    const QStringList known = dimensionKeys(policy);
    QMap<QString, int> scores;
    for (const QString& value : values) {
        const qsizetype equals = value.indexOf(QLatin1Char('='));
        const QString key = value.left(equals).trimmed();
        bool ok = false;
        const int score = equals < 0 ? 0 : value.mid(equals + 1).trimmed().toInt(&ok);
        if (equals < 0 || !ok)
            throw UsageError{
                QStringLiteral("--score \"%1\": write it as KEY=N, N a whole number").arg(value)};
        if (!known.contains(key))
            throw UsageError{QStringLiteral("--score \"%1\": \"%2\" is not a dimension of the policy; %3")
                                 .arg(value, key, vocabulary(policy))};
        if (scores.contains(key))
            throw UsageError{QStringLiteral("--score: \"%1\" is scored twice").arg(key)};
        scores.insert(key, score);
    }
    QStringList missing;
    for (const QString& key : known) {
        if (!scores.contains(key))
            missing << key;
    }
    if (!missing.isEmpty())
        throw UsageError{
            QStringLiteral("--score: no score for %1; every dimension of the policy needs one (%2)")
                .arg(missing.join(QStringLiteral(", ")), vocabulary(policy))};
    return scores;
}

void ScoreArguments::checkCategory(const QString& key, const TierPolicy& policy) {
    if (key.isEmpty())
        throw UsageError{QStringLiteral("--eu-category is required; %1").arg(vocabulary(policy))};
    if (!categoryKeys(policy).contains(key))
        throw UsageError{QStringLiteral("--eu-category \"%1\" is not a category of the policy; %2")
                             .arg(key, vocabulary(policy))};
}

QString ScoreArguments::vocabulary(const TierPolicy& policy) {
    return QStringLiteral(
               "the policy's dimensions are %1 (each scored 1 to 4); its EU AI Act categories are %2")
        .arg(dimensionKeys(policy).join(QStringLiteral(", ")),
             categoryKeys(policy).join(QStringLiteral(", ")));
}

} // namespace assay::cli
