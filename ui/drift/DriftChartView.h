#pragma once

#include "core/drift/DriftWindow.h"

#include <QChartView>
#include <QTimer>

class QAbstractAxis;
class QBarCategoryAxis;
class QGraphicsSimpleTextItem;

namespace assay {

// What the Drift page's charts share: a titled chart with its legend at the bottom, an x axis of
// window labels short enough to stand side by side, and a sentence in place of the plot when
// there is nothing to draw, so that no pane is ever blank. The chart takes the palette's colours.
class DriftChartView : public QChartView {
    Q_OBJECT

public:
    explicit DriftChartView(const QString& objectName, QWidget* parent = nullptr);

    // The sentence shown instead of a plot; empty while there is one.
    QString message() const;
    // The chart's title as set, before any line break that fits it to the chart's width.
    const QString& title() const { return m_title; }

protected:
    // Removes every series and axis, and shows message instead of them.
    void showMessage(const QString& title, const QString& message);
    // Removes every series and axis, ready for new ones.
    void reset(const QString& title);
    QBarCategoryAxis* addWindowAxis(const QList<DriftWindow>& windows);
    // Adds y on the left, attaches every series to windowAxis and y, and shows the legend.
    void attachAxes(QBarCategoryAxis* windowAxis, QAbstractAxis* y);
    // Gives the chart and its axes the palette's colours; subclasses call it once they have added
    // their axes.
    void followPalette();

    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

    // Level category labels while they fit; hidden, with their range in the title, when they
    // would elide. Again whenever the plot's width changes.
    void fitCategoryLabels(QBarCategoryAxis* axis);
    void fitCategoryLabels();

private:
    void placeMessage();
    void fitTitle();
    QString m_title;
    QString m_range; // the windows' range while their labels are hidden, "W38–W49"
    QTimer m_fitLabels;

    QGraphicsSimpleTextItem* m_message = nullptr;
};

} // namespace assay
