#include "CompareScatterChart.h"

#include "CompareChartFrame.h"
#include "CompareRunReader.h"
#include "ui/widgets/ChartPalette.h"

#include <QCategoryAxis>
#include <QChart>
#include <QScatterSeries>
#include <QValueAxis>

#include <cmath>
#include <limits>
#include <optional>

namespace assay {
namespace {

std::optional<double> coordinate(const CompareRun& run, const QString& column,
                                 const QStringList& categories) {
    const QVariant value = run.valueOf(column);
    if (!value.isValid())
        return std::nullopt;
    if (!categories.isEmpty()) {
        const auto index = categories.indexOf(value.toString());
        return index < 0 ? std::nullopt : std::optional<double>(static_cast<double>(index));
    }
    bool ok = false;
    const double v = value.typeId() == QMetaType::Double ? value.toDouble() : value.toString().toDouble(&ok);
    if (value.typeId() != QMetaType::Double && !ok)
        return std::nullopt;
    return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

} // namespace

CompareScatterChart::CompareScatterChart(QWidget* parent)
    : QChartView(parent) {
    CompareChartFrame::setUp(this);
}

void CompareScatterChart::setRuns(const QList<CompareRun>& runs) {
    m_runs = runs;
    m_hidden.clear();
    rebuild();
}

void CompareScatterChart::setColumns(const QString& xColumn, const QString& yColumn) {
    m_xColumn = xColumn;
    m_yColumn = yColumn;
    rebuild();
}

void CompareScatterChart::setRunVisible(qint64 runId, bool visible) {
    m_hidden.insert(runId, !visible);
    if (QScatterSeries* series = m_series.value(runId))
        series->setVisible(visible);
}

int CompareScatterChart::pointCount() const {
    int count = 0;
    for (const QScatterSeries* series : m_series)
        count += series->count();
    return count;
}

QAbstractAxis* CompareScatterChart::makeAxis(const QString& column, QStringList& categories) const {
    categories.clear();
    const QString title = column.section(QLatin1Char('.'), 1);
    if (!CompareRunReader::isNumeric(m_runs, column)) {
        for (const CompareRun& run : m_runs) {
            const QVariant value = run.valueOf(column);
            if (value.isValid() && !categories.contains(value.toString()))
                categories.append(value.toString());
        }
        categories.sort();
        auto* axis = new QCategoryAxis;
        axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        for (qsizetype i = 0; i < categories.size(); ++i)
            axis->append(categories.at(i), static_cast<double>(i));
        axis->setRange(-0.5, static_cast<double>(categories.size()) - 0.5);
        axis->setTitleText(title);
        return axis;
    }
    auto* axis = new QValueAxis;
    axis->setLabelFormat(QStringLiteral("%.4g"));
    axis->setTitleText(title);
    return axis;
}

void CompareScatterChart::rebuild() {
    QChart* c = chart();
    c->removeAllSeries();
    m_series.clear();
    for (QAbstractAxis* axis : c->axes()) {
        c->removeAxis(axis);
        delete axis;
    }
    c->setBackgroundBrush(palette().color(QPalette::Base));
    if (m_xColumn.isEmpty() || m_yColumn.isEmpty())
        return;
    QStringList xCategories;
    QStringList yCategories;
    QAbstractAxis* x = makeAxis(m_xColumn, xCategories);
    QAbstractAxis* y = makeAxis(m_yColumn, yCategories);
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    ChartPalette::apply(c, palette());

    double xMin = std::numeric_limits<double>::infinity();
    double xMax = -xMin;
    double yMin = xMin;
    double yMax = -xMin;
    for (const CompareRun& run : m_runs) {
        const std::optional<double> px = coordinate(run, m_xColumn, xCategories);
        const std::optional<double> py = coordinate(run, m_yColumn, yCategories);
        auto* series = new QScatterSeries;
        series->setName(run.label());
        series->setColor(run.color);
        series->setBorderColor(run.color.darker(130));
        series->setMarkerSize(11);
        if (px && py) {
            series->append(*px, *py);
            xMin = std::min(xMin, *px);
            xMax = std::max(xMax, *px);
            yMin = std::min(yMin, *py);
            yMax = std::max(yMax, *py);
        }
        c->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        series->setVisible(!m_hidden.value(run.run.id));
        m_series.insert(run.run.id, series);
    }
    auto fit = [](QAbstractAxis* axis, double lo, double hi) {
        auto* value = qobject_cast<QValueAxis*>(axis);
        if (!value)
            return;
        if (!(lo <= hi)) {
            lo = 0;
            hi = 1;
        }
        const double pad = lo == hi ? std::max(std::abs(lo) * 0.05, 0.5) : (hi - lo) * 0.06;
        value->setRange(lo - pad, hi + pad);
        value->applyNiceNumbers();
    };
    fit(x, xMin, xMax);
    fit(y, yMin, yMax);
}

void CompareScatterChart::changeEvent(QEvent* event) {
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        ChartPalette::apply(chart(), palette());
}

} // namespace assay
