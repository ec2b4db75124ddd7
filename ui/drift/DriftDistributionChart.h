#pragma once

#include "DriftChartView.h"
#include "core/drift/DriftDistribution.h"

#include <optional>

class QBarSet;

namespace assay {

// The reference and the current window of one feature side by side, as shares of their rows
// over the bins the statistics used: histogram bins (labelled by their lower edge) for a
// numerical feature with many values, one bar per value otherwise.
class DriftDistributionChart : public DriftChartView {
    Q_OBJECT

public:
    explicit DriftDistributionChart(QWidget* parent = nullptr);

    // Without a distribution (no cell selected, or no values in the window) shows why instead.
    void setDistribution(const QString& feature, const QString& window,
                         const std::optional<DriftDistribution>& distribution);
    void clear();
    QBarSet* referenceSet() const { return m_reference; }
    QBarSet* currentSet() const { return m_current; }

private:
    QBarSet* m_reference = nullptr;
    QBarSet* m_current = nullptr;
};

} // namespace assay
