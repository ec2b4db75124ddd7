#pragma once

#include "DriftChartView.h"
#include "core/drift/DriftMonitor.h"

class QLineSeries;

namespace assay {

// The model performance each window's labels and predictions give, with the reference
// performance as a dashed line. Only monitors with a metric have it.
class DriftPerformanceChart : public DriftChartView {
    Q_OBJECT

public:
    explicit DriftPerformanceChart(QWidget* parent = nullptr);

    void setWindows(const DriftMonitor& monitor, const QList<DriftWindow>& windows);
    QLineSeries* performanceSeries() const { return m_performance; }
    QLineSeries* referenceLine() const { return m_reference; }

private:
    QLineSeries* m_performance = nullptr;
    QLineSeries* m_reference = nullptr;
};

} // namespace assay
