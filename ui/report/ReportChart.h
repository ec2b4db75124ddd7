#pragma once

#include <QColor>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <optional>

class QPainter;

namespace assay {

// A line chart of the governance report, drawn with QPainter straight onto the page: in a PDF
// it stays vector, sharp at any zoom.
struct ReportChart {
    struct Series {
        QString name;
        QColor color;
        QList<QPointF> points;
    };

    QString title;
    QString xLabel;
    QString yLabel;
    QStringList xCategories; // when set, x is the index into these labels
    QList<Series> series;
    std::optional<double> threshold;
    QString thresholdLabel;

    bool isEmpty() const;
    void paint(QPainter& painter, const QRectF& rect) const;
};

} // namespace assay
