#include "DriftPerformanceChart.h"

#include "core/drift/PerformanceMetric.h"
#include "ui/widgets/DriftStyle.h"

#include <QBarCategoryAxis>
#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <limits>

namespace assay {

DriftPerformanceChart::DriftPerformanceChart(QWidget* parent)
    : DriftChartView(QStringLiteral("driftPerformanceChart"), parent) {
    showMessage(tr("Performance"), tr("No windows of current data yet."));
}

void DriftPerformanceChart::setWindows(const DriftMonitor& monitor, const QList<DriftWindow>& windows) {
    m_performance = nullptr;
    m_reference = nullptr;
    const QString metric = performanceMetricLabel(monitor.metric);
    const QString title =
        tr("%1 per window (%2 is better)")
            .arg(metric, performanceHigherIsBetter(monitor.metric) ? tr("higher") : tr("lower"));
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    m_performance = new QLineSeries;
    m_performance->setName(tr("Current"));
    m_performance->setPen(QPen(DriftStyle::current(), 2));
    m_performance->setPointsVisible(true);
    for (int i = 0; i < windows.size(); ++i) {
        if (const std::optional<double> value = windows.at(i).performance) {
            m_performance->append(i, *value);
            low = std::min(low, *value);
            high = std::max(high, *value);
        }
    }
    if (m_performance->count() == 0) {
        delete m_performance;
        m_performance = nullptr;
        showMessage(title, tr("No window has both labels and predictions yet."));
        return;
    }
    reset(title);
    QChart* c = chart();
    if (monitor.referencePerformance) {
        m_reference = new QLineSeries;
        m_reference->setName(tr("Reference (%1)").arg(DriftStyle::score(*monitor.referencePerformance)));
        m_reference->setPen(QPen(DriftStyle::reference(), 1.5, Qt::DashLine));
        m_reference->append(0, *monitor.referencePerformance);
        m_reference->append(std::max<int>(int(windows.size()) - 1, 1), *monitor.referencePerformance);
        low = std::min(low, *monitor.referencePerformance);
        high = std::max(high, *monitor.referencePerformance);
        c->addSeries(m_reference);
    }
    c->addSeries(m_performance);
    QBarCategoryAxis* x = addWindowAxis(windows);
    auto* y = new QValueAxis;
    const double pad = std::max((high - low) * 0.15, std::abs(high) * 0.01 + 1e-9);
    y->setRange(low - pad, high + pad);
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%.3g"));
    y->setTitleText(metric);
    attachAxes(x, y);
    followPalette(); // the axes just added take the palette's colours
}

} // namespace assay
