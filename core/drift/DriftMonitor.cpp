#include "DriftMonitor.h"

#include "DriftMethod.h"

namespace assay {

double DriftMonitor::thresholdOf(const DriftFeature& f) const {
    return f.threshold.value_or(DriftMethod::threshold(f.method, thresholds));
}

} // namespace assay
