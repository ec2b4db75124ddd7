#include "CompareCurveChart.h"

#include "CompareChartFrame.h"
#include "EmaSmoothing.h"
#include "core/base/AssayError.h"
#include "core/tracking/MetricStore.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/ChartAxisTicks.h"
#include "ui/widgets/ChartPalette.h"
#include "ui/widgets/RunValueFormat.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLineItem>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>
#include <vector>

namespace assay {
namespace {

// Per tick of the loader: long enough to fetch a few runs, short enough to keep input smooth.
constexpr qint64 batchBudgetMs = 15;
constexpr int readoutMaxRuns = 10;

// The 1st and 99th percentile of values (which it reorders).
std::pair<double, double> percentileRange(std::vector<double>& values) {
    const std::size_t cut = values.size() / 100;
    const auto low = values.begin() + static_cast<std::ptrdiff_t>(cut);
    const auto high = values.begin() + static_cast<std::ptrdiff_t>(values.size() - 1 - cut);
    std::nth_element(values.begin(), low, values.end());
    const double lowValue = *low;
    std::nth_element(values.begin(), high, values.end());
    return {lowValue, *high};
}

void fitXAxis(QAbstractAxis* axis, double min, double max) {
    if (auto* time = qobject_cast<QDateTimeAxis*>(axis)) {
        time->setRange(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(min)),
                       QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(max)));
    } else if (auto* value = qobject_cast<QValueAxis*>(axis)) {
        ChartAxisTicks::fitToData(value, min, max);
    }
}

void fitYAxis(QAbstractAxis* axis, double min, double max) {
    if (auto* log = qobject_cast<QLogValueAxis*>(axis)) {
        if (min == max) {
            min /= 2;
            max *= 2;
        }
        log->setRange(min, max);
    } else if (auto* value = qobject_cast<QValueAxis*>(axis)) {
        const double pad = min == max ? std::max(std::abs(min) * 0.05, 0.5) : (max - min) * 0.04;
        value->setRange(min - pad, max + pad);
        value->applyNiceNumbers();
    }
}

} // namespace

CompareCurveChart::CompareCurveChart(WorkspaceSession& session, QWidget* parent)
    : QChartView(parent)
    , m_session(session) {
    setMouseTracking(true);
    CompareChartFrame::setUp(this);
    m_cursorLine = new QGraphicsLineItem(chart());
    m_cursorLine->setZValue(100);
    m_cursorLine->hide();

    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(0);
    connect(&m_batchTimer, &QTimer::timeout, this, &CompareCurveChart::loadBatch);
    m_resizeTimer.setSingleShot(true);
    m_resizeTimer.setInterval(250);
    connect(&m_resizeTimer, &QTimer::timeout, this, [this] {
        // Refetch only when the plot grew or shrank enough for the point budget to matter.
        const int width = currentPlotWidth();
        if (m_fetchWidth > 0 && std::abs(width - m_fetchWidth) * 5 > m_fetchWidth)
            reload();
    });
    rebuildAxes();
}

void CompareCurveChart::clear() {
    m_pending.clear();
    m_batchTimer.stop();
    chart()->removeAllSeries();
    m_curves.clear();
    m_indexOf.clear();
    m_total = 0;
    updateRanges();
}

void CompareCurveChart::setRuns(const QList<CompareRun>& runs) {
    clear();
    qint64 longest = 0;
    for (const CompareRun& run : runs) {
        Curve curve;
        curve.runId = run.run.id;
        curve.label = run.label();
        curve.color = run.color;
        curve.series = new QLineSeries;
        curve.series->setName(curve.label);
        QPen pen(curve.color);
        pen.setWidthF(1.5);
        curve.series->setPen(pen);
        chart()->addSeries(curve.series);
        m_indexOf.insert(curve.runId, m_curves.size());
        m_curves.append(curve);
        if (run.run.startTime && run.run.endTime)
            longest = std::max(longest, *run.run.endTime - *run.run.startTime);
    }
    // One unit for all runs, so that their relative times compare.
    if (longest >= 3 * 3'600'000LL) {
        m_relativeUnitMs = 3'600'000.0;
        m_relativeUnitName = tr("h");
    } else if (longest >= 3 * 60'000LL) {
        m_relativeUnitMs = 60'000.0;
        m_relativeUnitName = tr("min");
    } else {
        m_relativeUnitMs = 1000.0;
        m_relativeUnitName = tr("s");
    }
    rebuildAxes();
    reload();
}

void CompareCurveChart::setMetric(const QString& key) {
    if (key == m_metric)
        return;
    m_metric = key;
    if (const QList<QAbstractAxis*> ys = chart()->axes(Qt::Vertical); !ys.isEmpty())
        ys.first()->setTitleText(key); // the axes stay; only a change of x axis rebuilds them
    reload();
}

void CompareCurveChart::setXAxis(SeriesWindow::Axis axis) {
    if (axis == m_axis)
        return;
    m_axis = axis;
    rebuildAxes();
    reload();
}

void CompareCurveChart::setSmoothing(double weight) {
    weight = std::clamp(weight, 0.0, 0.99);
    if (weight == m_smoothing)
        return;
    m_smoothing = weight;
    for (Curve& curve : m_curves)
        applyDisplay(curve);
    updateRanges();
}

void CompareCurveChart::setLogScale(bool on) {
    if (on == m_logScale)
        return;
    m_logScale = on;
    rebuildAxes();
    for (Curve& curve : m_curves)
        applyDisplay(curve);
    updateRanges();
}

void CompareCurveChart::setIgnoreOutliers(bool on) {
    if (on == m_ignoreOutliers)
        return;
    m_ignoreOutliers = on;
    updateRanges();
}

void CompareCurveChart::setRunVisible(qint64 runId, bool visible) {
    const auto found = m_indexOf.constFind(runId);
    if (found == m_indexOf.cend())
        return;
    Curve& curve = m_curves[*found];
    if (curve.visible == visible)
        return;
    curve.visible = visible;
    curve.series->setVisible(visible);
    updateRanges();
}

bool CompareCurveChart::isRunVisible(qint64 runId) const {
    const auto found = m_indexOf.constFind(runId);
    return found != m_indexOf.cend() && m_curves.at(*found).visible;
}

QLineSeries* CompareCurveChart::seriesOf(qint64 runId) const {
    const auto found = m_indexOf.constFind(runId);
    return found == m_indexOf.cend() ? nullptr : m_curves.at(*found).series;
}

QList<QLineSeries*> CompareCurveChart::visibleSeries() const {
    QList<QLineSeries*> result;
    for (const Curve& curve : m_curves) {
        if (curve.series->isVisible())
            result.append(curve.series);
    }
    return result;
}

QList<QPointF> CompareCurveChart::fetchedPoints(qint64 runId) const {
    const auto found = m_indexOf.constFind(runId);
    return found == m_indexOf.cend() ? QList<QPointF>() : m_curves.at(*found).points;
}

void CompareCurveChart::reload() {
    m_pending.clear();
    for (Curve& curve : m_curves) {
        curve.fetched = false;
        curve.points.clear();
        curve.displayed.clear();
        curve.series->clear();
    }
    m_fetchWidth = 0;
    if (m_metric.isEmpty() || !m_session.isOpen()) {
        m_total = 0;
        emit progressChanged(0, 0);
        updateRanges();
        return;
    }
    // Visible runs first: they are what the user looks at.
    for (qsizetype i = 0; i < m_curves.size(); ++i) {
        if (m_curves.at(i).visible)
            m_pending.append(i);
    }
    for (qsizetype i = 0; i < m_curves.size(); ++i) {
        if (!m_curves.at(i).visible)
            m_pending.append(i);
    }
    m_total = static_cast<int>(m_pending.size());
    emit progressChanged(0, m_total);
    m_batchTimer.start();
}

int CompareCurveChart::currentPlotWidth() const {
    const int plot = static_cast<int>(chart()->plotArea().width());
    // Before the first layout the plot area is empty; the view's width less the axes is close.
    return plot >= 50 ? plot : std::max(200, viewport()->width() - 100);
}

void CompareCurveChart::loadBatch() {
    if (m_pending.isEmpty())
        return;
    if (m_fetchWidth == 0)
        m_fetchWidth = currentPlotWidth();
    QElapsedTimer clock;
    clock.start();
    while (!m_pending.isEmpty() && clock.elapsed() < batchBudgetMs) {
        Curve& curve = m_curves[m_pending.takeFirst()];
        fetch(curve);
        applyDisplay(curve);
    }
    updateRanges();
    emit progressChanged(m_total - static_cast<int>(m_pending.size()), m_total);
    if (!m_pending.isEmpty())
        m_batchTimer.start();
}

void CompareCurveChart::fetch(Curve& curve) {
    curve.fetched = true;
    curve.points.clear();
    const Workspace* workspace = m_session.workspace();
    if (!workspace)
        return;
    SeriesWindow window;
    window.axis = m_axis;
    window.pixelWidth = m_fetchWidth;
    DownsampledSeries reduced;
    try {
        reduced = MetricStore(*workspace).downsampled(curve.runId, m_metric, window);
    } catch (const AssayError&) {
        // A run deleted meanwhile, or a metric it lacks: it just draws no curve.
        return;
    }
    const double scale = xScale();
    curve.points = std::move(reduced.points);
    if (scale != 1.0) {
        for (QPointF& point : curve.points)
            point.setX(point.x() / scale);
    }
}

void CompareCurveChart::applyDisplay(Curve& curve) {
    QList<QPointF> points = EmaSmoothing::apply(curve.points, m_smoothing);
    if (m_logScale) {
        // A log axis has no place for zero or less; those points are left out, not clamped.
        points.removeIf([](const QPointF& p) { return !(p.y() > 0.0); });
    }
    curve.displayed = points;
    curve.series->replace(points);
}

void CompareCurveChart::rebuildAxes() {
    QChart* c = chart();
    const QList<QAbstractAxis*> old = c->axes();
    for (QAbstractAxis* axis : old) {
        c->removeAxis(axis);
        delete axis;
    }
    QAbstractAxis* x = nullptr;
    if (m_axis == SeriesWindow::Axis::WallTime) {
        auto* time = new QDateTimeAxis;
        time->setFormat(QStringLiteral("MM-dd HH:mm"));
        time->setTickCount(5);
        x = time;
    } else {
        auto* value = new QValueAxis;
        value->setLabelFormat(m_axis == SeriesWindow::Axis::Step ? QStringLiteral("%.0f")
                                                                 : QStringLiteral("%.4g"));
        x = value;
    }
    x->setTitleText(xTitle());
    QAbstractAxis* y = nullptr;
    if (m_logScale) {
        auto* log = new QLogValueAxis;
        log->setBase(10);
        log->setLabelFormat(QStringLiteral("%.3g"));
        y = log;
    } else {
        auto* value = new QValueAxis;
        value->setLabelFormat(QStringLiteral("%.4g"));
        y = value;
    }
    y->setTitleText(m_metric);
    for (QAbstractAxis* axis : {x, y}) {
        QFont font = axis->titleFont();
        font.setPointSizeF(font.pointSizeF() * 0.9);
        font.setBold(false);
        axis->setTitleFont(font);
    }
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    for (const Curve& curve : m_curves) {
        curve.series->attachAxis(x);
        curve.series->attachAxis(y);
    }
    ChartPalette::apply(c, palette());
    c->setPlotAreaBackgroundVisible(false);
}

void CompareCurveChart::updateRanges() {
    const Extent extent = visibleExtent();
    QChart* c = chart();
    const QList<QAbstractAxis*> xs = c->axes(Qt::Horizontal);
    const QList<QAbstractAxis*> ys = c->axes(Qt::Vertical);
    if (xs.isEmpty() || ys.isEmpty())
        return;
    fitXAxis(xs.first(), extent.xMin, extent.xMax);
    fitYAxis(ys.first(), extent.yMin, extent.yMax);
}

// Never empty nor a single point on x: an axis needs a span to draw.
CompareCurveChart::Extent CompareCurveChart::visibleExtent() const {
    Extent extent{std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                  std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
    std::vector<double> values;
    for (const Curve& curve : m_curves) {
        if (!curve.visible)
            continue;
        for (const QPointF& p : curve.displayed) {
            extent.xMin = std::min(extent.xMin, p.x());
            extent.xMax = std::max(extent.xMax, p.x());
            if (std::isfinite(p.y())) {
                extent.yMin = std::min(extent.yMin, p.y());
                extent.yMax = std::max(extent.yMax, p.y());
                if (m_ignoreOutliers)
                    values.push_back(p.y());
            }
        }
    }
    if (m_ignoreOutliers && values.size() >= 50)
        std::tie(extent.yMin, extent.yMax) = percentileRange(values);
    if (!(extent.xMin <= extent.xMax)) {
        extent.xMin = 0;
        extent.xMax = 1;
    }
    if (!(extent.yMin <= extent.yMax)) {
        extent.yMin = m_logScale ? 0.1 : 0;
        extent.yMax = 1;
    }
    if (extent.xMin == extent.xMax) {
        extent.xMin -= 1;
        extent.xMax += 1;
    }
    return extent;
}

double CompareCurveChart::xScale() const {
    return m_axis == SeriesWindow::Axis::RelativeTime ? m_relativeUnitMs : 1.0;
}

QString CompareCurveChart::xTitle() const {
    switch (m_axis) {
    case SeriesWindow::Axis::Step:
        return tr("Step");
    case SeriesWindow::Axis::WallTime:
        return tr("Wall time");
    case SeriesWindow::Axis::RelativeTime:
        return tr("Relative time (%1)").arg(m_relativeUnitName);
    }
    return {};
}

QString CompareCurveChart::formatX(double x) const {
    switch (m_axis) {
    case SeriesWindow::Axis::Step:
        return tr("step %1").arg(QLocale().toString(static_cast<qint64>(std::llround(x))));
    case SeriesWindow::Axis::WallTime:
        return RunValueFormat::dateTimeLong(static_cast<qint64>(std::llround(x)));
    case SeriesWindow::Axis::RelativeTime:
        return QStringLiteral("%1 %2").arg(QLocale().toString(x, 'g', 4), m_relativeUnitName);
    }
    return {};
}

QList<std::pair<qint64, double>> CompareCurveChart::valuesAt(double x) const {
    QList<std::pair<qint64, double>> result;
    for (const Curve& curve : m_curves) {
        if (!curve.visible || curve.displayed.isEmpty())
            continue;
        const QList<QPointF>& points = curve.displayed;
        // Outside a run's x range it has no value there.
        if (x < points.first().x() || x > points.last().x())
            continue;
        const auto after = std::lower_bound(points.cbegin(), points.cend(), x,
                                            [](const QPointF& p, double v) { return p.x() < v; });
        auto nearest = after;
        if (after == points.cend() || (after != points.cbegin() && x - (after - 1)->x() < after->x() - x))
            nearest = after - 1;
        result.append({curve.runId, nearest->y()});
    }
    std::sort(result.begin(), result.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return result;
}

QString CompareCurveChart::readoutAt(double x) const {
    const QList<std::pair<qint64, double>> values = valuesAt(x);
    QStringList parts{QStringLiteral("<b>%1</b>").arg(formatX(x).toHtmlEscaped())};
    for (qsizetype i = 0; i < values.size() && i < readoutMaxRuns; ++i) {
        const Curve& curve = m_curves.at(m_indexOf.value(values.at(i).first));
        parts.append(QStringLiteral("<span style=\"color:%1\">■</span>&nbsp;%2&nbsp;%3")
                         .arg(curve.color.name(), curve.label.toHtmlEscaped(),
                              RunValueFormat::metric(values.at(i).second)));
    }
    if (values.size() > readoutMaxRuns)
        parts.append(tr("and %1 more").arg(values.size() - readoutMaxRuns));
    return parts.join(QStringLiteral(" &nbsp; "));
}

void CompareCurveChart::mouseMoveEvent(QMouseEvent* event) {
    QChartView::mouseMoveEvent(event);
    const QPointF scenePos = mapToScene(event->position().toPoint());
    const QPointF chartPos = chart()->mapFromScene(scenePos);
    const QRectF plot = chart()->plotArea();
    if (m_curves.isEmpty() || !plot.contains(chartPos)) {
        m_cursorLine->hide();
        emit readoutChanged(QString());
        return;
    }
    m_cursorLine->setPen(QPen(palette().color(QPalette::PlaceholderText), 1, Qt::DashLine));
    m_cursorLine->setLine(QLineF(chartPos.x(), plot.top(), chartPos.x(), plot.bottom()));
    m_cursorLine->show();
    const double x = chart()->mapToValue(chartPos, m_curves.first().series).x();
    emit readoutChanged(readoutAt(x));
}

void CompareCurveChart::leaveEvent(QEvent* event) {
    QChartView::leaveEvent(event);
    m_cursorLine->hide();
    emit readoutChanged(QString());
}

void CompareCurveChart::resizeEvent(QResizeEvent* event) {
    QChartView::resizeEvent(event);
    m_resizeTimer.start();
}

void CompareCurveChart::changeEvent(QEvent* event) {
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        ChartPalette::apply(chart(), palette());
}

} // namespace assay
