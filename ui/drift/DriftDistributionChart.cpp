#include "DriftDistributionChart.h"

#include "ui/widgets/ChartAxisTicks.h"
#include "ui/widgets/DriftStyle.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QLocale>
#include <QSet>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace assay {
namespace {

QBarSet* shares(const QString& name, const std::vector<double>& counts, const QColor& color) {
    auto* set = new QBarSet(name);
    const double total = std::accumulate(counts.begin(), counts.end(), 0.0);
    for (double count : counts)
        set->append(total > 0 ? 100.0 * count / total : 0.0);
    set->setColor(color);
    set->setBorderColor(color.darker(115));
    return set;
}

QStringList binLabels(const DriftDistribution& distribution) {
    if (!distribution.isHistogram())
        return distribution.labels;
    // Lower edges with just the decimals the bin width needs ("0.07", not "0.0714286"), so that
    // the labels stay short enough to read; more only where two would look the same.
    const std::vector<double>& edges = distribution.edges;
    const double width = edges.size() > 1 ? edges[1] - edges[0] : 1.0;
    int decimals = width > 0 ? std::max(0, static_cast<int>(std::ceil(-std::log10(width)))) : 0;
    QStringList labels;
    for (; decimals <= 12; ++decimals) {
        labels.clear();
        for (std::size_t i = 0; i + 1 < edges.size(); ++i)
            labels << QLocale().toString(edges[i], 'f', decimals);
        if (QSet<QString>(labels.begin(), labels.end()).size() == labels.size())
            break;
    }
    return labels;
}

} // namespace

DriftDistributionChart::DriftDistributionChart(QWidget* parent)
    : DriftChartView(QStringLiteral("driftDistributionChart"), parent) {
    clear();
}

void DriftDistributionChart::clear() {
    m_reference = nullptr;
    m_current = nullptr;
    showMessage(tr("Reference vs current"), tr("Select a cell in the heatmap to compare its distributions."));
}

void DriftDistributionChart::setDistribution(const QString& feature, const QString& window,
                                             const std::optional<DriftDistribution>& distribution) {
    m_reference = nullptr;
    m_current = nullptr;
    const QString title = tr("%1 in %2 vs reference").arg(feature, window);
    if (!distribution || distribution->referenceCounts.empty()) {
        showMessage(title, tr("No values of %1 in %2.").arg(feature, window));
        return;
    }
    reset(distribution->isHistogram() ? tr("%1 (histogram)").arg(title) : title);
    m_reference = shares(tr("Reference"), distribution->referenceCounts, DriftStyle::reference());
    m_current = shares(tr("Current (%1)").arg(window), distribution->currentCounts, DriftStyle::current());
    auto* series = new QBarSeries;
    series->append(m_reference);
    series->append(m_current);
    series->setBarWidth(0.85);
    QChart* c = chart();
    c->addSeries(series);

    auto* x = new QBarCategoryAxis;
    const QStringList labels = binLabels(*distribution);
    x->append(labels);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    x->setLabelsFont(small);
    if (distribution->isHistogram()) {
        // Sturges bins have equal widths, so a value axis over the outer edges lines up with the
        // bars; its few round ticks read better than a label per bin.
        x->setLabelsVisible(false);
        auto* values = new QValueAxis;
        // A few round values inside the edges, written out in full: "25000", not an elided "2.5e…".
        ChartAxisTicks::fitToData(values, distribution->edges.front(), distribution->edges.back(), 4);
        values->setLabelFormat(QStringLiteral("%.6g"));
        values->setLabelsFont(small);
        values->setGridLineVisible(false);
        c->addAxis(values, Qt::AlignBottom);
    }
    // No axis title: its height would leave too little for the labels. The chart's title says it.
    x->setTitleVisible(false);
    auto* y = new QValueAxis;
    double top = 0;
    for (const QBarSet* set : {m_reference, m_current}) {
        for (int i = 0; i < set->count(); ++i)
            top = std::max(top, set->at(i));
    }
    ChartAxisTicks::fitFromZero(y, top * 1.05, 4); // 0, 10, 20, 30 %, not 17, 34, 51 %
    y->setLabelFormat(QStringLiteral("%.0f%%"));
    y->setTitleText(tr("Share of rows"));
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    if (!distribution->isHistogram())
        fitCategoryLabels(x);
    c->legend()->show();
    followPalette(); // the axes just added take the palette's colours
}

} // namespace assay
