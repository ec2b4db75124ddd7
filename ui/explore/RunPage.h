#pragma once

#include <QWidget>

class QGridLayout;
class QLabel;
class QPushButton;
class QStackedWidget;
class QStandardItemModel;
class QTabWidget;
class QTableView;

namespace assay {

class ChangeSet;
class MetricChartView;
class RegisterVersionDialog;
class Tracking;
class Workspace;
class WorkspaceSession;
struct Run;

// One run in full: an overview (status, user, times, source, parent run, datasets, the model
// versions made from it), its params, tags, a metric table with one zoomable chart per metric,
// and its attachments. Everything is read through core when a run is shown and again when a
// commit touches it.
class RunPage : public QWidget {
    Q_OBJECT

public:
    enum Tab { OverviewTab, ParamsTab, TagsTab, MetricsTab, AttachmentsTab };
    // Attachment rows carry the attachment's id in this role.
    static constexpr int AttachmentIdRole = Qt::UserRole + 1;

    explicit RunPage(WorkspaceSession& session, QWidget* parent = nullptr);

    void showRun(qint64 runId);
    void clear();
    qint64 runId() const { return m_runId; }

    QStandardItemModel* paramsModel() const { return m_paramsModel; }
    QStandardItemModel* tagsModel() const { return m_tagsModel; }
    QStandardItemModel* metricsModel() const { return m_metricsModel; }
    QStandardItemModel* datasetsModel() const { return m_datasetsModel; }
    QStandardItemModel* attachmentsModel() const { return m_attachmentsModel; }
    QStandardItemModel* versionsModel() const { return m_versionsModel; }
    QList<MetricChartView*> charts() const { return m_charts; }
    QTabWidget* tabs() const { return m_tabs; }
    // The text of an overview field by its object name ("runStatus", "runParent", ...).
    QString field(const QString& name) const;
    // Writes an attachment's content to path; false, with the reason in errorMessage, on failure.
    bool saveAttachment(int row, const QString& path, QString* errorMessage = nullptr) const;
    QPushButton* registerButton() const { return m_register; }
    // Opens (window-modal, not exec()) the dialog that registers the run as a model version.
    RegisterVersionDialog* openRegisterDialog();

signals:
    void loadFailed(const QString& message);
    // After the shown run was registered as a version of a model.
    void versionRegistered(qint64 modelId, int version);
    // A row of "Model versions made from this run" was activated.
    void modelVersionActivated(qint64 modelId, int version);

private:
    static constexpr int modelIdRole = Qt::UserRole + 10;
    static constexpr int versionRole = Qt::UserRole + 11;

    QWidget* createOverviewTab();
    QWidget* createMetricsTab();
    QWidget* createAttachmentsTab();
    QTableView* createTable(QStandardItemModel* model, const QString& objectName);
    QLabel* addField(const QString& objectName, const QString& title);
    void load();
    void showOverview(const Tracking& tracking, const Run& run);
    void showStatus(const Run& run);
    QString parentRunLink(const Tracking& tracking, const Run& run) const;
    void setField(const char* objectName, const QString& text);
    void loadParams(const Tracking& tracking);
    void loadTags(const Tracking& tracking);
    void loadDatasets(const Tracking& tracking);
    void loadAttachments(const Tracking& tracking);
    void loadVersions(const Workspace& workspace);
    QStringList loadMetrics(const Workspace& workspace);
    void rebuildCharts(const QStringList& keys);
    void onChanged(const ChangeSet& changes);
    void saveSelectedAttachment();

    WorkspaceSession& m_session;
    qint64 m_runId = 0;

    QLabel* m_title = nullptr;
    QLabel* m_subtitle = nullptr;
    QPushButton* m_register = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_emptyState = nullptr;
    QTabWidget* m_tabs = nullptr;
    QWidget* m_overview = nullptr;
    QList<QLabel*> m_fields;
    QStandardItemModel* m_paramsModel = nullptr;
    QStandardItemModel* m_tagsModel = nullptr;
    QStandardItemModel* m_metricsModel = nullptr;
    QStandardItemModel* m_datasetsModel = nullptr;
    QStandardItemModel* m_attachmentsModel = nullptr;
    QStandardItemModel* m_versionsModel = nullptr;
    QTableView* m_attachmentView = nullptr;
    QPushButton* m_saveAttachment = nullptr;
    QWidget* m_chartGrid = nullptr;
    QGridLayout* m_chartLayout = nullptr;
    QList<MetricChartView*> m_charts;
};

} // namespace assay
