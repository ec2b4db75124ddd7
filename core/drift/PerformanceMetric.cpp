#include "PerformanceMetric.h"

namespace assay {

QString performanceMetricName(PerformanceMetric metric) {
    switch (metric) {
    case PerformanceMetric::None:
        return {};
    case PerformanceMetric::Accuracy:
        return QStringLiteral("accuracy");
    case PerformanceMetric::MeanAbsoluteError:
        return QStringLiteral("mae");
    case PerformanceMetric::RootMeanSquaredError:
        return QStringLiteral("rmse");
    }
    return {};
}

QString performanceMetricLabel(PerformanceMetric metric) {
    switch (metric) {
    case PerformanceMetric::None:
        return {};
    case PerformanceMetric::Accuracy:
        return QStringLiteral("Accuracy");
    case PerformanceMetric::MeanAbsoluteError:
        return QStringLiteral("MAE");
    case PerformanceMetric::RootMeanSquaredError:
        return QStringLiteral("RMSE");
    }
    return {};
}

std::optional<PerformanceMetric> performanceMetricFromName(const QString& name) {
    for (const PerformanceMetric metric :
         {PerformanceMetric::None, PerformanceMetric::Accuracy, PerformanceMetric::MeanAbsoluteError,
          PerformanceMetric::RootMeanSquaredError}) {
        if (performanceMetricName(metric) == name)
            return metric;
    }
    return std::nullopt;
}

bool performanceHigherIsBetter(PerformanceMetric metric) {
    return metric == PerformanceMetric::Accuracy;
}

} // namespace assay
