#include "DriftChartView.h"

#include "ui/widgets/ChartPalette.h"
#include "ui/widgets/DriftStyle.h"

#include <QAbstractAxis>
#include <QBarCategoryAxis>
#include <QChart>
#include <QFontMetrics>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QRegularExpression>

#include <algorithm>

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
    // The plot's width is known once the chart has laid itself out, after a resize; the labels
    // are fitted after that layout pass, not inside it, so that the chart lays them out again.
    m_fitLabels.setSingleShot(true);
    m_fitLabels.setInterval(0);
    connect(&m_fitLabels, &QTimer::timeout, this, qOverload<>(&DriftChartView::fitCategoryLabels));
    connect(c, &QChart::plotAreaChanged, &m_fitLabels, qOverload<>(&QTimer::start));
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
    m_title = title;
    m_range.clear();
    fitTitle();
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
    fitCategoryLabels();
    fitTitle();
}

// A title too long for the chart wraps at spaces (after " — " where it can) rather than losing
// its end.
void DriftChartView::fitTitle() {
    const QString full = m_range.isEmpty() ? m_title : QStringLiteral("%1, %2").arg(m_title, m_range);
    const QFontMetrics metrics(chart()->titleFont());
    // Qt Charts keeps margins around the title and elides it when it would touch them.
    const int width = static_cast<int>(chart()->size().width()) - 48;
    QStringList lines;
    for (const QString& part : full.split(QStringLiteral(" — "))) {
        QString line;
        for (const QString& word : part.split(QLatin1Char(' '))) {
            const QString longer = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
            if (!line.isEmpty() && metrics.horizontalAdvance(longer) > width) {
                lines << line;
                line = word;
            } else {
                line = longer;
            }
        }
        lines << line;
    }
    // Parts that fit together go on one line again, joined by their dash.
    if (metrics.horizontalAdvance(full) <= width)
        lines = {full};
    for (QString& line : lines)
        line = line.toHtmlEscaped();
    chart()->setTitle(lines.join(QStringLiteral("<br>")));
    chart()->setToolTip(full);
}

QBarCategoryAxis* DriftChartView::addWindowAxis(const QList<DriftWindow>& windows) {
    auto* axis = new QBarCategoryAxis;
    axis->append(DriftStyle::windowLabels(windows));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    axis->setLabelsFont(small);
    chart()->addAxis(axis, Qt::AlignBottom);
    fitCategoryLabels(axis);
    return axis;
}

void DriftChartView::attachAxes(QBarCategoryAxis* windowAxis, QAbstractAxis* y) {
    chart()->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* series : chart()->series()) {
        series->attachAxis(windowAxis);
        series->attachAxis(y);
    }
    chart()->legend()->show();
}

// Level category labels while each fits its category's width. When they do not, they are blanked
// and the chart's title names the range instead ("… per window, W38–W49"): upright labels in a
// short chart elide to "⋮", level ones to "…". Blank labels (distinct runs of zero-width spaces,
// since the axis needs distinct categories) rather than hidden ones keep room for the axis title.
void DriftChartView::fitCategoryLabels(QBarCategoryAxis* axis) {
    if (!axis->property("fullLabels").isValid())
        axis->setProperty("fullLabels", axis->categories());
    const QStringList labels = axis->property("fullLabels").toStringList();
    if (labels.isEmpty())
        return;
    const QFontMetrics metrics(axis->labelsFont());
    const QRectF plot = chart()->plotArea();
    const double available =
        (plot.width() > 20 ? plot.width() : std::max(width() - 80, 100)) / static_cast<double>(labels.size());
    const bool fit = std::all_of(labels.cbegin(), labels.cend(), [&](const QString& label) {
        return metrics.horizontalAdvance(label) + 8 <= available;
    });
    QStringList shown = labels;
    if (!fit) {
        for (qsizetype i = 0; i < shown.size(); ++i)
            shown[i] = QString(i + 1, QChar(0x200B));
    }
    axis->setLabelsAngle(0);
    if (axis->categories() != shown)
        axis->setCategories(shown);
    const QString range = fit                  ? QString()
                          : labels.size() == 1 ? labels.first()
                                               : QStringLiteral("%1–%2").arg(labels.first(), labels.last());
    if (range != m_range) {
        m_range = range;
        fitTitle();
    }
}

void DriftChartView::fitCategoryLabels() {
    for (QAbstractAxis* axis : chart()->axes(Qt::Horizontal)) {
        if (auto* categories = qobject_cast<QBarCategoryAxis*>(axis);
            categories && categories->labelsVisible())
            fitCategoryLabels(categories);
    }
}

} // namespace assay
