#pragma once

#include "RegisteredModel.h"
#include "ReviewDate.h"

#include <optional>

namespace assay {

// One row of the Models page: who owns the model, its tier, what is in production, what waits
// for sign-off and when it is next reviewed.
struct ModelOverview {
    RegisteredModel model;
    std::optional<int> tier; // none until assessed
    bool tierOverridePending = false;
    bool blocked = false;
    std::optional<int> productionVersion;
    int versionCount = 0;
    int openRequests = 0;
    int openFindings = 0;
    std::optional<ReviewDate> review;
    bool reviewOverdue = false;
};

} // namespace assay
