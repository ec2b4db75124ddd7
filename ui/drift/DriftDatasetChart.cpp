#include "DriftDatasetChart.h"

#include "ui/widgets/DriftStyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>

namespace assay {

DriftDatasetChart::DriftDatasetChart(QWidget* parent)
    : DriftChartView(QStringLiteral("driftDatasetChart"), parent) {
    setWindows(std::nullopt, {});
}

void DriftDatasetChart::setWindows(const std::optional<DriftMonitor>& monitor,
                                   const QList<DriftWindow>& windows) {
    m_drift = nullptr;
    m_stable = nullptr;
    m_key = nullptr;
    m_share = nullptr;
    const QString title = tr("Drifted features per window");
    if (!monitor || windows.isEmpty()) {
        showMessage(title, tr("No windows of current data yet."));
        return;
    }
    reset(title);
    // One bar per window, in one of three sets so that the legend explains the colours: a window
    // recommends retraining through dataset drift or through a key feature alone.
    m_drift = new QBarSet(tr("Drift")); // short: three legend entries share a third of the page
    m_drift->setColor(DriftStyle::fill(DriftStyle::Level::Drifted));
    m_key = new QBarSet(tr("Key feature"));
    m_key->setColor(DriftStyle::fill(DriftStyle::Level::Near));
    m_stable = new QBarSet(tr("Neither"));
    m_stable->setColor(DriftStyle::fill(DriftStyle::Level::Stable));
    int features = 0;
    for (const DriftWindow& window : windows) {
        const bool keyOnly = !window.datasetDrift && window.retrainingRecommended;
        m_drift->append(window.datasetDrift ? window.driftedFeatures : 0);
        m_key->append(keyOnly ? window.driftedFeatures : 0);
        m_stable->append(window.retrainingRecommended ? 0 : window.driftedFeatures);
        features = std::max(features, window.featureCount);
    }
    auto* bars = new QStackedBarSeries;
    bars->append(m_drift);
    bars->append(m_key);
    bars->append(m_stable);
    bars->setBarWidth(0.7);
    const double share = monitor->thresholds.datasetShare * features;
    m_share = new QLineSeries;
    m_share->setName(tr("Threshold (%1%)").arg(monitor->thresholds.datasetShare * 100, 0, 'g', 3));
    m_share->setPen(QPen(DriftStyle::threshold(), 1.5, Qt::DashLine));
    m_share->append(0, share);
    m_share->append(std::max<int>(int(windows.size()) - 1, 1), share);

    QChart* c = chart();
    c->addSeries(bars);
    c->addSeries(m_share);
    QBarCategoryAxis* x = addWindowAxis(windows);
    auto* y = new QValueAxis;
    y->setRange(0, std::max(features, 1));
    y->setTickCount(std::min(features, 10) + 1);
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTitleText(tr("Drifted (of %1)").arg(features)); // short: the axis is short at 700 px
    attachAxes(x, y);
    // Four legend entries do not fit the pane's width: the line is named under the axis instead.
    for (QLegendMarker* marker : c->legend()->markers(m_share))
        marker->setVisible(false);
    x->setTitleText(tr("Dashed: dataset drift at %1 of %2").arg(share, 0, 'g', 3).arg(features));
    followPalette(); // the axes just added take the palette's colours
}

} // namespace assay
