#pragma once

#include <QWidget>

#include <optional>

class QAbstractItemModel;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace assay {

class AliasTimelinePane;
class ChangeSet;
class ModelFindingModel;
class ModelHeaderForm;
class ModelRequestModel;
class ModelRiskPane;
class ModelVersionModel;
class ModelVersionsPane;
class TierBadgeLabel;
class WorkspaceSession;

// One registered model in full: its name, tier and production version, the owners and primary
// metric (editable), and tabs for its versions, the alias timeline, its promotion and review
// requests, its findings and its risk assessments. Everything is read through core when the
// model is shown and again, keeping the selections, when a commit touches it.
class ModelPage : public QWidget {
    Q_OBJECT

public:
    enum Tab { VersionsTab, AliasesTab, RequestsTab, FindingsTab, RiskTab };

    explicit ModelPage(WorkspaceSession& session, QWidget* parent = nullptr);

    // Shows the model, with the given version selected on the Versions tab.
    void showModel(qint64 modelId, std::optional<int> version = {});
    void clear();
    qint64 modelId() const { return m_modelId; }

    QTabWidget* tabs() const { return m_tabs; }
    ModelHeaderForm* headerForm() const { return m_form; }
    ModelVersionsPane* versionsPane() const { return m_versions; }
    ModelVersionModel* versionModel() const;
    AliasTimelinePane* aliasPane() const { return m_aliases; }
    ModelRequestModel* requestModel() const { return m_requests; }
    ModelFindingModel* findingModel() const { return m_findings; }
    ModelRiskPane* riskPane() const { return m_risk; }
    QString title() const;
    TierBadgeLabel* tierBadge() const { return m_tier; }
    QString productionText() const;

signals:
    void runActivated(qint64 runId);
    void promotionRequested(qint64 modelId, int version);
    void cardEditRequested(qint64 versionId);
    void requestActivated(qint64 requestId);
    void assessmentRequested(qint64 modelId);
    // The model's drift monitors, on the Drift page.
    void driftRequested(qint64 modelId);
    void backRequested();
    void loadFailed(const QString& message);

private:
    QWidget* createHeader();
    QTableView* createTable(const QString& objectName, QAbstractItemModel* model, int sortRole, int idRole);
    void onChanged(const ChangeSet& changes);
    void loadHeader();
    QStringList metricKeys() const;
    void updateTabTitles();

    WorkspaceSession& m_session;
    qint64 m_modelId = 0;

    QLabel* m_title = nullptr;
    TierBadgeLabel* m_tier = nullptr;
    QLabel* m_production = nullptr;
    QLabel* m_subtitle = nullptr;
    ModelHeaderForm* m_form = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_emptyState = nullptr;
    QTabWidget* m_tabs = nullptr;
    ModelVersionsPane* m_versions = nullptr;
    AliasTimelinePane* m_aliases = nullptr;
    ModelRequestModel* m_requests = nullptr;
    ModelFindingModel* m_findings = nullptr;
    ModelRiskPane* m_risk = nullptr;
};

} // namespace assay
