#pragma once

#include "ReportChart.h"

#include <QObject>
#include <QTextObjectInterface>

namespace assay {

// Lets a QTextDocument lay out ReportCharts inline, as tall as they are wide × aspect, and paint
// them with the document's painter, so that a PDF gets vector charts rather than bitmaps.
class ReportChartObject : public QObject, public QTextObjectInterface {
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    static constexpr int type = QTextFormat::UserObject + 1;
    static constexpr int chartProperty = QTextFormat::UserProperty + 1;

    explicit ReportChartObject(QList<ReportChart> charts, double width, QObject* parent = nullptr);

    // The format of the object character that shows charts[index].
    static QTextCharFormat format(int index);

    QSizeF intrinsicSize(QTextDocument* document, int positionInDocument, const QTextFormat& format) override;
    void drawObject(QPainter* painter, const QRectF& rect, QTextDocument* document, int positionInDocument,
                    const QTextFormat& format) override;

private:
    QList<ReportChart> m_charts;
    double m_width;
};

} // namespace assay
