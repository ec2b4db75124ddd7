#include "DriftScoreChart.h"

#include "DriftHeatmapModel.h"
#include "DriftMethod.h"
#include "DriftStyle.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace assay {
namespace {

// p-values of 0 (or below double's reach) are drawn at the bottom of the log axis.
constexpr double smallestP = 1e-16;

QAreaSeries* band(double from, double to, int windows, const QString& name) {
    auto* lower = new QLineSeries;
    auto* upper = new QLineSeries;
    for (int x : {0, std::max(windows - 1, 1)}) {
        lower->append(x, from);
        upper->append(x, to);
    }
    auto* area = new QAreaSeries(upper, lower);
    area->setName(name);
    QColor fill = DriftStyle::threshold();
    fill.setAlpha(45);
    area->setBrush(fill);
    QPen edge(DriftStyle::threshold(), 1.2, Qt::DashLine);
    area->setPen(edge);
    return area;
}

} // namespace

DriftScoreChart::DriftScoreChart(QWidget* parent)
    : DriftChartView(QStringLiteral("driftScoreChart"), parent) {
    showMessage(tr("Score over time"), tr("Select a feature in the heatmap."));
}

void DriftScoreChart::setFeature(const DriftHeatmapModel& model, const QString& featureName) {
    m_feature = featureName;
    m_score = nullptr;
    m_drifted = nullptr;
    const std::optional<DriftMonitor>& monitor = model.monitor();
    const DriftFeature* feature = monitor ? monitor->feature(featureName) : nullptr;
    if (!feature || model.windows().isEmpty()) {
        showMessage(tr("Score over time"),
                    feature ? tr("No windows of current data yet.") : tr("Select a feature in the heatmap."));
        return;
    }
    const QString method = feature->method;
    const bool pValue = DriftMethod::isPValue(method);
    const double threshold = monitor->thresholdOf(*feature);
    reset(tr("%1 — %2 per window").arg(featureName, DriftMethod::label(method)));

    m_score = new QLineSeries;
    m_score->setName(tr("Score")); // the title names the method
    m_score->setPen(QPen(DriftStyle::reference(), 2));
    m_score->setPointsVisible(true);
    m_drifted = new QScatterSeries;
    m_drifted->setName(tr("Drifted"));
    m_drifted->setColor(DriftStyle::fill(DriftStyle::Level::Drifted));
    m_drifted->setBorderColor(Qt::white);
    m_drifted->setMarkerSize(10);
    double low = threshold;
    double high = threshold;
    const QList<DriftWindow>& windows = model.windows();
    for (int i = 0; i < windows.size(); ++i) {
        const DriftResult* result = model.result(featureName, windows.at(i).id);
        if (!result)
            continue;
        const double score = pValue ? std::max(result->score(), smallestP) : result->score();
        m_score->append(i, score);
        if (result->drifted.value_or(false))
            m_drifted->append(i, score);
        low = std::min(low, score);
        high = std::max(high, score);
    }

    QAbstractAxis* y = nullptr;
    QAreaSeries* zone = nullptr;
    if (pValue) {
        auto* axis = new QLogValueAxis;
        // At most about six ticks: a decade per tick, or several when p-values get tiny.
        const double decades = std::ceil(-std::log10(low)) + 1;
        const double step = std::max(1.0, std::ceil(decades / 6));
        axis->setBase(std::pow(10.0, step));
        const double bottom = std::pow(10.0, -step * std::ceil(decades / step));
        axis->setRange(bottom, 1.0);
        axis->setLabelFormat(QStringLiteral("%.0e"));
        axis->setTitleText(tr("p-value (log)"));
        y = axis;
        zone = band(bottom, threshold, int(windows.size()),
                    (method == QLatin1String("ks") ? tr("Drift zone (p ≤ %1)") : tr("Drift zone (p < %1)"))
                        .arg(DriftStyle::score(threshold)));
    } else {
        auto* axis = new QValueAxis;
        const double top = std::max(high, threshold) * 1.2;
        axis->setRange(0, top);
        axis->setLabelFormat(QStringLiteral("%.2g"));
        axis->setTitleText(tr("Distance")); // the chart's title names the method
        y = axis;
        zone = band(threshold, top, int(windows.size()),
                    tr("Drift zone (≥ %1)").arg(DriftStyle::score(threshold)));
    }
    QChart* c = chart();
    c->addSeries(zone);
    c->addSeries(m_score);
    c->addSeries(m_drifted);
    QBarCategoryAxis* x = addWindowAxis(windows);
    c->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* series : c->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    c->legend()->show();
    followPalette(); // the axes just added take the palette's colours
}

} // namespace assay
