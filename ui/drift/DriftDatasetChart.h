#pragma once

#include "DriftChartView.h"
#include "core/drift/DriftMonitor.h"

class QBarSet;
class QLineSeries;

namespace assay {

// How many features drifted in each window, red where the window shows dataset drift, with
// the line of the share of features at which dataset drift begins.
class DriftDatasetChart : public DriftChartView {
    Q_OBJECT

public:
    explicit DriftDatasetChart(QWidget* parent = nullptr);

    void setWindows(const std::optional<DriftMonitor>& monitor, const QList<DriftWindow>& windows);
    QBarSet* driftSet() const { return m_drift; }   // windows with dataset drift
    QBarSet* keySet() const { return m_key; }       // a key feature drifted, no dataset drift
    QBarSet* stableSet() const { return m_stable; } // the others
    QLineSeries* shareLine() const { return m_share; }

private:
    QBarSet* m_drift = nullptr;
    QBarSet* m_key = nullptr;
    QBarSet* m_stable = nullptr;
    QLineSeries* m_share = nullptr;
};

} // namespace assay
