#pragma once

#include <QtGlobal>

#include <optional>

namespace assay {

// When a model in production is next due for its periodic review.
struct ReviewDate {
    qint64 modelId = 0;
    qint64 nextReviewAt = 0; // ms since the epoch
    std::optional<qint64> lastReviewedAt;
    std::optional<qint64> scheduledByRequest;

    bool isOverdue(qint64 now) const { return nextReviewAt < now; }
};

} // namespace assay
