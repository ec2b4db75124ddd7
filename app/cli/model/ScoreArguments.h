#pragma once

#include <QMap>
#include <QStringList>

namespace assay {
class TierPolicy;
}

namespace assay::cli {

// The --score KEY=N and --eu-category KEY arguments of model assess, checked against the
// policy's vocabulary so that a typo is a usage error that lists what the policy knows. Whether
// the scores are in range, and what tier they give, is core's to say.
class ScoreArguments {
public:
    static QMap<QString, int> parse(const QStringList& values, const TierPolicy& policy);
    static void checkCategory(const QString& key, const TierPolicy& policy);
    // "the policy's dimensions are exposure, ...; its EU AI Act categories are ..."
    static QString vocabulary(const TierPolicy& policy);
};

} // namespace assay::cli
