#include "DriftScoreChart.h"

#include "DriftHeatmapModel.h"
#include "core/drift/DriftMethod.h"
#include "ui/widgets/DriftStyle.h"

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

struct ScoreAxis {
    QAbstractAxis* axis = nullptr;
    QAreaSeries* zone = nullptr; // where drift begins, shaded
};

ScoreAxis pValueAxis(double low, double threshold, int windows, const QString& method) {
    auto* axis = new QLogValueAxis;
    // At most about six ticks: a decade per tick, or several when p-values get tiny.
    const double decades = std::ceil(-std::log10(low)) + 1;
    const double step = std::max(1.0, std::ceil(decades / 6));
    axis->setBase(std::pow(10.0, step));
    const double bottom = std::pow(10.0, -step * std::ceil(decades / step));
    axis->setRange(bottom, 1.0);
    axis->setLabelFormat(QStringLiteral("%.0e"));
    axis->setTitleText(DriftScoreChart::tr("p-value (log)"));
    QAreaSeries* zone = band(bottom, threshold, windows,
                             (method == QLatin1String("ks") ? DriftScoreChart::tr("Drift zone (p ≤ %1)")
                                                            : DriftScoreChart::tr("Drift zone (p < %1)"))
                                 .arg(DriftStyle::score(threshold)));
    return {axis, zone};
}

ScoreAxis distanceAxis(double high, double threshold, int windows) {
    auto* axis = new QValueAxis;
    const double top = std::max(high, threshold) * 1.2;
    axis->setRange(0, top);
    axis->setLabelFormat(QStringLiteral("%.2g"));
    axis->setTitleText(DriftScoreChart::tr("Distance")); // the chart's title names the method
    QAreaSeries* zone = band(threshold, top, windows,
                             DriftScoreChart::tr("Drift zone (≥ %1)").arg(DriftStyle::score(threshold)));
    return {axis, zone};
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

    createSeries();
    const ScoreSpan span = appendScores(model, featureName, pValue, threshold);
    const QList<DriftWindow>& windows = model.windows();
    const ScoreAxis y = pValue ? pValueAxis(span.low, threshold, int(windows.size()), method)
                               : distanceAxis(span.high, threshold, int(windows.size()));
    addToChart(y.axis, y.zone, windows);
}

void DriftScoreChart::createSeries() {
    m_score = new QLineSeries;
    m_score->setName(tr("Score")); // the title names the method
    m_score->setPen(QPen(DriftStyle::reference(), 2));
    m_score->setPointsVisible(true);
    m_drifted = new QScatterSeries;
    m_drifted->setName(tr("Drifted"));
    m_drifted->setColor(DriftStyle::fill(DriftStyle::Level::Drifted));
    m_drifted->setBorderColor(Qt::white);
    m_drifted->setMarkerSize(10);
}

// The span starts at the threshold, so that the axis always shows where drift begins.
DriftScoreChart::ScoreSpan DriftScoreChart::appendScores(const DriftHeatmapModel& model,
                                                         const QString& featureName, bool pValue,
                                                         double threshold) {
    ScoreSpan span{threshold, threshold};
    const QList<DriftWindow>& windows = model.windows();
    for (int i = 0; i < windows.size(); ++i) {
        const DriftResult* result = model.result(featureName, windows.at(i).id);
        if (!result)
            continue;
        const double score = pValue ? std::max(result->score(), smallestP) : result->score();
        m_score->append(i, score);
        if (result->drifted.value_or(false))
            m_drifted->append(i, score);
        span.low = std::min(span.low, score);
        span.high = std::max(span.high, score);
    }
    return span;
}

void DriftScoreChart::addToChart(QAbstractAxis* y, QAreaSeries* zone, const QList<DriftWindow>& windows) {
    QChart* c = chart();
    c->addSeries(zone);
    c->addSeries(m_score);
    c->addSeries(m_drifted);
    QBarCategoryAxis* x = addWindowAxis(windows);
    attachAxes(x, y);
    followPalette(); // the axes just added take the palette's colours
}

} // namespace assay
