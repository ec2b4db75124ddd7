#pragma once

#include "ReviewDate.h"
#include "core/drift/DriftStatus.h"
#include "core/registry/RegisteredModel.h"

#include <optional>

namespace assay {

// One row of the Models page: who owns the model, its tier, what is in production, what waits
// for sign-off, when it is next reviewed and whether drift recommends retraining.
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
    DriftStatus drift; // retraining recommended when a monitor's latest window says so
};

} // namespace assay
