#pragma once

#include <QString>

namespace assay {

// Which way is better for a metric, guessed from its name as MLflow users name them: lower for
// losses and errors, higher for everything else (accuracy, auc, f1, ...). The Compare page lets
// the user flip the guess per metric.
class MetricDirection {
public:
    static bool lowerIsBetterByDefault(const QString& metricKey);
};

} // namespace assay
