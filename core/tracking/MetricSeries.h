#pragma once

#include <QtGlobal>

#include <cstddef>
#include <vector>

namespace assay {

// A metric series as three parallel arrays, in the order the points were logged. Repeated and
// negative steps are kept as they came; values are IEEE-754 doubles, NaN and ±inf included.
struct MetricSeries {
    std::vector<qint64> steps;
    std::vector<qint64> timestamps; // ms since the Unix epoch
    std::vector<double> values;

    std::size_t size() const { return values.size(); }
    bool empty() const { return values.empty(); }
    void reserve(std::size_t n) {
        steps.reserve(n);
        timestamps.reserve(n);
        values.reserve(n);
    }
    void append(qint64 step, qint64 timestamp, double value) {
        steps.push_back(step);
        timestamps.push_back(timestamp);
        values.push_back(value);
    }
};

} // namespace assay
