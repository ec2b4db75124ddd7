#pragma once

#include <QStringList>

#include <vector>

namespace assay {

// Reference and current counts of one feature in one window, over the bins its statistics
// used: Sturges edges for a numerical feature with many values, else one bin per value.
struct DriftDistribution {
    std::vector<double> edges; // bins + 1, or empty when bins are labelled
    QStringList labels;
    std::vector<double> referenceCounts;
    std::vector<double> currentCounts;

    bool isHistogram() const { return !edges.empty(); }
};

} // namespace assay
