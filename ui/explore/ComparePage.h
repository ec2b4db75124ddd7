#pragma once

#include "CompareRun.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QListView;
class QSlider;
class QStackedWidget;
class QStandardItem;
class QStandardItemModel;
class QTabWidget;
class QTableView;

namespace assay {

class ChangeSet;
class CompareCurveChart;
class CompareMetricModel;
class CompareParamModel;
class CompareScatterChart;
class ParallelCoordinatesView;
class WorkspaceSession;

// Two to a few hundred runs side by side: the params that differ, the metrics with the best value
// marked, overlaid curves, parallel coordinates and a scatter. The run list beside each chart is
// its legend: clicking a run hides or shows it on every chart.
class ComparePage : public QWidget {
    Q_OBJECT

public:
    enum Tab { ParamsTab, MetricsTab, CurvesTab, ParallelTab, ScatterTab };
    static constexpr int RunIdRole = Qt::UserRole + 1;

    explicit ComparePage(WorkspaceSession& session, QWidget* parent = nullptr);

    void setRuns(const QList<qint64>& runIds);
    void clear();
    QList<qint64> runIds() const;
    const QList<CompareRun>& runs() const { return m_runs; }

    CompareParamModel* paramModel() const { return m_paramModel; }
    CompareMetricModel* metricModel() const { return m_metricModel; }
    CompareCurveChart* curveChart() const { return m_curves; }
    ParallelCoordinatesView* parallelView() const { return m_parallel; }
    CompareScatterChart* scatterChart() const { return m_scatter; }
    QStandardItemModel* legendModel() const { return m_legendModel; }
    QTabWidget* tabs() const { return m_tabs; }
    QCheckBox* onlyDifferencesBox() const { return m_onlyDifferences; }
    QComboBox* curveMetricBox() const { return m_curveMetric; }
    QSlider* smoothingSlider() const { return m_smoothing; }
    QCheckBox* logScaleBox() const { return m_logScale; }
    QComboBox* xAxisBox() const { return m_xAxis; }

    // Hides or shows a run on every chart, as a click on its legend entry does.
    void toggleRun(qint64 runId);
    void setParallelColumns(const QStringList& columns);
    bool exportParamsCsv(const QString& path) const;
    bool exportMetricsCsv(const QString& path) const;
    // Saves the chart of the current tab (curves, parallel coordinates or scatter) as PNG.
    bool exportChartPng(int tab, const QString& path);

signals:
    void loadFailed(const QString& message);

private:
    QWidget* createParamsTab();
    QWidget* createMetricsTab();
    QWidget* createCurvesTab();
    QWidget* createCurveToolBar();
    QWidget* createCurveChartPane();
    void connectCurveControls();
    QWidget* createParallelTab();
    QWidget* createScatterTab();
    QListView* createLegendView();
    QWidget* withLegend(QWidget* chart);
    void reload();
    void fillLegend();
    QString showCurves(const QStringList& metricKeys, const QString& previousMetric);
    QStringList differingParamColumns() const;
    void showParallel(const QStringList& columns, const QStringList& chosen);
    void showScatter(const QStringList& columns, const QStringList& differing, const QStringList& metricKeys,
                     const QString& metric);
    void onChanged(const ChangeSet& changes);
    void onLegendClicked(const QModelIndex& index);
    void setAllVisible(bool visible);
    void applyVisibility(qint64 runId, bool visible);
    void onAxisItemChanged(QStandardItem* item);
    void updateScatter();
    void chooseCsv(bool metrics);
    void choosePng(int tab);

    WorkspaceSession& m_session;
    QList<qint64> m_requested;
    QList<CompareRun> m_runs;

    QLabel* m_title = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_emptyState = nullptr;
    QTabWidget* m_tabs = nullptr;
    CompareParamModel* m_paramModel = nullptr;
    CompareMetricModel* m_metricModel = nullptr;
    QStandardItemModel* m_legendModel = nullptr;
    QStandardItemModel* m_axisModel = nullptr;
    QCheckBox* m_onlyDifferences = nullptr;
    QTableView* m_metricView = nullptr;
    CompareCurveChart* m_curves = nullptr;
    QComboBox* m_curveMetric = nullptr;
    QComboBox* m_xAxis = nullptr;
    QSlider* m_smoothing = nullptr;
    QLabel* m_smoothingValue = nullptr;
    QCheckBox* m_logScale = nullptr;
    QCheckBox* m_ignoreOutliers = nullptr;
    QLabel* m_readout = nullptr;
    QLabel* m_progress = nullptr;
    ParallelCoordinatesView* m_parallel = nullptr;
    CompareScatterChart* m_scatter = nullptr;
    QComboBox* m_scatterX = nullptr;
    QComboBox* m_scatterY = nullptr;
};

} // namespace assay
