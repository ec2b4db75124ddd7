#pragma once

#include <QString>

#include <optional>

namespace assay {

// One statistic of one feature in one window. `monitored` marks the feature's own method,
// the one its drift is judged by; the others are kept for comparison.
struct DriftResult {
    qint64 windowId = 0;
    QString feature;
    QString method;
    std::optional<double> statistic; // a distance, or the test statistic (KS D)
    std::optional<double> pValue;    // tests only
    std::optional<double> threshold; // methods a threshold applies to
    std::optional<bool> drifted;
    bool monitored = false;

    double score() const { return pValue ? *pValue : statistic.value_or(0.0); }
};

} // namespace assay
