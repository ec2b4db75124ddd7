#pragma once

#include "CompareRun.h"
#include "core/tracking/SeriesWindow.h"

#include <QChartView>
#include <QElapsedTimer>
#include <QHash>
#include <QTimer>

#include <utility>

class QGraphicsLineItem;
class QLineSeries;

namespace assay {

class WorkspaceSession;

// One metric of every compared run as overlaid curves. Each run's series comes from core already
// reduced for this chart's plot width (MetricStore::downsampled: at most 4 points per pixel,
// first, last and extremes kept), fetched a few runs per timer tick so that 100 runs load without
// freezing the window. Smoothing (EmaSmoothing) and the log scale are applied to the fetched
// points, so changing them costs no fetch. The chart's own legend stays hidden: with 100 runs it
// would cover the plot, so the Compare page shows a list beside it that drives setRunVisible().
class CompareCurveChart : public QChartView {
    Q_OBJECT

public:
    explicit CompareCurveChart(WorkspaceSession& session, QWidget* parent = nullptr);

    void setRuns(const QList<CompareRun>& runs);
    void setMetric(const QString& key);
    const QString& metric() const { return m_metric; }
    void setXAxis(SeriesWindow::Axis axis);
    SeriesWindow::Axis xAxis() const { return m_axis; }
    // The EMA weight, 0 (none) to 0.99.
    void setSmoothing(double weight);
    double smoothing() const { return m_smoothing; }
    void setLogScale(bool on);
    bool logScale() const { return m_logScale; }
    // Scale y to the 1st..99th percentile of the drawn values (TensorBoard's "ignore outliers"):
    // one diverged run at 1e30 would otherwise flatten every other curve to a line at zero.
    void setIgnoreOutliers(bool on);
    bool ignoreOutliers() const { return m_ignoreOutliers; }
    void setRunVisible(qint64 runId, bool visible);
    bool isRunVisible(qint64 runId) const;
    void clear();

    bool isLoading() const { return !m_pending.isEmpty(); }
    // The pixel width the last fetch asked core for: the plot area's width.
    int fetchWidth() const { return m_fetchWidth; }
    QLineSeries* seriesOf(qint64 runId) const;
    QList<QLineSeries*> visibleSeries() const;
    // The points as fetched from core, x in the chart's units, before smoothing.
    QList<QPointF> fetchedPoints(qint64 runId) const;
    // Each visible run's drawn value nearest to x (chart units), highest first.
    QList<std::pair<qint64, double>> valuesAt(double x) const;
    // The read-out text for x: the x value, then each visible run's value (rich text).
    QString readoutAt(double x) const;

signals:
    void progressChanged(int done, int total);
    void readoutChanged(const QString& text);

protected:
    void changeEvent(QEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Curve {
        qint64 runId = 0;
        QString label;
        QColor color;
        bool visible = true;
        bool fetched = false;
        QList<QPointF> points;    // as fetched, x scaled to the axis unit
        QList<QPointF> displayed; // smoothed, log-filtered: what the series holds
        QLineSeries* series = nullptr;
    };
    // The span of the visible curves' drawn points, in chart units.
    struct Extent {
        double xMin = 0;
        double xMax = 0;
        double yMin = 0;
        double yMax = 0;
    };

    void reload();
    void loadBatch();
    void fetch(Curve& curve);
    void applyDisplay(Curve& curve);
    void rebuildAxes();
    void updateRanges();
    Extent visibleExtent() const;
    int currentPlotWidth() const;
    double xScale() const;
    QString xTitle() const;
    QString formatX(double x) const;

    WorkspaceSession& m_session;
    QList<Curve> m_curves;
    QHash<qint64, qsizetype> m_indexOf;
    QString m_metric;
    SeriesWindow::Axis m_axis = SeriesWindow::Axis::Step;
    double m_smoothing = 0.0;
    bool m_logScale = false;
    bool m_ignoreOutliers = true;
    // For relative time: ms per axis unit, chosen from the runs' durations.
    double m_relativeUnitMs = 1000.0;
    QString m_relativeUnitName;

    QList<qsizetype> m_pending;
    QTimer m_batchTimer;
    QTimer m_resizeTimer;
    int m_fetchWidth = 0;
    int m_total = 0;
    QGraphicsLineItem* m_cursorLine = nullptr;
};

} // namespace assay
