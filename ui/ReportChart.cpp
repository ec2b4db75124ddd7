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

} // namespace

bool ReportChart::isEmpty() const {
    return std::all_of(series.begin(), series.end(), [](const Series& s) { return s.points.isEmpty(); });
}

void ReportChart::paint(QPainter& painter, const QRectF& rect) const {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    // Point sizes: the same on a PDF page and on a picture with the page's resolution.
    QFont plainFont(QStringLiteral("DejaVu Sans"), 7);
    plainFont.setStyleStrategy(QFont::PreferNoShaping); // as the text around: no ligatures
    QFont titleFont = plainFont;
    titleFont.setPointSize(8);
    titleFont.setBold(true);
    const QFontMetricsF metrics(plainFont, painter.device());
    const double line = metrics.height();
    painter.setFont(titleFont);
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), line * 1.6), Qt::AlignLeft | Qt::AlignTop,
                     title);
    painter.setFont(plainFont);

    Range xRange{1e300, -1e300};
    Range yRange{1e300, -1e300};
    for (const Series& s : series) {
        for (const QPointF& p : s.points) {
            if (!std::isfinite(p.y()))
                continue;
            xRange.include(p.x());
            yRange.include(p.y());
        }
    }
    if (threshold)
        yRange.include(*threshold);
    if (xRange.min > xRange.max)
        xRange = {0, 1};
    if (yRange.min > yRange.max)
        yRange = {0, 1};
    if (!xCategories.isEmpty()) // half a category of room at each end: no point on the frame
        xRange = {-0.5, double(xCategories.size()) - 0.5};
    if (xRange.max - xRange.min < 1e-12)
        xRange = {xRange.min - 0.5, xRange.max + 0.5};
    const double yPad = std::max((yRange.max - yRange.min) * 0.08, std::abs(yRange.max) * 1e-3 + 1e-9);
    yRange = {yRange.min - yPad, yRange.max + yPad};

    const double yStep = tickStep(yRange.max - yRange.min);
    const int decimals = std::max(0, int(-std::floor(std::log10(yStep))));
    // Left to right: the rotated axis title, the tick labels, the plot.
    const double labelWidth =
        std::max(metrics.horizontalAdvance(QString::number(yRange.max, 'f', decimals)),
                 metrics.horizontalAdvance(QString::number(yRange.min, 'f', decimals))) +
        line * 0.4;
    const double labelLeft = rect.left() + line * 1.3;
    const double plotLeft = labelLeft + labelWidth + line * 0.3;
    const QRectF plot(plotLeft, rect.top() + line * 1.8, rect.right() - line * 0.8 - plotLeft,
                      rect.height() - line * 5.4);
    auto toX = [&](double x) {
        return plot.left() + (x - xRange.min) / (xRange.max - xRange.min) * plot.width();
    };
    auto toY = [&](double y) {
        return plot.bottom() - (y - yRange.min) / (yRange.max - yRange.min) * plot.height();
    };

    const QPen gridPen(QColor(0xdd, 0xdd, 0xdd), 0);
    const QPen axisPen(QColor(0x55, 0x55, 0x55), 0);
    for (double y = std::ceil(yRange.min / yStep) * yStep; y <= yRange.max; y += yStep) {
        painter.setPen(gridPen);
        painter.drawLine(QPointF(plot.left(), toY(y)), QPointF(plot.right(), toY(y)));
        painter.setPen(axisPen);
        painter.drawText(QRectF(labelLeft, toY(y) - line / 2, labelWidth, line),
                         Qt::AlignRight | Qt::AlignVCenter, QString::number(y, 'f', decimals));
    }
    painter.setPen(axisPen);
    if (!xCategories.isEmpty()) {
        const int every =
            std::max(1, int(std::ceil(double(xCategories.size()) *
                                      metrics.horizontalAdvance(xCategories.value(0)) * 1.3 / plot.width())));
        for (int i = 0; i < xCategories.size(); i += every)
            painter.drawText(
                QRectF(toX(i) - plot.width() / 2, plot.bottom() + line * 0.2, plot.width(), line),
                Qt::AlignHCenter, xCategories.at(i));
    } else {
        const double xStep = tickStep(xRange.max - xRange.min);
        for (double x = std::ceil(xRange.min / xStep) * xStep; x <= xRange.max; x += xStep)
            painter.drawText(QRectF(toX(x) - line * 3, plot.bottom() + line * 0.2, line * 6, line),
                             Qt::AlignHCenter, QString::number(x, 'g', 6));
    }
    painter.drawRect(plot);
    painter.drawText(QRectF(plot.left(), plot.bottom() + line * 1.3, plot.width(), line), Qt::AlignHCenter,
                     xLabel);
    painter.save();
    painter.translate(rect.left() + line * 0.1, plot.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-plot.height() / 2, 0, plot.height(), line), Qt::AlignHCenter, yLabel);
    painter.restore();

    // Intersect, not replace: a chart that straddles a page must not draw onto the other page.
    painter.save();
    painter.setClipRect(plot, Qt::IntersectClip);
    if (threshold) {
        QPen pen(QColor(0xc0, 0x39, 0x2b), line * 0.08, Qt::DashLine);
        painter.setPen(pen);
        painter.drawLine(QPointF(plot.left(), toY(*threshold)), QPointF(plot.right(), toY(*threshold)));
    }
    for (const Series& s : series) {
        QPainterPath path;
        for (const QPointF& p : s.points) {
            const QPointF at(toX(p.x()), toY(p.y()));
            path.elementCount() == 0 ? path.moveTo(at) : path.lineTo(at);
        }
        painter.setPen(QPen(s.color, line * 0.1));
        painter.drawPath(path);
        if (s.points.size() <= 60) {
            painter.setBrush(s.color);
            for (const QPointF& p : s.points)
                painter.drawEllipse(QPointF(toX(p.x()), toY(p.y())), line * 0.15, line * 0.15);
            painter.setBrush(Qt::NoBrush);
        }
    }
    painter.restore();

    // The legend under the axis title: a swatch and a name per series, then the threshold.
    double x = plot.left();
    const double legendY = plot.bottom() + line * 2.6;
    auto legend = [&](const QColor& color, Qt::PenStyle style, const QString& text) {
        painter.setPen(QPen(color, line * 0.12, style));
        painter.drawLine(QPointF(x, legendY + line / 2), QPointF(x + line * 1.5, legendY + line / 2));
        painter.setPen(axisPen);
        const double width = metrics.horizontalAdvance(text);
        painter.drawText(QRectF(x + line * 1.8, legendY, width + line, line), Qt::AlignLeft, text);
        x += line * 3 + width;
    };
    for (const Series& s : series)
        legend(s.color, Qt::SolidLine, s.name);
    if (threshold)
        legend(QColor(0xc0, 0x39, 0x2b), Qt::DashLine, thresholdLabel);
    painter.restore();
}

} // namespace assay
