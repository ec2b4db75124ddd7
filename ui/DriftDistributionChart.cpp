#include "DriftDistributionChart.h"

#include "DriftStyle.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QLocale>
#include <QSet>
#include <QValueAxis>

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
    // A category axis needs distinct labels: close edges get more digits.
    QStringList labels;
    for (int digits = 3; digits <= 12; ++digits) {
        labels.clear();
        for (std::size_t i = 0; i + 1 < distribution.edges.size(); ++i)
            labels << QLocale().toString(distribution.edges[i], 'g', digits);
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
    reset(title);
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
    if (labels.size() > 6)
        x->setLabelsAngle(-60);
    x->setTitleText(distribution->isHistogram() ? tr("%1 (bins by lower edge)").arg(feature) : feature);
    auto* y = new QValueAxis;
    double top = 0;
    for (const QBarSet* set : {m_reference, m_current}) {
        for (int i = 0; i < set->count(); ++i)
            top = std::max(top, set->at(i));
    }
    y->setRange(0, top * 1.1 + 1);
    y->setLabelFormat(QStringLiteral("%.0f%%"));
    y->setTitleText(tr("Share of rows"));
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    c->legend()->show();
}

} // namespace assay
