#pragma once

#include "DriftWindow.h"

#include <QChartView>

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

protected:
    // Removes every series and axis, and shows message instead of them.
    void showMessage(const QString& title, const QString& message);
    // Removes every series and axis, ready for new ones.
    void reset(const QString& title);
    QBarCategoryAxis* addWindowAxis(const QList<DriftWindow>& windows);
    // Gives the chart and its axes the palette's colours; subclasses call it once they have added
    // their axes.
    void followPalette();

    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void placeMessage();

    QGraphicsSimpleTextItem* m_message = nullptr;
};

} // namespace assay
