#pragma once

#include "PerformanceMetric.h"

#include <optional>

namespace assay {

// Accumulates a performance metric over (label, prediction) cell pairs as rows stream past.
// Rows where either cell is missing do not count.
class PerformanceTally {
public:
    explicit PerformanceTally(PerformanceMetric metric = PerformanceMetric::None)
        : m_metric(metric) {}

    enum class Cell { Ok, LabelNotNumber, PredictionNotNumber };
    // Accuracy compares the two cells as numbers when both are numbers ("1" equals "1.0"), else
    // as trimmed text; the errors need numbers on both sides.
    Cell add(const char* labelBegin, const char* labelEnd, const char* predictionBegin,
             const char* predictionEnd);

    std::optional<double> value() const;
    long long count() const { return m_count; }

private:
    PerformanceMetric m_metric;
    long long m_count = 0;
    double m_sum = 0; // hits, absolute errors or squared errors
};

} // namespace assay
