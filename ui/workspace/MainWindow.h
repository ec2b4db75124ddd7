#pragma once

#include "PageNavigator.h"
#include "WindowActions.h"
#include "WindowDialogs.h"
#include "WindowJobs.h"
#include "WorkspaceLifecycle.h"
#include "core/workspace/WorkspaceOptions.h"

#include <QMainWindow>

#include <optional>

class QAction;
class QMenu;

namespace assay {

class AboutDialog;
class AddDriftDataDialog;
class AuditPage;
class ColumnStateKeeper;
class ComparePage;
class DriftRulesDialog;
class DriftPage;
class ExperimentsPage;
class ModelCardDialog;
class ModelPage;
class ModelsPage;
class KeyboardShortcutsDialog;
class NewDriftMonitorDialog;
class PageCommand;
class PolicyEditorDialog;
class RiskAssessmentWizard;
class ReviewsPage;
class RunPage;
class UiSettings;
class UsersDialog;
class WorkspaceSession;
class WorkspaceStatusBar;

// The application window's shell: page navigation on the left, the current page in the middle,
// the menus, and a status bar naming the workspace, its journal mode and the acting user with
// their roles. Core's refusals (AssayError) end up here, in a message box. The window delegates:
// WindowActions makes the actions and menus, WorkspaceLifecycle opens and creates workspaces,
// WindowJobs runs the long jobs, WorkspaceStatusBar keeps the status bar's labels.
//
// Every page has a shortcut (Go menu, Ctrl+1 … in navigation order), and so have the common
// commands; those that mean something on some pages only (Find, Export…, Decide…) are
// PageCommands. The window opens on the page it showed last, and keeps its geometry and every
// table's columns in the UiSettings.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    MainWindow(WorkspaceSession& session, UiSettings& settings, QWidget* parent = nullptr);

    // The file named on the command line; without one, the default workspace, created when
    // missing, with an offer to fill it with demo data while it has no experiments.
    void openAtStartup(const QString& path) { m_lifecycle->openAtStartup(path); }
    // Opens DemoWorkspace::defaultPath(), creating it and filling it with demo data first
    // when it is new or empty.
    void openDemoWorkspace() { m_lifecycle->openDemoWorkspace(); }
    // Return false, after telling the user why, when core refuses the file.
    bool openWorkspace(const QString& path, const WorkspaceOptions& options = {}) {
        return m_lifecycle->openWorkspace(path, options);
    }
    bool createWorkspace(const QString& path) { return m_lifecycle->createWorkspace(path); }
    void fillWithDemoData() { m_jobs->fillWithDemoData(); }
    // Imports an MLflow store (an mlruns/ folder or an MLflow SQLite file) in the background and
    // shows what came over, with every skipped item in the details.
    void importMlflowStore(const QString& source) { m_jobs->importMlflowStore(source); }

    // Pages are added in navigation order; each needs an object name, under which the settings
    // remember it as the last page shown, and gets a Go menu action.
    void addPage(const QIcon& icon, const QString& title, QWidget* page) {
        m_navigator->addPage(icon, title, page);
    }
    // A page without an entry of its own in the navigation, reached from another page (the
    // model page from the Models page); the navigation highlights that page while it shows.
    void addSubPage(QWidget* page, QWidget* navigationPage) { m_navigator->addSubPage(page, navigationPage); }
    ExperimentsPage* experimentsPage() const { return m_experimentsPage; }
    RunPage* runPage() const { return m_runPage; }
    ComparePage* comparePage() const { return m_comparePage; }
    ModelsPage* modelsPage() const { return m_modelsPage; }
    ModelPage* modelPage() const { return m_modelPage; }
    QWidget* currentPage() const;
    // Goes to a page added with addPage() or addSubPage().
    void showPage(QWidget* page);
    // Shows one run on the Run page, or runs side by side on the Compare page, and goes there.
    void showRun(qint64 runId);
    void showCompare(const QList<qint64>& runIds);
    // Shows a model on its page (with a version selected) and goes there.
    void showModel(qint64 modelId, std::optional<int> version = {});
    ReviewsPage* reviewsPage() const { return m_reviewsPage; }
    // Opens one promotion request or periodic review on the Reviews page and goes there.
    void showRequest(qint64 requestId);
    // Goes to the Reviews page's inbox and lists.
    void showReviews();
    DriftPage* driftPage() const { return m_driftPage; }
    AuditPage* auditPage() const { return m_auditPage; }
    // Goes to the Audit page, with event seq selected when seq > 0.
    void showAudit(qint64 seq = 0);
    // Shows a model's drift monitor (0: its first) on the Drift page and goes there.
    void showDrift(qint64 modelId, qint64 monitorId = 0);
    // Opens the dialog that asks for version's promotion; a submitted request is shown.
    void requestPromotion(qint64 modelId, int version) { m_dialogs->requestPromotion(modelId, version); }
    QAction* fillDemoAction() const { return m_actions->fillDemo; }
    QAction* archiveAction() const { return m_actions->archive; }
    QAction* backupAction() const { return m_actions->backup; }
    // Copies the workspace to path (replacing it: the save dialog asked), on a worker, as
    // File > Back Up… does after its dialog.
    void backUpTo(const QString& path) { m_jobs->backUpTo(path); }
    // Writes a read-only archive for auditors to path, on a worker, as File > Archive for
    // Auditors… does after asking where.
    void archiveTo(const QString& path) { m_jobs->archiveTo(path); }
    QMenu* recentMenu() const { return m_actions->recentMenu; }
    // Go > Back and Forward, through the places shown (a run, a model, a request…), and one
    // action per navigation page.
    QAction* backAction() const { return m_actions->back; }
    QAction* forwardAction() const { return m_actions->forward; }
    QList<QAction*> pageActions() const { return m_navigator->pageActions(); }
    // The navigation pages, in order.
    QList<QWidget*> navigationPages() const { return m_navigator->pages(); }
    // Edit > Find (the page's filter field), File > Export… (the page's export), Review > Decide….
    PageCommand* findCommand() const { return m_findCommand; }
    PageCommand* exportCommand() const { return m_exportCommand; }
    PageCommand* decideCommand() const { return m_decideCommand; }
    QAction* reloadAction() const { return m_actions->reload; }
    QAction* shortcutsAction() const { return m_actions->shortcuts; }
    QAction* aboutAction() const { return m_actions->about; }
    // Help > Keyboard Shortcuts and Help > About Assay, opened (not exec'd) and returned.
    KeyboardShortcutsDialog* showKeyboardShortcuts();
    AboutDialog* showAbout() { return m_dialogs->showAbout(); }
    // Workspace administration (Users and Roles…, Tier Policy…); enabled while a workspace is open.
    QMenu* workspaceMenu() const { return m_actions->workspaceMenu; }
    QAction* usersAction() const { return m_actions->users; }
    QAction* tierPolicyAction() const { return m_actions->tierPolicy; }
    // Shows the one Users and Roles dialog, creating it when needed; null without a workspace.
    UsersDialog* showUsersDialog() { return m_dialogs->showUsers(); }

    // Governance dialogs, opened window-modal over the main window (the Models page calls these).
    // Each returns the dialog, or null after telling the user why it cannot open.
    RiskAssessmentWizard* assessRisk(qint64 modelId) { return m_dialogs->assessRisk(modelId); }
    ModelCardDialog* editModelCard(qint64 versionId) { return m_dialogs->editModelCard(versionId); }
    PolicyEditorDialog* editTierPolicy() { return m_dialogs->editTierPolicy(); }

    // Drift monitor dialogs (the Drift page and the Drift menu call these), window-modal; each
    // returns the dialog, or null after telling the user why it cannot open.
    NewDriftMonitorDialog* newDriftMonitor(qint64 modelId) { return m_dialogs->newDriftMonitor(modelId); }
    AddDriftDataDialog* addDriftData(qint64 monitorId) { return m_dialogs->addDriftData(monitorId); }
    DriftRulesDialog* editDriftRules(qint64 monitorId) { return m_dialogs->editDriftRules(monitorId); }
    // New Drift Monitor…, Add Drift Data…, Drift Thresholds…: for the model on the model page or
    // selected on the Models page, asking which model or monitor when that does not say.
    QMenu* driftMenu() const { return m_actions->driftMenu; }
    QAction* newDriftMonitorAction() const { return m_actions->newDriftMonitor; }
    QAction* addDriftDataAction() const { return m_actions->addDriftData; }
    QAction* driftRulesAction() const { return m_actions->driftRules; }

    // File > Export Report…: the governance report of the version in view on the model page
    // (asking which version elsewhere), to a PDF or HTML file the user names.
    QAction* exportReportAction() const { return m_actions->exportReport; }
    // Writes the report in the background; reportExported follows on success.
    void exportReport(qint64 versionId, const QString& path) { m_jobs->exportReport(versionId, path); }
    // Tests answer the save dialog through this; it gets the suggested file name.
    void setReportPathChooser(std::function<QString(const QString&)> chooser) {
        m_jobs->setReportPathChooser(std::move(chooser));
    }

signals:
    void reportExported(const QString& path, const QString& contentHash);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void connectActions();
    void connectFileActions();
    void connectDelegates();
    void createCentralArea();
    void createExplorePages();
    void createModelPages();
    void createReviewsPage();
    void createDriftPage();
    void createAuditPage();
    void createPageCommands();

    void onWorkspaceChanged();
    void updateTitle();
    void updateActions();
    void showStatus(const QString& message);

    void keepColumns();
    // After opening a file: a status-bar note when its audit trail and signatures verify, else a
    // lasting status-bar warning and a dialog listing the problems.
    void reportIntegrity();
    void updateReviewsCount(int count);
    // The model the user is looking at: on the model page, or selected on the Models page; 0 if none.
    qint64 contextModelId() const;
    void chooseModelForMonitor();
    void chooseMonitor(const QString& title, const std::function<void(qint64)>& pick);
    // The version in view, or, from a page about none, the one the user picks.
    void chooseAndExportReport();
    std::optional<qint64> versionInView() const;

    WorkspaceSession& m_session;
    UiSettings& m_settings;
    WindowActions* m_actions = nullptr;
    WorkspaceLifecycle* m_lifecycle = nullptr;
    WindowJobs* m_jobs = nullptr;
    WindowDialogs* m_dialogs = nullptr;
    WorkspaceStatusBar* m_statusBar = nullptr;

    PageNavigator* m_navigator = nullptr;
    ExperimentsPage* m_experimentsPage = nullptr;
    RunPage* m_runPage = nullptr;
    ComparePage* m_comparePage = nullptr;
    ModelsPage* m_modelsPage = nullptr;
    ModelPage* m_modelPage = nullptr;
    ReviewsPage* m_reviewsPage = nullptr;
    DriftPage* m_driftPage = nullptr;
    AuditPage* m_auditPage = nullptr;
    QList<ColumnStateKeeper*> m_columnKeepers;
    bool m_reportIntegrityOnCheck = false; // a workspace was opened: say what its check finds

    PageCommand* m_findCommand = nullptr;
    PageCommand* m_exportCommand = nullptr;
    PageCommand* m_decideCommand = nullptr;
    PageCommand* m_withdrawCommand = nullptr;
    PageCommand* m_periodicReviewCommand = nullptr;
};

} // namespace assay
