#pragma once

#include "core/tracking/DownsampledSeries.h"

#include <QChartView>
#include <QTimer>

#include <optional>

class QLineSeries;
class QValueAxis;

namespace assay {

class WorkspaceSession;

// One metric of one run, by step, for the Run page's grid of small charts. The series comes from
// core reduced for the plot's width (MetricStore::downsampled). Dragging selects a step range
// (rubber band) and the chart fetches that range again, now at full resolution when it holds few
// enough points; a double-click or a right-click goes back to the whole series.
class MetricChartView : public QChartView {
    Q_OBJECT

public:
    MetricChartView(WorkspaceSession& session, qint64 runId, const QString& key, const QColor& color,
                    QWidget* parent = nullptr);

    const QString& key() const { return m_key; }
    // Fetches the current window (the whole series unless zoomed) for the current plot width.
    void refetch();
    // What the rubber band does: show [from, to] only (in steps), fetched afresh.
    void zoomTo(double from, double to);
    void resetZoom();
    bool isZoomed() const { return m_zoom.has_value(); }
    int fetchCount() const { return m_fetchCount; }
    int fetchWidth() const { return m_fetchWidth; }
    const DownsampledSeries& lastFetch() const { return m_last; }
    QLineSeries* series() const { return m_series; }
    // "1,000,000 points, 3,600 drawn" or "12 points, all drawn", for the caption.
    QString statusText() const;

signals:
    void fetched();

protected:
    void changeEvent(QEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void onRangeChanged(qreal min, qreal max);
    int plotWidth() const;

    WorkspaceSession& m_session;
    qint64 m_runId;
    QString m_key;
    QLineSeries* m_series = nullptr;
    QValueAxis* m_xAxis = nullptr;
    QValueAxis* m_yAxis = nullptr;
    std::optional<std::pair<double, double>> m_zoom;
    DownsampledSeries m_last;
    qint64 m_totalPoints = 0;
    int m_fetchCount = 0;
    int m_fetchWidth = 0;
    // Set while we move the axes ourselves, so that only the user's zoom triggers a fetch.
    bool m_applying = false;
    QTimer m_refetchTimer;
};

} // namespace assay
