#include "MetricChartView.h"

#include "core/base/AssayError.h"
#include "core/tracking/MetricStore.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/ChartAxisTicks.h"
#include "ui/widgets/ChartPalette.h"

#include <QChart>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace assay {

MetricChartView::MetricChartView(WorkspaceSession& session, qint64 runId, const QString& key,
                                 const QColor& color, QWidget* parent)
    : QChartView(parent)
    , m_session(session)
    , m_runId(runId)
    , m_key(key) {
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::HorizontalRubberBand);
    setMinimumSize(280, 200);
    setToolTip(tr("Drag to zoom into a range of steps; double-click or right-click to see all of it."));

    auto* c = new QChart;
    c->legend()->hide();
    c->setTitle(key);
    QFont titleFont = c->titleFont();
    titleFont.setBold(true);
    c->setTitleFont(titleFont);
    c->setMargins(QMargins(2, 2, 6, 2));
    c->setBackgroundRoundness(0);
    m_series = new QLineSeries;
    QPen pen(color);
    pen.setWidthF(1.5);
    m_series->setPen(pen);
    c->addSeries(m_series);
    m_xAxis = new QValueAxis;
    m_xAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_xAxis->setTickCount(4);
    m_yAxis = new QValueAxis;
    m_yAxis->setLabelFormat(QStringLiteral("%.4g"));
    m_yAxis->setTickCount(5);
    c->addAxis(m_xAxis, Qt::AlignBottom);
    c->addAxis(m_yAxis, Qt::AlignLeft);
    ChartPalette::apply(c, palette());
    m_series->attachAxis(m_xAxis);
    m_series->attachAxis(m_yAxis);
    setChart(c);

    connect(m_xAxis, &QValueAxis::rangeChanged, this, &MetricChartView::onRangeChanged);
    m_refetchTimer.setSingleShot(true);
    m_refetchTimer.setInterval(0);
    connect(&m_refetchTimer, &QTimer::timeout, this, &MetricChartView::refetch);
}

int MetricChartView::plotWidth() const {
    const int plot = static_cast<int>(chart()->plotArea().width());
    return plot >= 50 ? plot : std::max(200, viewport()->width() - 80);
}

void MetricChartView::onRangeChanged(qreal min, qreal max) {
    if (m_applying)
        return;
    // The rubber band (or a wheel, or zoomIn()) moved the axis: fetch what is now in view.
    m_zoom = std::make_pair(static_cast<double>(min), static_cast<double>(max));
    m_refetchTimer.start();
}

void MetricChartView::zoomTo(double from, double to) {
    m_zoom = std::make_pair(std::min(from, to), std::max(from, to));
    refetch();
}

void MetricChartView::resetZoom() {
    m_zoom.reset();
    refetch();
}

void MetricChartView::refetch() {
    m_refetchTimer.stop();
    const Workspace* workspace = m_session.workspace();
    if (!workspace)
        return;
    SeriesWindow window;
    window.axis = SeriesWindow::Axis::Step;
    window.pixelWidth = plotWidth();
    if (m_zoom) {
        window.from = m_zoom->first;
        window.to = m_zoom->second;
    }
    try {
        m_last = MetricStore(*workspace).downsampled(m_runId, m_key, window);
    } catch (const AssayError&) {
        m_last = {};
    }
    if (!m_zoom)
        m_totalPoints = m_last.pointsInWindow;
    m_fetchWidth = window.pixelWidth;
    ++m_fetchCount;

    // The neighbours outside a zoomed window carry the line to the plot's edges.
    QList<QPointF> points;
    points.reserve(m_last.points.size() + 2);
    if (m_zoom && m_last.before)
        points.append(*m_last.before);
    points.append(m_last.points);
    if (m_zoom && m_last.after)
        points.append(*m_last.after);
    m_series->replace(points);

    double yMin = std::numeric_limits<double>::infinity();
    double yMax = -yMin;
    for (const QPointF& p : m_last.points) {
        yMin = std::min(yMin, p.y());
        yMax = std::max(yMax, p.y());
    }
    if (!(yMin <= yMax)) {
        yMin = 0;
        yMax = 1;
    }
    const double yPad = yMin == yMax ? std::max(std::abs(yMin) * 0.05, 0.5) : (yMax - yMin) * 0.05;
    double xFrom = m_last.from;
    double xTo = m_last.to;
    if (xFrom == xTo) {
        xFrom -= 1;
        xTo += 1;
    }
    m_applying = true;
    m_yAxis->setRange(yMin - yPad, yMax + yPad);
    // Round ticks read better; x spans the data (or the zoom window) with round ticks inside.
    m_yAxis->applyNiceNumbers();
    ChartAxisTicks::fitToData(m_xAxis, xFrom, xTo, 4);
    m_applying = false;
    emit fetched();
}

QString MetricChartView::statusText() const {
    const QLocale locale;
    const qint64 drawn = m_last.points.size();
    QString text =
        m_last.fullResolution
            ? tr("%1 points, all drawn").arg(locale.toString(m_last.pointsInWindow))
            : tr("%1 points, %2 drawn").arg(locale.toString(m_last.pointsInWindow), locale.toString(drawn));
    if (m_zoom)
        text = tr("Zoomed: steps %1–%2 · %3")
                   .arg(locale.toString(m_last.from, 'g', 8), locale.toString(m_last.to, 'g', 8), text);
    if (m_last.nanCount + m_last.infiniteCount > 0)
        text += tr(" · %1 not finite").arg(locale.toString(m_last.nanCount + m_last.infiniteCount));
    return text;
}

void MetricChartView::mouseReleaseEvent(QMouseEvent* event) {
    // QChartView would zoom out one step on a right-click; all the way is what users expect.
    if (event->button() == Qt::RightButton) {
        event->accept();
        resetZoom();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void MetricChartView::mouseDoubleClickEvent(QMouseEvent* event) {
    event->accept();
    resetZoom();
}

void MetricChartView::resizeEvent(QResizeEvent* event) {
    QChartView::resizeEvent(event);
    // A wider plot has room for more points; refetch once the layout settles.
    if (m_fetchCount > 0 && std::abs(plotWidth() - m_fetchWidth) * 5 > m_fetchWidth)
        m_refetchTimer.start(150);
}

void MetricChartView::showEvent(QShowEvent* event) {
    QChartView::showEvent(event);
    if (m_fetchCount == 0)
        m_refetchTimer.start();
}

void MetricChartView::changeEvent(QEvent* event) {
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        ChartPalette::apply(chart(), palette());
}

} // namespace assay
