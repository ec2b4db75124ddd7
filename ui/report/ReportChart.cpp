#include "ReportChart.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace assay {

namespace {

struct Range {
    double min = 0;
    double max = 1;
    void include(double value) {
        min = std::min(min, value);
        max = std::max(max, value);
    }
};

// Round tick steps (1, 2 or 5 × 10^k), about five of them over the range.
double tickStep(double span) {
    const double raw = span / 5;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double factor : {1.0, 2.0, 5.0}) {
        if (raw <= factor * magnitude)
            return factor * magnitude;
    }
    return 10 * magnitude;
}

// The chart's text: point sizes, so the same on a PDF page and on a picture with the page's
// resolution.
QFont plainFont() {
    QFont font(QStringLiteral("DejaVu Sans"), 7);
    font.setStyleStrategy(QFont::PreferNoShaping); // as the text around: no ligatures
    return font;
}

QPen gridPen() {
    return QPen(QColor(0xdd, 0xdd, 0xdd), 0);
}
QPen axisPen() {
    return QPen(QColor(0x55, 0x55, 0x55), 0);
}
QColor thresholdColor() {
    return QColor(0xc0, 0x39, 0x2b);
}

struct DataRanges {
    Range x;
    Range y;
};

DataRanges dataRanges(const ReportChart& chart) {
    Range xRange{1e300, -1e300};
    Range yRange{1e300, -1e300};
    for (const ReportChart::Series& s : chart.series) {
        for (const QPointF& p : s.points) {
            if (!std::isfinite(p.y()))
                continue;
            xRange.include(p.x());
            yRange.include(p.y());
        }
    }
    if (chart.threshold)
        yRange.include(*chart.threshold);
    if (xRange.min > xRange.max)
        xRange = {0, 1};
    if (yRange.min > yRange.max)
        yRange = {0, 1};
    if (!chart.xCategories.isEmpty()) // half a category of room at each end: no point on the frame
        xRange = {-0.5, double(chart.xCategories.size()) - 0.5};
    if (xRange.max - xRange.min < 1e-12)
        xRange = {xRange.min - 0.5, xRange.max + 0.5};
    const double yPad = std::max((yRange.max - yRange.min) * 0.08, std::abs(yRange.max) * 1e-3 + 1e-9);
    yRange = {yRange.min - yPad, yRange.max + yPad};
    return {xRange, yRange};
}

struct YTicks {
    double step = 1;
    int decimals = 0;
    double labelLeft = 0;
    double labelWidth = 0;
};

YTicks yTicks(const Range& yRange, const QFontMetricsF& metrics, const QRectF& rect) {
    const double line = metrics.height();
    YTicks ticks;
    ticks.step = tickStep(yRange.max - yRange.min);
    ticks.decimals = std::max(0, int(-std::floor(std::log10(ticks.step))));
    ticks.labelWidth = std::max(metrics.horizontalAdvance(QString::number(yRange.max, 'f', ticks.decimals)),
                                metrics.horizontalAdvance(QString::number(yRange.min, 'f', ticks.decimals))) +
                       line * 0.4;
    ticks.labelLeft = rect.left() + line * 1.3;
    return ticks;
}

// The plot rectangle, the value ranges it spans, and the text line height every margin is
// measured in: what each layer needs to place itself.
struct Layout {
    QRectF plot;
    Range x;
    Range y;
    double line = 0;

    double toX(double value) const { return plot.left() + (value - x.min) / (x.max - x.min) * plot.width(); }
    double toY(double value) const {
        return plot.bottom() - (value - y.min) / (y.max - y.min) * plot.height();
    }
};

// Left to right: the rotated axis title, the tick labels, the plot.
QRectF plotRect(const QRectF& rect, const YTicks& ticks, double line) {
    const double plotLeft = ticks.labelLeft + ticks.labelWidth + line * 0.3;
    return QRectF(plotLeft, rect.top() + line * 1.8, rect.right() - line * 0.8 - plotLeft,
                  rect.height() - line * 5.4);
}

void drawTitle(QPainter& painter, const QRectF& rect, double line, const QString& title) {
    QFont titleFont = plainFont();
    titleFont.setPointSize(8);
    titleFont.setBold(true);
    painter.setFont(titleFont);
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), line * 1.6), Qt::AlignLeft | Qt::AlignTop,
                     title);
}

void drawYGrid(QPainter& painter, const Layout& layout, const YTicks& ticks) {
    const QRectF& plot = layout.plot;
    for (double y = std::ceil(layout.y.min / ticks.step) * ticks.step; y <= layout.y.max; y += ticks.step) {
        painter.setPen(gridPen());
        painter.drawLine(QPointF(plot.left(), layout.toY(y)), QPointF(plot.right(), layout.toY(y)));
        painter.setPen(axisPen());
        painter.drawText(
            QRectF(ticks.labelLeft, layout.toY(y) - layout.line / 2, ticks.labelWidth, layout.line),
            Qt::AlignRight | Qt::AlignVCenter, QString::number(y, 'f', ticks.decimals));
    }
}

void drawXTickLabels(QPainter& painter, const Layout& layout, const QStringList& categories,
                     const QFontMetricsF& metrics) {
    const QRectF& plot = layout.plot;
    const double line = layout.line;
    if (!categories.isEmpty()) {
        const int every =
            std::max(1, int(std::ceil(double(categories.size()) *
                                      metrics.horizontalAdvance(categories.value(0)) * 1.3 / plot.width())));
        for (int i = 0; i < categories.size(); i += every)
            painter.drawText(
                QRectF(layout.toX(i) - plot.width() / 2, plot.bottom() + line * 0.2, plot.width(), line),
                Qt::AlignHCenter, categories.at(i));
    } else {
        const double xStep = tickStep(layout.x.max - layout.x.min);
        for (double x = std::ceil(layout.x.min / xStep) * xStep; x <= layout.x.max; x += xStep)
            painter.drawText(QRectF(layout.toX(x) - line * 3, plot.bottom() + line * 0.2, line * 6, line),
                             Qt::AlignHCenter, QString::number(x, 'g', 6));
    }
}

void drawFrameAndAxisTitles(QPainter& painter, const Layout& layout, const QRectF& rect,
                            const QString& xLabel, const QString& yLabel) {
    const QRectF& plot = layout.plot;
    const double line = layout.line;
    painter.drawRect(plot);
    painter.drawText(QRectF(plot.left(), plot.bottom() + line * 1.3, plot.width(), line), Qt::AlignHCenter,
                     xLabel);
    painter.save();
    painter.translate(rect.left() + line * 0.1, plot.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-plot.height() / 2, 0, plot.height(), line), Qt::AlignHCenter, yLabel);
    painter.restore();
}

void drawThreshold(QPainter& painter, const Layout& layout, double threshold) {
    QPen pen(thresholdColor(), layout.line * 0.08, Qt::DashLine);
    painter.setPen(pen);
    painter.drawLine(QPointF(layout.plot.left(), layout.toY(threshold)),
                     QPointF(layout.plot.right(), layout.toY(threshold)));
}

void drawSeriesLine(QPainter& painter, const Layout& layout, const ReportChart::Series& s) {
    const double line = layout.line;
    QPainterPath path;
    for (const QPointF& p : s.points) {
        const QPointF at(layout.toX(p.x()), layout.toY(p.y()));
        path.elementCount() == 0 ? path.moveTo(at) : path.lineTo(at);
    }
    painter.setPen(QPen(s.color, line * 0.1));
    painter.drawPath(path);
    if (s.points.size() <= 60) {
        painter.setBrush(s.color);
        for (const QPointF& p : s.points)
            painter.drawEllipse(QPointF(layout.toX(p.x()), layout.toY(p.y())), line * 0.15, line * 0.15);
        painter.setBrush(Qt::NoBrush);
    }
}

void drawData(QPainter& painter, const Layout& layout, const ReportChart& chart) {
    // Intersect, not replace: a chart that straddles a page must not draw onto the other page.
    painter.save();
    painter.setClipRect(layout.plot, Qt::IntersectClip);
    if (chart.threshold)
        drawThreshold(painter, layout, *chart.threshold);
    for (const ReportChart::Series& s : chart.series)
        drawSeriesLine(painter, layout, s);
    painter.restore();
}

// The legend under the axis title: a swatch and a name per series, then the threshold.
void drawLegend(QPainter& painter, const Layout& layout, const ReportChart& chart,
                const QFontMetricsF& metrics) {
    const double line = layout.line;
    double x = layout.plot.left();
    const double legendY = layout.plot.bottom() + line * 2.6;
    auto legend = [&](const QColor& color, Qt::PenStyle style, const QString& text) {
        painter.setPen(QPen(color, line * 0.12, style));
        painter.drawLine(QPointF(x, legendY + line / 2), QPointF(x + line * 1.5, legendY + line / 2));
        painter.setPen(axisPen());
        const double width = metrics.horizontalAdvance(text);
        painter.drawText(QRectF(x + line * 1.8, legendY, width + line, line), Qt::AlignLeft, text);
        x += line * 3 + width;
    };
    for (const ReportChart::Series& s : chart.series)
        legend(s.color, Qt::SolidLine, s.name);
    if (chart.threshold)
        legend(thresholdColor(), Qt::DashLine, chart.thresholdLabel);
}

} // namespace

bool ReportChart::isEmpty() const {
    return std::all_of(series.begin(), series.end(), [](const Series& s) { return s.points.isEmpty(); });
}

void ReportChart::paint(QPainter& painter, const QRectF& rect) const {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const QFont font = plainFont();
    const QFontMetricsF metrics(font, painter.device());
    const double line = metrics.height();
    drawTitle(painter, rect, line, title);
    painter.setFont(font);

    const DataRanges ranges = dataRanges(*this);
    const YTicks ticks = yTicks(ranges.y, metrics, rect);
    const Layout layout{plotRect(rect, ticks, line), ranges.x, ranges.y, line};
    drawYGrid(painter, layout, ticks);
    painter.setPen(axisPen());
    drawXTickLabels(painter, layout, xCategories, metrics);
    drawFrameAndAxisTitles(painter, layout, rect, xLabel, yLabel);
    drawData(painter, layout, *this);
    drawLegend(painter, layout, *this, metrics);
    painter.restore();
}

} // namespace assay
