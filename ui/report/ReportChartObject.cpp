#include "ReportChartObject.h"

#include <QPainter>

namespace assay {

ReportChartObject::ReportChartObject(QList<ReportChart> charts, double width, QObject* parent)
    : QObject(parent)
    , m_charts(std::move(charts))
    , m_width(width) {}

QTextCharFormat ReportChartObject::format(int index) {
    QTextCharFormat format;
    format.setObjectType(type);
    format.setProperty(chartProperty, index);
    return format;
}

QSizeF ReportChartObject::intrinsicSize(QTextDocument*, int, const QTextFormat&) {
    return {m_width, m_width * 0.42};
}

void ReportChartObject::drawObject(QPainter* painter, const QRectF& rect, QTextDocument*, int,
                                   const QTextFormat& format) {
    const int index = format.property(chartProperty).toInt();
    if (index >= 0 && index < m_charts.size())
        m_charts.at(index).paint(*painter, rect);
}

} // namespace assay
