#include "DriftChartView.h"

#include "ChartPalette.h"
#include "DriftStyle.h"

#include <QAbstractAxis>
#include <QBarCategoryAxis>
#include <QChart>
#include <QGraphicsSimpleTextItem>
#include <QLegend>

namespace assay {

DriftChartView::DriftChartView(const QString& objectName, QWidget* parent)
    : QChartView(parent) {
    setObjectName(objectName);
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(260, 200);
    auto* c = new QChart;
    c->setMargins(QMargins(2, 2, 2, 2));
    c->setBackgroundRoundness(0);
    c->legend()->setAlignment(Qt::AlignBottom);
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
    c->legend()->setFont(legendFont);
    QFont titleFont = font();
    titleFont.setBold(true);
    c->setTitleFont(titleFont);
    setChart(c);
    m_message = new QGraphicsSimpleTextItem(c);
    m_message->setZValue(10);
    followPalette();
}

void DriftChartView::followPalette() {
    ChartPalette::apply(chart(), palette());
    m_message->setBrush(palette().color(QPalette::PlaceholderText));
}

void DriftChartView::changeEvent(QEvent* event) {
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        followPalette();
}

QString DriftChartView::message() const {
    return m_message->isVisible() ? m_message->text() : QString();
}

void DriftChartView::reset(const QString& title) {
    QChart* c = chart();
    c->removeAllSeries();
    for (QAbstractAxis* axis : c->axes()) {
        c->removeAxis(axis);
        delete axis;
    }
    c->setTitle(title);
    m_message->hide();
    m_message->setText({});
    followPalette();
}

void DriftChartView::showMessage(const QString& title, const QString& message) {
    reset(title);
    chart()->legend()->hide();
    m_message->setText(message);
    m_message->show();
    placeMessage();
}

void DriftChartView::placeMessage() {
    const QRectF area = chart()->rect();
    const QRectF text = m_message->boundingRect();
    m_message->setPos(area.center().x() - text.width() / 2, area.center().y() - text.height() / 2);
}

void DriftChartView::resizeEvent(QResizeEvent* event) {
    QChartView::resizeEvent(event);
    placeMessage();
}

QBarCategoryAxis* DriftChartView::addWindowAxis(const QList<DriftWindow>& windows) {
    auto* axis = new QBarCategoryAxis;
    axis->append(DriftStyle::windowLabels(windows));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    axis->setLabelsFont(small);
    // Narrow categories elide level labels; upright ones fit.
    if (windows.size() > 6)
        axis->setLabelsAngle(-90);
    chart()->addAxis(axis, Qt::AlignBottom);
    return axis;
}

} // namespace assay
