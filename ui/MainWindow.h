#pragma once

#include "NavigationHistory.h"
#include "WorkspaceJob.h"
#include "WorkspaceOptions.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <optional>

class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

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

// The application window: page navigation on the left, the current page in the middle, the
// menus, and a status bar naming the workspace, its journal mode and the acting user with their
// roles. Core's refusals (AssayError) end up here, in a message box.
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
    void openAtStartup(const QString& path);
    // Opens DemoWorkspace::defaultPath(), creating it and filling it with demo data first
    // when it is new or empty.
    void openDemoWorkspace();
    // Return false, after telling the user why, when core refuses the file.
    bool openWorkspace(const QString& path, const WorkspaceOptions& options = {});
    bool createWorkspace(const QString& path);
    void fillWithDemoData();
    // Imports an MLflow store (an mlruns/ folder or an MLflow SQLite file) in the background and
    // shows what came over, with every skipped item in the details.
    void importMlflowStore(const QString& source);

    // Pages are added in navigation order; each needs an object name, under which the settings
    // remember it as the last page shown, and gets a Go menu action.
    void addPage(const QIcon& icon, const QString& title, QWidget* page);
    // A page without an entry of its own in the navigation, reached from another page (the
    // model page from the Models page); the navigation highlights that page while it shows.
    void addSubPage(QWidget* page, QWidget* navigationPage);
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
    void requestPromotion(qint64 modelId, int version);
    QAction* fillDemoAction() const { return m_fillDemoAction; }
    QAction* archiveAction() const { return m_archiveAction; }
    QAction* backupAction() const { return m_backupAction; }
    // Copies the workspace to path (replacing it: the save dialog asked), on a worker, as
    // File > Back Up… does after its dialog.
    void backUpTo(const QString& path);
    // Writes a read-only archive for auditors to path, on a worker, as File > Archive for
    // Auditors… does after asking where.
    void archiveTo(const QString& path);
    QMenu* recentMenu() const { return m_recentMenu; }
    // Go > Back and Forward, through the places shown (a run, a model, a request…), and one
    // action per navigation page.
    QAction* backAction() const { return m_backAction; }
    QAction* forwardAction() const { return m_forwardAction; }
    QList<QAction*> pageActions() const { return m_pageActions; }
    // The navigation pages, in order.
    QList<QWidget*> navigationPages() const { return m_navigationPages; }
    // Edit > Find (the page's filter field), File > Export… (the page's export), Review > Decide….
    PageCommand* findCommand() const { return m_findCommand; }
    PageCommand* exportCommand() const { return m_exportCommand; }
    PageCommand* decideCommand() const { return m_decideCommand; }
    QAction* reloadAction() const { return m_reloadAction; }
    QAction* shortcutsAction() const { return m_shortcutsAction; }
    QAction* aboutAction() const { return m_aboutAction; }
    // Help > Keyboard Shortcuts and Help > About Assay, opened (not exec'd) and returned.
    KeyboardShortcutsDialog* showKeyboardShortcuts();
    AboutDialog* showAbout();
    // Workspace administration (Users and Roles…, Tier Policy…); enabled while a workspace is open.
    QMenu* workspaceMenu() const { return m_workspaceMenu; }
    QAction* usersAction() const { return m_usersAction; }
    QAction* tierPolicyAction() const { return m_tierPolicyAction; }
    // Shows the one Users and Roles dialog, creating it when needed; null without a workspace.
    UsersDialog* showUsersDialog();

    // Governance dialogs, opened window-modal over the main window (the Models page calls these).
    // Each returns the dialog, or null after telling the user why it cannot open.
    RiskAssessmentWizard* assessRisk(qint64 modelId);
    ModelCardDialog* editModelCard(qint64 versionId);
    PolicyEditorDialog* editTierPolicy();

    // Drift monitor dialogs (the Drift page and the Drift menu call these), window-modal; each
    // returns the dialog, or null after telling the user why it cannot open.
    NewDriftMonitorDialog* newDriftMonitor(qint64 modelId);
    AddDriftDataDialog* addDriftData(qint64 monitorId);
    DriftRulesDialog* editDriftRules(qint64 monitorId);
    // New Drift Monitor…, Add Drift Data…, Drift Thresholds…: for the model on the model page or
    // selected on the Models page, asking which model or monitor when that does not say.
    QMenu* driftMenu() const { return m_driftMenu; }
    QAction* newDriftMonitorAction() const { return m_newDriftMonitorAction; }
    QAction* addDriftDataAction() const { return m_addDriftDataAction; }
    QAction* driftRulesAction() const { return m_driftRulesAction; }

    // File > Export Report…: the governance report of the version in view on the model page
    // (asking which version elsewhere), to a PDF or HTML file the user names.
    QAction* exportReportAction() const { return m_exportReportAction; }
    // Writes the report in the background; reportExported follows on success.
    void exportReport(qint64 versionId, const QString& path);
    // Tests answer the save dialog through this; it gets the suggested file name.
    void setReportPathChooser(std::function<QString(const QString&)> chooser) {
        m_reportPathChooser = std::move(chooser);
    }

signals:
    void reportExported(const QString& path, const QString& contentHash);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createCentralArea();
    void createStatusBar();

    void onWorkspaceChanged();
    void updateTitle();
    void updateStatusBar();
    void updateJournalLabel(const Workspace* workspace);
    void updateActions();
    void rebuildRecentMenu();
    void scheduleRecentMenuRebuild();
    void rememberRecent(const QString& path);

    void chooseAndOpen();
    void chooseAndCreate();
    QString dialogDirectory() const;
    void offerDemoData();
    using JobSucceeded = std::function<void(const QString& path, const WorkspaceJobResult& result)>;
    // Runs job on a worker with a progress dialog; one job at a time.
    // cancellable: false for work that cannot stop half way (one SQLite statement), whose dialog
    // then has no Cancel button rather than one that does nothing.
    void startJob(const QString& title, const QString& label, const QString& finishing, WorkspaceJob::Job job,
                  const QString& failureTitle, const JobSucceeded& onSuccess, bool cancellable = true);
    void endJob(const QString& path);
    void chooseAndBackUp();
    void chooseAndImportMlflow(bool database);
    void showError(const QString& title, const QString& message);
    void createNavigationActions();
    void createPageCommandActions();
    void createPageCommands();
    void keepColumns();
    void restoreLastPage();
    void rememberPage();
    // Shows page after restore (which puts content back on it, may be empty), and records the
    // place for Go > Back.
    void goTo(QWidget* page, const std::function<void()>& restore = {});
    // Shows page, with its entry highlighted in the navigation list.
    void switchTo(QWidget* page);
    void goBack();
    void goForward();
    void returnTo(const NavigationHistory::Place& place);
    void updateHistoryActions();
    void createModelPages();
    void createReviewsPage();
    void createDriftPage();
    void createAuditPage();
    // After opening a file: a status-bar note when its audit trail and signatures verify, else a
    // lasting status-bar warning and a dialog listing the problems.
    void reportIntegrity();
    template <class Dialog, class... Args>
    Dialog* openDialog(const QString& failureTitle, Args&&... args);
    void updateReviewsCount(int count);
    // The model the user is looking at: on the model page, or selected on the Models page; 0 if none.
    qint64 contextModelId() const;
    // Calls pick with the id of what the user chose from choices (label → id), asking only when
    // there is more than one; says so when there is none.
    void choose(const QString& title, const QString& label, const QList<QPair<QString, qint64>>& choices,
                const QString& noneMessage, const std::function<void(qint64)>& pick);
    void chooseModelForMonitor();
    void chooseMonitor(const QString& title, const std::function<void(qint64)>& pick);
    void chooseAndExportReport();
    std::optional<qint64> versionInView() const;
    void askReportPath(qint64 versionId);

    WorkspaceSession& m_session;
    UiSettings& m_settings;

    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    ExperimentsPage* m_experimentsPage = nullptr;
    RunPage* m_runPage = nullptr;
    ComparePage* m_comparePage = nullptr;
    ModelsPage* m_modelsPage = nullptr;
    ModelPage* m_modelPage = nullptr;
    QList<QWidget*> m_navigationPages;             // the page of each navigation row
    QHash<QWidget*, QWidget*> m_navigationParents; // sub-page → the page it is reached from
    // Pages that show what was chosen on another page (a run, runs to compare): the page they
    // are chosen on is remembered as the last page instead, since they open empty.
    QHash<QWidget*, QWidget*> m_rememberedAs;
    QList<QAction*> m_pageActions;
    NavigationHistory* m_history = nullptr;
    bool m_placing = false; // set while goTo() and Back/Forward switch pages: they record the place
    QList<ColumnStateKeeper*> m_columnKeepers;
    ReviewsPage* m_reviewsPage = nullptr;
    DriftPage* m_driftPage = nullptr;
    AuditPage* m_auditPage = nullptr;

    QAction* m_newAction = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_fillDemoAction = nullptr;
    QAction* m_archiveAction = nullptr;
    QAction* m_backupAction = nullptr;
    bool m_reportIntegrityOnCheck = false; // a workspace was opened: say what its check finds
    QAction* m_importMlflowFolderAction = nullptr;
    QAction* m_importMlflowDatabaseAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_aboutQtAction = nullptr;
    QAction* m_shortcutsAction = nullptr;
    QAction* m_backAction = nullptr;
    QAction* m_forwardAction = nullptr;
    QAction* m_reloadAction = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_exportPageAction = nullptr;
    QAction* m_decideAction = nullptr;
    QAction* m_withdrawAction = nullptr;
    QAction* m_periodicReviewAction = nullptr;
    PageCommand* m_findCommand = nullptr;
    PageCommand* m_exportCommand = nullptr;
    PageCommand* m_decideCommand = nullptr;
    PageCommand* m_withdrawCommand = nullptr;
    PageCommand* m_periodicReviewCommand = nullptr;
    QMenu* m_goMenu = nullptr;
    QMenu* m_editMenu = nullptr;
    QMenu* m_reviewMenu = nullptr;
    QAction* m_usersAction = nullptr;
    QAction* m_tierPolicyAction = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_workspaceMenu = nullptr;
    QMenu* m_driftMenu = nullptr;
    QAction* m_newDriftMonitorAction = nullptr;
    QAction* m_addDriftDataAction = nullptr;
    QAction* m_driftRulesAction = nullptr;
    QAction* m_exportReportAction = nullptr;
    std::function<QString(const QString&)> m_reportPathChooser;
    QPointer<UsersDialog> m_usersDialog;

    QLabel* m_pathLabel = nullptr;
    QLabel* m_journalLabel = nullptr;
    QLabel* m_actorLabel = nullptr;

    bool m_jobRunning = false;
};

} // namespace assay
