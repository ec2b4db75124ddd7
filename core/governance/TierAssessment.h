#pragma once

#include <QString>

namespace assay {

// The tier a set of scores earns under a policy, and the rule that decided it, in words a
// reviewer can check against the policy.
struct TierAssessment {
    int tier = 3;
    bool blocked = false;
    double weightedScore = 0;
    int weightedScoreTier = 3;
    int worstDimensionTier = 3;
    QString worstDimension; // label of the highest-scored dimension
    int worstScore = 1;
    QString rule;
};

} // namespace assay
