#pragma once

#include <QString>

#include <optional>

namespace assay {

// The model performance a monitor follows where current data carries labels and predictions.
enum class PerformanceMetric { None, Accuracy, MeanAbsoluteError, RootMeanSquaredError };

QString performanceMetricName(PerformanceMetric metric);  // "", accuracy, mae, rmse
QString performanceMetricLabel(PerformanceMetric metric); // "Accuracy", "MAE", "RMSE"
std::optional<PerformanceMetric> performanceMetricFromName(const QString& name);
// Accuracy is better high, the errors low.
bool performanceHigherIsBetter(PerformanceMetric metric);

} // namespace assay
