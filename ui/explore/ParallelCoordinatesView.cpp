#include "ParallelCoordinatesView.h"

#include "CompareRunReader.h"
#include "ui/widgets/RunValueFormat.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace assay {
namespace {

constexpr int sideMargin = 70;
constexpr int topMargin = 50;
constexpr int bottomMargin = 30;

} // namespace

ParallelCoordinatesView::ParallelCoordinatesView(QWidget* parent)
    : QWidget(parent) {
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

void ParallelCoordinatesView::setRuns(const QList<CompareRun>& runs) {
    m_runs = runs;
    m_hidden.clear();
    rebuild();
}

void ParallelCoordinatesView::setColumns(const QStringList& columns) {
    m_columns = columns;
    rebuild();
}

void ParallelCoordinatesView::setRunVisible(qint64 runId, bool visible) {
    if (visible)
        m_hidden.remove(runId);
    else
        m_hidden.insert(runId);
    update();
}

std::optional<double> ParallelCoordinatesView::position(int axis, qint64 runId) const {
    if (axis < 0 || axis >= m_axes.size())
        return std::nullopt;
    for (qsizetype i = 0; i < m_runs.size(); ++i) {
        if (m_runs.at(i).run.id == runId)
            return m_axes.at(axis).positions.at(i);
    }
    return std::nullopt;
}

bool ParallelCoordinatesView::isCategorical(int axis) const {
    return axis >= 0 && axis < m_axes.size() && m_axes.at(axis).categorical;
}

void ParallelCoordinatesView::rebuild() {
    m_axes.clear();
    for (const QString& column : m_columns) {
        Axis axis;
        axis.column = column;
        axis.title = column.section(QLatin1Char('.'), 1);
        axis.categorical = !CompareRunReader::isNumeric(m_runs, column);
        QList<QVariant> values;
        for (const CompareRun& run : m_runs)
            values.append(run.valueOf(column));
        if (axis.categorical) {
            for (const QVariant& value : values) {
                if (value.isValid() && !axis.categories.contains(value.toString()))
                    axis.categories.append(value.toString());
            }
            axis.categories.sort();
            const auto n = axis.categories.size();
            for (const QVariant& value : values) {
                if (!value.isValid()) {
                    axis.positions.append(std::nullopt);
                    continue;
                }
                const auto index = axis.categories.indexOf(value.toString());
                axis.positions.append(n == 1 ? 0.5 : static_cast<double>(index) / static_cast<double>(n - 1));
            }
        } else {
            bool any = false;
            for (const QVariant& value : values) {
                const double v = value.toDouble();
                if (!value.isValid() || !std::isfinite(v))
                    continue;
                axis.min = any ? std::min(axis.min, v) : v;
                axis.max = any ? std::max(axis.max, v) : v;
                any = true;
            }
            for (const QVariant& value : values) {
                const double v = value.toDouble();
                if (!value.isValid() || !std::isfinite(v))
                    axis.positions.append(std::nullopt);
                else
                    axis.positions.append(axis.max == axis.min ? 0.5
                                                               : (v - axis.min) / (axis.max - axis.min));
            }
        }
        m_axes.append(axis);
    }
    updateGeometry();
    update();
}

QSize ParallelCoordinatesView::sizeHint() const {
    return {800, 400};
}

QSize ParallelCoordinatesView::minimumSizeHint() const {
    return {300, 200};
}

void ParallelCoordinatesView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_axes.isEmpty()) {
        paintPlaceholder(painter);
        return;
    }
    const PlotGeometry plot = plotGeometry();
    // Lines first, so that the axes and their labels stay readable on top.
    paintRunLines(painter, plot);
    paintAxes(painter, plot);
}

double ParallelCoordinatesView::PlotGeometry::xOf(qsizetype axis) const {
    return count > 1 ? area.left() + spacing * static_cast<double>(axis) : area.center().x();
}

double ParallelCoordinatesView::PlotGeometry::yOf(double position) const {
    return area.bottom() - position * area.height();
}

ParallelCoordinatesView::PlotGeometry ParallelCoordinatesView::plotGeometry() const {
    PlotGeometry plot;
    plot.area = QRectF(rect()).adjusted(sideMargin, topMargin, -sideMargin, -bottomMargin);
    plot.count = m_axes.size();
    plot.spacing = plot.count > 1 ? plot.area.width() / static_cast<double>(plot.count - 1) : 0.0;
    return plot;
}

void ParallelCoordinatesView::paintPlaceholder(QPainter& painter) const {
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(rect(), Qt::AlignCenter,
                     tr("Choose params and metrics on the left to draw their axes."));
}

void ParallelCoordinatesView::paintRunLines(QPainter& painter, const PlotGeometry& plot) const {
    for (qsizetype r = 0; r < m_runs.size(); ++r) {
        const CompareRun& run = m_runs.at(r);
        if (m_hidden.contains(run.run.id))
            continue;
        QColor color = run.color;
        color.setAlphaF(m_runs.size() > 30 ? 0.5f : 0.85f);
        painter.setPen(QPen(color, 1.6));
        QPainterPath path;
        bool drawing = false;
        for (qsizetype a = 0; a < plot.count; ++a) {
            const std::optional<double> position = m_axes.at(a).positions.at(r);
            if (!position) {
                drawing = false;
                continue;
            }
            const QPointF point(plot.xOf(a), plot.yOf(*position));
            if (drawing)
                path.lineTo(point);
            else
                path.moveTo(point);
            drawing = true;
        }
        painter.drawPath(path);
    }
}

void ParallelCoordinatesView::paintAxes(QPainter& painter, const PlotGeometry& plot) const {
    const auto n = plot.count;
    const int labelWidth = static_cast<int>(n > 3   ? 2 * plot.spacing - 8
                                            : n > 1 ? plot.spacing - 8
                                                    : plot.area.width());
    QFont titleFont = font();
    titleFont.setBold(true);
    for (qsizetype a = 0; a < n; ++a) {
        const Axis& axis = m_axes.at(a);
        const double x = plot.xOf(a);
        painter.setPen(QPen(palette().color(QPalette::Text), 1.2));
        painter.drawLine(QPointF(x, plot.area.top()), QPointF(x, plot.area.bottom()));
        paintAxisTitle(painter, a, x, labelWidth, titleFont);
        painter.setFont(font());
        painter.setPen(palette().color(QPalette::Text));
        paintTicks(painter, plot, axis, x);
    }
}

void ParallelCoordinatesView::paintAxisTitle(QPainter& painter, qsizetype index, double x, int labelWidth,
                                             const QFont& titleFont) const {
    const Axis& axis = m_axes.at(index);
    const QFontMetrics titleMetrics(titleFont);
    painter.setFont(titleFont);
    // Titles alternate between two rows, so that each may take two axes' width.
    const int row = m_axes.size() > 3 ? static_cast<int>(index % 2) : 0;
    const QString title = titleMetrics.elidedText(axis.title, Qt::ElideMiddle, labelWidth);
    const QRectF titleRect(x - labelWidth / 2.0, 4 + row * (titleMetrics.height() + 2), labelWidth,
                           titleMetrics.height());
    if (axis.column.startsWith(QLatin1String("metrics.")))
        painter.setPen(palette().color(QPalette::Link));
    painter.drawText(titleRect, Qt::AlignCenter, title);
}

// Tick labels beside the axis: max at the top, min at the bottom, or each category.
void ParallelCoordinatesView::paintTicks(QPainter& painter, const PlotGeometry& plot, const Axis& axis,
                                         double x) const {
    const QFontMetrics metrics = fontMetrics();
    auto tick = [&](double position, const QString& text) {
        const double y = plot.yOf(position);
        painter.drawLine(QPointF(x - 3, y), QPointF(x + 3, y));
        const QString shown = metrics.elidedText(text, Qt::ElideRight, sideMargin - 8);
        painter.drawText(QRectF(x + 5, y - metrics.height() / 2.0, sideMargin, metrics.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, shown);
    };
    if (axis.categorical) {
        const auto count = axis.categories.size();
        // Too many categories to label each: label every k-th so that labels do not overlap.
        const double room = plot.area.height() / std::max<double>(1.0, static_cast<double>(count - 1));
        const qsizetype every =
            std::max<qsizetype>(1, static_cast<qsizetype>(std::ceil(metrics.height() / room)));
        for (qsizetype c = 0; c < count; c += every)
            tick(count == 1 ? 0.5 : static_cast<double>(c) / static_cast<double>(count - 1),
                 axis.categories.at(c));
    } else if (axis.min == axis.max) {
        tick(0.5, RunValueFormat::metric(axis.min));
    } else {
        tick(1.0, RunValueFormat::metric(axis.max));
        tick(0.5, RunValueFormat::metric((axis.min + axis.max) / 2));
        tick(0.0, RunValueFormat::metric(axis.min));
    }
}

} // namespace assay
