#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QModelIndex;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace assay {

class BannerLabel;
class ChangeSet;
class DriftDatasetChart;
class DriftDistributionChart;
class DriftHeatmapModel;
class DriftPerformanceChart;
class DriftScoreChart;
class WorkspaceSession;

// Drift monitoring of one model (DESIGN §6): pick a model and one of its monitors, see the
// monitor's setup and whether retraining is recommended, and below it a feature × window
// heatmap whose selected cell drives the score-over-time and reference-vs-current charts,
// beside drifted features per window and (with labels and predictions) performance per window.
// Setting up monitors, adding data and changing thresholds happen in dialogs the page asks for
// through its signals. Everything is read again, keeping the selection, when a commit touches
// the model's monitors.
class DriftPage : public QWidget {
    Q_OBJECT

public:
    explicit DriftPage(WorkspaceSession& session, QWidget* parent = nullptr);

    // Shows a model's monitor (0: its first), or the first model with monitors when modelId is 0.
    void showMonitor(qint64 modelId, qint64 monitorId = 0);
    qint64 modelId() const;
    qint64 monitorId() const;

    QComboBox* modelCombo() const { return m_models; }
    QComboBox* monitorCombo() const { return m_monitors; }
    DriftHeatmapModel* heatmapModel() const { return m_heatmapModel; }
    QTableView* heatmap() const { return m_heatmap; }
    DriftScoreChart* scoreChart() const { return m_score; }
    DriftDistributionChart* distributionChart() const { return m_distribution; }
    DriftDatasetChart* datasetChart() const { return m_dataset; }
    DriftPerformanceChart* performanceChart() const { return m_performance; }
    QLabel* performanceNote() const { return m_performanceNote; }
    BannerLabel* statusBanner() const { return m_banner; }
    QLabel* monitorSummary() const { return m_summary; }
    QLabel* emptyState() const { return m_emptyState; }
    QPushButton* newMonitorButton() const { return m_newMonitor; }
    QPushButton* addDataButton() const { return m_addData; }
    QPushButton* rulesButton() const { return m_rules; }

signals:
    // The dialogs answering these belong to the main window.
    void newMonitorRequested(qint64 modelId);
    void addDataRequested(qint64 monitorId);
    void rulesRequested(qint64 monitorId);
    void loadFailed(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* createHeader();
    QWidget* createContent();
    void onChanged(const ChangeSet& changes);
    void reloadModels(qint64 keepModelId);
    void reloadMonitors(qint64 keepMonitorId);
    void loadMonitor();
    void updateStatus();
    void updateButtons();
    void showCell(const QModelIndex& index);
    void fitHeatmap();

    WorkspaceSession& m_session;
    DriftHeatmapModel* m_heatmapModel;

    QComboBox* m_models = nullptr;
    QComboBox* m_monitors = nullptr;
    QPushButton* m_newMonitor = nullptr;
    QPushButton* m_addData = nullptr;
    QPushButton* m_rules = nullptr;
    QLabel* m_summary = nullptr;
    BannerLabel* m_banner = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_emptyState = nullptr;
    QTableView* m_heatmap = nullptr;
    QSplitter* m_top = nullptr;
    QSplitter* m_bottom = nullptr;
    bool m_chartsShared = false; // the bottom charts got equal widths once
    DriftScoreChart* m_score = nullptr;
    DriftDistributionChart* m_distribution = nullptr;
    DriftDatasetChart* m_dataset = nullptr;
    DriftPerformanceChart* m_performance = nullptr;
    QLabel* m_performanceNote = nullptr;
};

} // namespace assay
