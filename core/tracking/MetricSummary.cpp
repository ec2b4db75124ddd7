#include "MetricSummary.h"

namespace assay {

bool MetricSummary::isLater(qint64 step, qint64 timestamp, double value, const MetricSummary& than) {
    if (step != than.latestStep)
        return step > than.latestStep;
    if (timestamp != than.latestTimestamp)
        return timestamp > than.latestTimestamp;
    return value > than.latest;
}

} // namespace assay
