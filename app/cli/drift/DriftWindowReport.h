#pragma once

#include "core/drift/DriftMonitor.h"
#include "core/drift/DriftResult.h"
#include "core/drift/DriftWindow.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace assay::cli {

// A window of a drift monitor as drift add, windows and status show it: its rows, which features
// drifted by the method each is judged by, the dataset verdict and the performance.
class DriftWindowReport {
public:
    DriftWindowReport(const DriftMonitor& monitor, const DriftWindow& window,
                      const QList<DriftResult>& results);

    const DriftWindow& window() const { return m_window; }
    const QStringList& drifted() const { return m_drifted; }

    // "2 of 6 features drifted (income, utilization); retraining recommended: key feature income"
    QString verdict() const;
    QString performance() const; // "0.8123", or "-"
    QJsonObject json() const;

private:
    PerformanceMetric m_metric;
    DriftWindow m_window;
    QStringList m_drifted;
};

} // namespace assay::cli
