#pragma once

#include <QString>

#include <optional>

namespace assay {

// What the run table, sorting and filtering read instead of the series itself.
struct MetricSummary {
    QString key;
    // The point with the largest (step, timestamp, value), as MLflow defines "latest".
    double latest = 0;
    qint64 latestStep = 0;
    qint64 latestTimestamp = 0;
    // Extremes over the non-NaN values; empty when every value is NaN.
    std::optional<double> min;
    std::optional<double> max;
    qint64 count = 0;

    // MLflow's rule, including its tuple comparison: a NaN value never compares greater, so on
    // a tie of step and timestamp the point logged first stays latest.
    static bool isLater(qint64 step, qint64 timestamp, double value, const MetricSummary& than);
};

} // namespace assay
