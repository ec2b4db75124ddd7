#include "MainWindow.h"

#include "AboutDialog.h"
#include "AddDriftDataDialog.h"
#include "AssayError.h"
#include "AuditPage.h"
#include "ColumnStateKeeper.h"
#include "ComparePage.h"
#include "DemoWorkspace.h"
#include "DriftMonitors.h"
#include "DriftPage.h"
#include "DriftRulesDialog.h"
#include "ErrorBox.h"
#include "ExperimentListModel.h"
#include "ExperimentsPage.h"
#include "FileSystemProbe.h"
#include "GovernanceReportReader.h"
#include "GovernanceReportWriter.h"
#include "Identity.h"
#include "IntegrityProblemModel.h"
#include "JournalMode.h"
#include "KeyboardShortcutsDialog.h"
#include "ModelCardDialog.h"
#include "ModelPage.h"
#include "ModelVersionsPane.h"
#include "ModelsPage.h"
#include "NavigationHistory.h"
#include "NewDriftMonitorDialog.h"
#include "PageCommand.h"
#include "PolicyEditorDialog.h"
#include "PromotionRequestDialog.h"
#include "ReadOnlyTableView.h"
#include "Registry.h"
#include "RequestPage.h"
#include "ReviewsPage.h"
#include "RiskAssessmentWizard.h"
#include "RoleDescription.h"
#include "RunFilterBar.h"
#include "RunFilterEdit.h"
#include "RunPage.h"
#include "ShortcutModel.h"
#include "UiSettings.h"
#include "UsersDialog.h"
#include "Workspace.h"
#include "WorkspaceJobDialog.h"
#include "WorkspaceJobs.h"
#include "WorkspaceSession.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>

#include <utility>

namespace assay {
namespace {

constexpr QSize defaultWindowSize(1280, 800);
constexpr int navigationWidth = 168;
constexpr int statusMessageMs = 8000;

QString fileFilter() {
    return MainWindow::tr("Assay workspaces (*.assay);;All files (*)");
}

// "~/projects/a.assay" reads faster than the full home path in a menu.
QString displayPath(const QString& path) {
    const QString home = QDir::homePath();
    const QString native = QDir::toNativeSeparators(path);
    return path.startsWith(home + QLatin1Char('/')) ? QStringLiteral("~") + native.mid(home.size()) : native;
}

// "Acting as ada · Data scientist, Validator"
QString actorText(const Workspace& workspace) {
    std::optional<User> user;
    try {
        user = Identity(workspace).user(workspace.actor());
    } catch (const AssayError&) {
        return MainWindow::tr("Acting as %1").arg(workspace.actor());
    }
    return MainWindow::tr("Acting as %1 · %2")
        .arg(workspace.actor(), RoleDescription::list(user ? user->roles : QList<Role>{}));
}

} // namespace

MainWindow::MainWindow(WorkspaceSession& session, UiSettings& settings, QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_settings(settings) {
    m_history = new NavigationHistory(this);
    connect(m_history, &NavigationHistory::changed, this, &MainWindow::updateHistoryActions);
    createActions();
    createMenus();
    createCentralArea();
    createPageCommands();
    createStatusBar();
    connect(&m_session, &WorkspaceSession::workspaceChanged, this, &MainWindow::onWorkspaceChanged);
    // The acting user's roles are in the status bar.
    connect(&m_session, &WorkspaceSession::changed, this, [this](const ChangeSet& changes) {
        if (changes.touches(EntityKind::User))
            updateStatusBar();
    });
    if (!restoreGeometry(m_settings.mainWindowGeometry()))
        resize(defaultWindowSize);
    keepColumns();
    restoreLastPage();
    connect(m_pages, &QStackedWidget::currentChanged, this, &MainWindow::rememberPage);
    onWorkspaceChanged();
}

void MainWindow::createActions() {
    m_newAction = new QAction(tr("&New Workspace…"), this);
    m_newAction->setShortcut(QKeySequence::New);
    connect(m_newAction, &QAction::triggered, this, &MainWindow::chooseAndCreate);

    m_openAction = new QAction(tr("&Open Workspace…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseAndOpen);

    m_fillDemoAction = new QAction(tr("Fill with &Demo Data…"), this);
    m_fillDemoAction->setStatusTip(
        tr("Write %1 example runs, with metrics and registered models, into this empty workspace")
            .arg(DemoWorkspace::totalRuns()));
    connect(m_fillDemoAction, &QAction::triggered, this, &MainWindow::fillWithDemoData);

    m_archiveAction = new QAction(tr("Archive for &Auditors…"), this);
    m_archiveAction->setStatusTip(tr("Write a read-only copy of this workspace that verifies on its own"));
    connect(m_archiveAction, &QAction::triggered, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Archive for Auditors"), dialogDirectory(), fileFilter());
        if (!path.isEmpty())
            archiveTo(path);
    });

    m_backupAction = new QAction(tr("&Back Up…"), this);
    m_backupAction->setStatusTip(
        tr("Copy this workspace to another file while others go on using it (SQLite's online backup)"));
    connect(m_backupAction, &QAction::triggered, this, &MainWindow::chooseAndBackUp);

    m_importMlflowFolderAction = new QAction(tr("MLflow &Tracking Folder (mlruns)…"), this);
    m_importMlflowFolderAction->setStatusTip(
        tr("Bring the runs and models of an MLflow file store into this workspace"));
    m_importMlflowFolderAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(m_importMlflowFolderAction, &QAction::triggered, this, [this] { chooseAndImportMlflow(false); });
    m_importMlflowDatabaseAction = new QAction(tr("MLflow &Database…"), this);
    m_importMlflowDatabaseAction->setStatusTip(
        tr("Bring the runs and models of an MLflow SQLite store into this workspace"));
    m_importMlflowDatabaseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    connect(m_importMlflowDatabaseAction, &QAction::triggered, this, [this] { chooseAndImportMlflow(true); });

    m_exportReportAction = new QAction(tr("Export &Report…"), this);
    m_exportReportAction->setStatusTip(
        tr("Write a model version's governance report: card, tier, gates, signed decisions, charts "
           "and audit excerpt, as PDF or HTML"));
    m_exportReportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(m_exportReportAction, &QAction::triggered, this, &MainWindow::chooseAndExportReport);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(
        QKeySequence(Qt::CTRL | Qt::Key_Q)); // QKeySequence::Quit is empty on some platforms
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_usersAction = new QAction(tr("&Users and Roles…"), this);
    m_usersAction->setStatusTip(
        tr("See who may do what in this workspace; an admin adds users and changes roles"));
    connect(m_usersAction, &QAction::triggered, this, &MainWindow::showUsersDialog);
    m_tierPolicyAction = new QAction(tr("Tier &Policy…"), this);
    m_tierPolicyAction->setStatusTip(
        tr("Read the risk tier policy, its history, and (as an admin) publish a new "
           "version"));
    connect(m_tierPolicyAction, &QAction::triggered, this, &MainWindow::editTierPolicy);

    m_newDriftMonitorAction = new QAction(tr("&New Drift Monitor…"), this);
    m_newDriftMonitorAction->setStatusTip(
        tr("Watch a model version's input data for drift against a reference file"));
    connect(m_newDriftMonitorAction, &QAction::triggered, this, &MainWindow::chooseModelForMonitor);
    m_addDriftDataAction = new QAction(tr("&Add Drift Data…"), this);
    m_addDriftDataAction->setStatusTip(tr("Compare new data files with a monitor's reference"));
    connect(m_addDriftDataAction, &QAction::triggered, this,
            [this] { chooseMonitor(tr("Add Drift Data"), [this](qint64 id) { addDriftData(id); }); });
    m_driftRulesAction = new QAction(tr("Drift &Thresholds…"), this);
    m_driftRulesAction->setStatusTip(tr("Change when a monitor's features count as drifted"));
    connect(m_driftRulesAction, &QAction::triggered, this,
            [this] { chooseMonitor(tr("Drift Thresholds"), [this](qint64 id) { editDriftRules(id); }); });

    m_aboutAction = new QAction(tr("&About Assay"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    m_aboutQtAction = new QAction(tr("About &Qt"), this);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
    m_shortcutsAction = new QAction(tr("&Keyboard Shortcuts"), this);
    m_shortcutsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    m_shortcutsAction->setStatusTip(tr("List every keyboard shortcut of the window"));
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showKeyboardShortcuts);
    createNavigationActions();
    createPageCommandActions();
}

void MainWindow::createPageCommandActions() {
    m_findAction = new QAction(tr("&Find"), this);
    m_findAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    m_findAction->setStatusTip(tr("Go to the page's filter or search field"));
    m_exportPageAction = new QAction(tr("&Export…"), this);
    m_exportPageAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportPageAction->setStatusTip(
        tr("Export what the page shows: the runs in scope as CSV, or the filtered audit events"));
    m_decideAction = new QAction(tr("&Decide…"), this);
    m_decideAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_decideAction->setStatusTip(tr("Approve or reject the promotion request or periodic review shown"));
    m_withdrawAction = new QAction(tr("&Withdraw Request…"), this);
    m_withdrawAction->setStatusTip(tr("Withdraw the promotion request shown, which you submitted"));
    m_periodicReviewAction = new QAction(tr("Start &Periodic Review…"), this);
    m_periodicReviewAction->setStatusTip(tr("Start the periodic review of a production model"));
}

void MainWindow::createNavigationActions() {
    m_backAction = new QAction(tr("&Back"), this);
    m_backAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_backAction->setStatusTip(tr("Show again what was shown before (a run, a model, a request…)"));
    connect(m_backAction, &QAction::triggered, this, &MainWindow::goBack);
    m_forwardAction = new QAction(tr("&Forward"), this);
    m_forwardAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    connect(m_forwardAction, &QAction::triggered, this, &MainWindow::goForward);
    m_reloadAction = new QAction(tr("&Reload"), this);
    m_reloadAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_reloadAction->setStatusTip(tr("Read everything again from the workspace file"));
    connect(m_reloadAction, &QAction::triggered, this, [this] {
        if (!m_session.isOpen())
            return;
        m_session.reloadAll();
        statusBar()->showMessage(tr("Reloaded %1.").arg(QFileInfo(m_session.workspace()->path()).fileName()),
                                 statusMessageMs);
    });
}

// The actions are made here and bound to each page's widgets once the pages exist.
void MainWindow::createPageCommands() {
    const auto command = [this](QAction* action) {
        auto* pageCommand = new PageCommand(action, m_pages);
        connect(pageCommand, &PageCommand::commandUnavailable, this, [this](const QString& name) {
            statusBar()->showMessage(tr("“%1” is not available here now.").arg(name), statusMessageMs);
        });
        return pageCommand;
    };
    m_findCommand = command(m_findAction);
    m_findCommand->addTarget(m_experimentsPage, m_experimentsPage->filterBar()->editor());
    m_findCommand->addTarget(m_modelsPage, m_modelsPage->searchEdit());
    m_findCommand->addTarget(m_auditPage, m_auditPage->searchEdit());
    m_exportCommand = command(m_exportPageAction);
    m_exportCommand->addTarget(m_experimentsPage, m_experimentsPage->exportCsvAction());
    m_exportCommand->addTarget(m_auditPage, m_auditPage->exportCsvButton());
    RequestPage* request = m_reviewsPage->requestPage();
    m_decideCommand = command(m_decideAction);
    m_decideCommand->addTarget(m_reviewsPage, request->decideButton());
    m_withdrawCommand = command(m_withdrawAction);
    m_withdrawCommand->addTarget(m_reviewsPage, request->withdrawButton());
    m_periodicReviewCommand = command(m_periodicReviewAction);
    m_periodicReviewCommand->addTarget(m_reviewsPage, m_reviewsPage->periodicReviewButton());
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addSeparator();
    QMenu* import = file->addMenu(tr("&Import"));
    import->addAction(m_importMlflowFolderAction);
    import->addAction(m_importMlflowDatabaseAction);
    file->addAction(m_fillDemoAction);
    file->addAction(m_exportPageAction);
    file->addAction(m_exportReportAction);
    file->addAction(m_backupAction);
    file->addAction(m_archiveAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_editMenu->addAction(m_findAction);

    // The pages' own actions follow, added with the pages.
    m_goMenu = menuBar()->addMenu(tr("&Go"));
    m_goMenu->addAction(m_backAction);
    m_goMenu->addAction(m_forwardAction);
    m_goMenu->addSeparator();

    m_workspaceMenu = menuBar()->addMenu(tr("&Workspace"));
    m_workspaceMenu->addAction(m_reloadAction);
    m_workspaceMenu->addSeparator();
    m_workspaceMenu->addAction(m_usersAction);
    m_workspaceMenu->addAction(m_tierPolicyAction);

    m_reviewMenu = menuBar()->addMenu(tr("&Review"));
    m_reviewMenu->addAction(m_decideAction);
    m_reviewMenu->addAction(m_withdrawAction);
    m_reviewMenu->addAction(m_periodicReviewAction);

    m_driftMenu = menuBar()->addMenu(tr("&Drift"));
    m_driftMenu->addAction(m_newDriftMonitorAction);
    m_driftMenu->addAction(m_addDriftDataAction);
    m_driftMenu->addAction(m_driftRulesAction);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_shortcutsAction);
    help->addSeparator();
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

void MainWindow::createCentralArea() {
    m_navigation = new QListWidget;
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFixedWidth(navigationWidth);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setSpacing(2);
    // A sidebar, not a document: it takes the window's colour rather than the base colour.
    m_navigation->viewport()->setBackgroundRole(QPalette::Window);
    m_pages = new QStackedWidget;
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_navigationPages.size())
            m_pages->setCurrentWidget(m_navigationPages.at(row));
    });
    // A click on the highlighted entry leaves a sub-page for its page (the model page for Models).
    connect(m_navigation, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        const int row = m_navigation->row(item);
        if (row >= 0 && row < m_navigationPages.size())
            m_pages->setCurrentWidget(m_navigationPages.at(row));
    });

    auto* central = new QWidget;
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    auto* divider = new QFrame;
    divider->setFrameShape(QFrame::VLine);
    divider->setFrameShadow(QFrame::Sunken);
    layout->addWidget(divider);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_experimentsPage = new ExperimentsPage(m_session, m_settings);
    m_experimentsPage->setObjectName(QStringLiteral("experimentsPage"));
    connect(m_experimentsPage, &ExperimentsPage::loadFailed, this,
            [this](const QString& message) { showError(tr("Cannot read the workspace"), message); });
    addPage(QIcon::fromTheme(QStringLiteral("view-list-details"),
                             style()->standardIcon(QStyle::SP_FileDialogDetailedView)),
            tr("Experiments"), m_experimentsPage);

    // Both pages clear themselves when the workspace switches (they listen to the session).
    m_runPage = new RunPage(m_session);
    m_runPage->setObjectName(QStringLiteral("runPage"));
    connect(m_runPage, &RunPage::loadFailed, this,
            [this](const QString& message) { showError(tr("Cannot read the run"), message); });
    addPage(QIcon::fromTheme(QStringLiteral("document-properties"),
                             style()->standardIcon(QStyle::SP_FileDialogInfoView)),
            tr("Run"), m_runPage);
    m_comparePage = new ComparePage(m_session);
    m_comparePage->setObjectName(QStringLiteral("comparePage"));
    connect(m_comparePage, &ComparePage::loadFailed, this,
            [this](const QString& message) { showError(tr("Cannot read the runs"), message); });
    addPage(QIcon::fromTheme(QStringLiteral("view-statistics"),
                             style()->standardIcon(QStyle::SP_FileDialogContentsView)),
            tr("Compare"), m_comparePage);
    m_rememberedAs.insert(m_runPage, m_experimentsPage);
    m_rememberedAs.insert(m_comparePage, m_experimentsPage);
    connect(m_experimentsPage, &ExperimentsPage::runActivated, this, &MainWindow::showRun);
    connect(m_experimentsPage, &ExperimentsPage::compareRequested, this, &MainWindow::showCompare);
    createModelPages();
    createReviewsPage();
    createDriftPage();
    createAuditPage();
}

void MainWindow::createAuditPage() {
    m_auditPage = new AuditPage(m_session);
    m_auditPage->setObjectName(QStringLiteral("auditPage"));
    connect(m_auditPage, &AuditPage::integrityChecked, this, [this] {
        if (std::exchange(m_reportIntegrityOnCheck, false))
            reportIntegrity();
    });
    connect(m_auditPage, &AuditPage::loadFailed, this,
            [this](const QString& message) { showError(tr("Cannot read the audit trail"), message); });
    addPage(QIcon::fromTheme(QStringLiteral("security-high"),
                             style()->standardIcon(QStyle::SP_FileDialogListView)),
            tr("Audit"), m_auditPage);
}

void MainWindow::showAudit(qint64 seq) {
    if (seq > 0)
        goTo(m_auditPage, [this, seq] { m_auditPage->selectEvent(seq); });
    else
        goTo(m_auditPage);
}

void MainWindow::reportIntegrity() {
    // The Audit page checked the file when it became current; the check is not run twice.
    const IntegrityReport& report = m_auditPage->integrityReport();
    if (report.isIntact()) {
        statusBar()->showMessage(tr("Audit trail verified through sequence %1; %2 signatures checked.")
                                     .arg(report.audit.verifiedThrough)
                                     .arg(report.signaturesChecked),
                                 statusMessageMs);
        return;
    }
    statusBar()->showMessage(tr("Integrity check failed: %1").arg(report.summary()));
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Workspace altered outside Assay"),
                                tr("This workspace was changed outside Assay: its audit trail or signatures "
                                   "no longer verify. Its records may not be what was approved."),
                                QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("integrityWarning"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal);
    QStringList problems;
    for (const IntegrityProblem& problem : report.problems)
        problems << QStringLiteral("• ") + IntegrityProblemModel::text(problem);
    box->setInformativeText(problems.join(QLatin1Char('\n')));
    QPushButton* showButton = box->addButton(tr("Show Audit Page"), QMessageBox::AcceptRole);
    showButton->setObjectName(QStringLiteral("showAuditButton"));
    const qint64 firstSeq = report.problems.first().seq;
    connect(showButton, &QPushButton::clicked, this, [this, firstSeq] { showAudit(firstSeq); });
    box->show();
}

void MainWindow::createDriftPage() {
    m_driftPage = new DriftPage(m_session);
    m_driftPage->setObjectName(QStringLiteral("driftPage"));
    connect(m_driftPage, &DriftPage::newMonitorRequested, this, &MainWindow::newDriftMonitor);
    connect(m_driftPage, &DriftPage::addDataRequested, this, &MainWindow::addDriftData);
    connect(m_driftPage, &DriftPage::rulesRequested, this, &MainWindow::editDriftRules);
    connect(m_driftPage, &DriftPage::loadFailed, this,
            [this](const QString& message) { showError(tr("Cannot read the drift monitors"), message); });
    // Its own fallback: Compare's is the contents view, and without an icon theme the two
    // pages would share one picture.
    addPage(QIcon::fromTheme(QStringLiteral("utilities-system-monitor"),
                             style()->standardIcon(QStyle::SP_ComputerIcon)),
            tr("Drift"), m_driftPage);
    connect(m_modelPage, &ModelPage::driftRequested, this, [this](qint64 modelId) { showDrift(modelId); });
}

void MainWindow::showDrift(qint64 modelId, qint64 monitorId) {
    goTo(m_driftPage, [this, modelId, monitorId] { m_driftPage->showMonitor(modelId, monitorId); });
}

void MainWindow::createReviewsPage() {
    m_reviewsPage = new ReviewsPage(m_session);
    m_reviewsPage->setObjectName(QStringLiteral("reviewsPage"));
    connect(m_reviewsPage, &ReviewsPage::loadFailed, this,
            [this](const QString& message) { showError(tr("Cannot read the reviews"), message); });
    connect(m_reviewsPage, &ReviewsPage::waitingCountChanged, this, &MainWindow::updateReviewsCount);
    addPage(QIcon::fromTheme(QStringLiteral("mail-mark-task"),
                             style()->standardIcon(QStyle::SP_DialogApplyButton)),
            tr("Reviews"), m_reviewsPage);
    updateReviewsCount(m_reviewsPage->waitingCount());
    connect(m_modelPage, &ModelPage::requestActivated, this, &MainWindow::showRequest);
    connect(m_modelPage, &ModelPage::promotionRequested, this, &MainWindow::requestPromotion);
}

void MainWindow::requestPromotion(qint64 modelId, int version) {
    auto* dialog = new PromotionRequestDialog(m_session, modelId, version, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PromotionRequestDialog::submitted, this, &MainWindow::showRequest);
    dialog->open();
}

void MainWindow::createModelPages() {
    m_modelsPage = new ModelsPage(m_session);
    m_modelsPage->setObjectName(QStringLiteral("modelsPage"));
    connect(m_modelsPage, &ModelsPage::loadFailed, this,
            [this](const QString& message) { showError(tr("Cannot read the models"), message); });
    addPage(QIcon::fromTheme(QStringLiteral("folder-templates"), style()->standardIcon(QStyle::SP_DirIcon)),
            tr("Models"), m_modelsPage);
    m_modelPage = new ModelPage(m_session);
    m_modelPage->setObjectName(QStringLiteral("modelPage"));
    addSubPage(m_modelPage, m_modelsPage);
    connect(m_modelPage, &ModelPage::loadFailed, this,
            [this](const QString& message) { showError(tr("Cannot read the model"), message); });
    connect(m_modelsPage, &ModelsPage::modelActivated, this, [this](qint64 modelId) { showModel(modelId); });
    connect(m_modelPage, &ModelPage::backRequested, this, [this] { showPage(m_modelsPage); });
    connect(m_modelPage, &ModelPage::runActivated, this, &MainWindow::showRun);
    connect(m_modelPage, &ModelPage::cardEditRequested, this, &MainWindow::editModelCard);
    connect(m_modelPage, &ModelPage::assessmentRequested, this, &MainWindow::assessRisk);
    connect(m_runPage, &RunPage::versionRegistered, this,
            [this](qint64 modelId, int version) { showModel(modelId, version); });
    connect(m_runPage, &RunPage::modelVersionActivated, this,
            [this](qint64 modelId, int version) { showModel(modelId, version); });
}

void MainWindow::showModel(qint64 modelId, std::optional<int> version) {
    goTo(m_modelPage, [this, modelId, version] {
        m_modelPage->showModel(modelId, version);
        m_modelsPage->selectModel(modelId);
    });
}

QWidget* MainWindow::currentPage() const {
    return m_pages->currentWidget();
}

void MainWindow::showRun(qint64 runId) {
    goTo(m_runPage, [this, runId] { m_runPage->showRun(runId); });
}

void MainWindow::showCompare(const QList<qint64>& runIds) {
    goTo(m_comparePage, [this, runIds] { m_comparePage->setRuns(runIds); });
}

template <class Dialog, class... Args>
Dialog* MainWindow::openDialog(const QString& failureTitle, Args&&... args) {
    Dialog* dialog = nullptr;
    try {
        dialog = new Dialog(m_session, std::forward<Args>(args)..., this);
    } catch (const AssayError& error) {
        showError(failureTitle, error.message());
        return nullptr;
    }
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

RiskAssessmentWizard* MainWindow::assessRisk(qint64 modelId) {
    return openDialog<RiskAssessmentWizard>(tr("Cannot assess the model's risk"), modelId);
}

ModelCardDialog* MainWindow::editModelCard(qint64 versionId) {
    return openDialog<ModelCardDialog>(tr("Cannot open the model card"), versionId);
}

PolicyEditorDialog* MainWindow::editTierPolicy() {
    return openDialog<PolicyEditorDialog>(tr("Cannot open the tier policy"));
}

NewDriftMonitorDialog* MainWindow::newDriftMonitor(qint64 modelId) {
    auto* dialog = openDialog<NewDriftMonitorDialog>(tr("Cannot set up a drift monitor"), modelId);
    if (dialog) {
        connect(dialog, &NewDriftMonitorDialog::created, this, [this](qint64 monitorId) {
            if (const auto monitor = DriftMonitors(*m_session.workspace()).monitor(monitorId))
                statusBar()->showMessage(tr("Drift monitor \"%1\" watches %2 version %3.")
                                             .arg(monitor->name, monitor->modelName)
                                             .arg(monitor->version),
                                         statusMessageMs);
        });
    }
    return dialog;
}

AddDriftDataDialog* MainWindow::addDriftData(qint64 monitorId) {
    return openDialog<AddDriftDataDialog>(tr("Cannot add drift data"), monitorId);
}

DriftRulesDialog* MainWindow::editDriftRules(qint64 monitorId) {
    return openDialog<DriftRulesDialog>(tr("Cannot change the drift thresholds"), monitorId);
}

qint64 MainWindow::contextModelId() const {
    if (currentPage() == m_modelPage)
        return m_modelPage->modelId();
    if (currentPage() == m_modelsPage)
        return m_modelsPage->selectedModelId();
    if (currentPage() == m_driftPage)
        return m_driftPage->modelId();
    return 0;
}

void MainWindow::choose(const QString& title, const QString& label,
                        const QList<QPair<QString, qint64>>& choices, const QString& noneMessage,
                        const std::function<void(qint64)>& pick) {
    if (choices.isEmpty()) {
        auto* box = new QMessageBox(QMessageBox::Information, title, noneMessage, QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("driftChoiceNone"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    if (choices.size() == 1) {
        pick(choices.first().second);
        return;
    }
    // Opened, not exec()'d, as the other dialogs: tests pick from it.
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("driftChoice"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    dialog->setLabelText(label);
    QStringList labels;
    for (const auto& choice : choices)
        labels << choice.first;
    dialog->setComboBoxItems(labels);
    connect(dialog, &QInputDialog::textValueSelected, this, [choices, pick](const QString& text) {
        for (const auto& choice : choices) {
            if (choice.first == text)
                pick(choice.second);
        }
    });
    dialog->open();
}

void MainWindow::chooseModelForMonitor() {
    if (!m_session.isOpen())
        return;
    if (const qint64 modelId = contextModelId()) {
        newDriftMonitor(modelId);
        return;
    }
    QList<QPair<QString, qint64>> models;
    for (const RegisteredModel& model : Registry(*m_session.workspace()).models())
        models.append({model.name, model.id});
    choose(tr("New Drift Monitor"), tr("Monitor a version of the model:"), models,
           tr("There is no registered model to monitor yet. Register a version from a run's page first."),
           [this](qint64 id) { newDriftMonitor(id); });
}

void MainWindow::chooseMonitor(const QString& title, const std::function<void(qint64)>& pick) {
    if (!m_session.isOpen())
        return;
    if (currentPage() == m_driftPage && m_driftPage->monitorId()) {
        pick(m_driftPage->monitorId());
        return;
    }
    const Workspace& workspace = *m_session.workspace();
    const DriftMonitors drift(workspace);
    QList<DriftMonitor> monitors;
    if (const qint64 modelId = contextModelId())
        monitors = drift.monitors(modelId);
    else {
        for (const RegisteredModel& model : Registry(workspace).models())
            monitors << drift.monitors(model.id);
    }
    QList<QPair<QString, qint64>> choices;
    for (const DriftMonitor& monitor : monitors)
        choices.append(
            {tr("%1 v%2 · %3").arg(monitor.modelName).arg(monitor.version).arg(monitor.name), monitor.id});
    choose(title, tr("Drift monitor:"), choices,
           contextModelId()
               ? tr("This model has no drift monitor yet. Set one up with Drift › New Drift Monitor….")
               : tr("There is no drift monitor yet. Set one up with Drift › New Drift Monitor…."),
           pick);
}

void MainWindow::showRequest(qint64 requestId) {
    goTo(m_reviewsPage, [this, requestId] { m_reviewsPage->showRequest(requestId); });
}

void MainWindow::showReviews() {
    goTo(m_reviewsPage, [this] { m_reviewsPage->showLists(); });
}

void MainWindow::updateReviewsCount(int count) {
    // The count of what waits for the acting user, so that it is seen from any page.
    if (QListWidgetItem* item =
            m_navigation->item(static_cast<int>(m_navigationPages.indexOf(m_reviewsPage))))
        item->setText(count > 0 ? tr("Reviews (%1)").arg(count) : tr("Reviews"));
}

void MainWindow::showPage(QWidget* page) {
    goTo(page);
}

void MainWindow::switchTo(QWidget* page) {
    if (m_pages->indexOf(page) < 0)
        return;
    m_pages->setCurrentWidget(page);
    const int row = static_cast<int>(m_navigationPages.indexOf(m_navigationParents.value(page, page)));
    const QSignalBlocker blocker(m_navigation);
    m_navigation->setCurrentRow(row);
}

void MainWindow::goTo(QWidget* page, const std::function<void()>& restore) {
    if (m_pages->indexOf(page) < 0)
        return;
    if (restore)
        restore();
    {
        // The place is recorded below, with what restores it.
        const QScopedValueRollback<bool> placing(m_placing, true);
        switchTo(page);
    }
    m_history->visit({page, restore});
}

void MainWindow::goBack() {
    returnTo(m_history->back());
}

void MainWindow::goForward() {
    returnTo(m_history->forward());
}

void MainWindow::returnTo(const NavigationHistory::Place& place) {
    if (!place.page)
        return;
    if (place.restore)
        place.restore();
    // A place taken from the history is not visited anew.
    const QScopedValueRollback<bool> placing(m_placing, true);
    switchTo(place.page);
}

void MainWindow::updateHistoryActions() {
    m_backAction->setEnabled(m_history->canGoBack());
    m_forwardAction->setEnabled(m_history->canGoForward());
}

void MainWindow::addPage(const QIcon& icon, const QString& title, QWidget* page) {
    Q_ASSERT(!page->objectName().isEmpty());
    m_pages->addWidget(page);
    m_navigationPages.append(page);
    auto* item = new QListWidgetItem(icon, title, m_navigation);
    item->setSizeHint(QSize(0, fontMetrics().height() + 18));
    if (m_navigation->currentRow() < 0)
        m_navigation->setCurrentRow(0);

    auto* go = new QAction(icon, title, this);
    go->setObjectName(QStringLiteral("go:") + page->objectName());
    const auto number = static_cast<int>(m_pageActions.size()) + 1;
    if (number <= 9)
        go->setShortcut(
            QKeySequence(QKeyCombination(Qt::ControlModifier, static_cast<Qt::Key>(Qt::Key_0 + number))));
    go->setStatusTip(tr("Go to the %1 page").arg(title));
    connect(go, &QAction::triggered, this, [this, page] { showPage(page); });
    m_goMenu->addAction(go);
    m_pageActions.append(go);
}

void MainWindow::keepColumns() {
    QList<QWidget*> pages = m_navigationPages;
    pages += m_navigationParents.keys();
    QSet<QString> kept;
    for (QWidget* page : std::as_const(pages)) {
        for (ReadOnlyTableView* table : page->findChildren<ReadOnlyTableView*>()) {
            if (!kept.contains(table->objectName())) {
                kept.insert(table->objectName());
                m_columnKeepers << new ColumnStateKeeper(table->horizontalHeader(), table->objectName(),
                                                         m_settings, this);
            }
        }
    }
}

void MainWindow::restoreLastPage() {
    for (QWidget* page : std::as_const(m_navigationPages)) {
        if (page->objectName() == m_settings.lastPage())
            switchTo(page);
    }
}

void MainWindow::rememberPage() {
    QWidget* page = currentPage();
    QWidget* remembered = m_rememberedAs.value(page, m_navigationParents.value(page, page));
    m_settings.setLastPage(remembered->objectName());
    // A page chosen in the navigation list (or shown by a widget of a page) is a place too.
    if (!m_placing)
        m_history->visit({page, {}});
}

void MainWindow::addSubPage(QWidget* page, QWidget* navigationPage) {
    m_pages->addWidget(page);
    m_navigationParents.insert(page, navigationPage);
}

void MainWindow::createStatusBar() {
    m_pathLabel = new QLabel;
    m_pathLabel->setObjectName(QStringLiteral("workspacePathLabel"));
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long path must not widen the window; the tooltip keeps all of it.
    m_pathLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_journalLabel = new QLabel;
    m_journalLabel->setObjectName(QStringLiteral("journalModeLabel"));
    m_actorLabel = new QLabel;
    m_actorLabel->setObjectName(QStringLiteral("actingUserLabel"));
    for (QLabel* label : {m_pathLabel, m_journalLabel, m_actorLabel})
        label->setContentsMargins(6, 0, 6, 0);
    statusBar()->addWidget(m_pathLabel, 1);
    statusBar()->addPermanentWidget(m_journalLabel);
    statusBar()->addPermanentWidget(m_actorLabel);
}

void MainWindow::openAtStartup(const QString& path) {
    if (!path.isEmpty()) {
        openWorkspace(path);
        return;
    }
    WorkspaceOptions options;
    options.createIfMissing = true;
    if (openWorkspace(Workspace::defaultPath(), options) &&
        m_experimentsPage->experimentModel()->rowCount() <= 1)
        offerDemoData();
}

void MainWindow::openDemoWorkspace() {
    if (openWorkspace(DemoWorkspace::defaultPath(), DemoWorkspace::newFileOptions()) &&
        m_experimentsPage->experimentModel()->rowCount() <= 1)
        fillWithDemoData();
}

bool MainWindow::openWorkspace(const QString& path, const WorkspaceOptions& options) {
    try {
        m_session.open(path, options);
    } catch (const AssayError& error) {
        // A recent file that has gone away should not stay in the menu.
        if (!QFileInfo::exists(path)) {
            m_settings.removeRecentWorkspace(path);
            scheduleRecentMenuRebuild();
        }
        showError(tr("Cannot open the workspace"), error.message());
        return false;
    }
    rememberRecent(m_session.workspace()->path());
    m_reportIntegrityOnCheck = true; // the Audit page checks it on a worker; reportIntegrity() follows
    return true;
}

bool MainWindow::createWorkspace(const QString& path) {
    try {
        m_session.create(path);
    } catch (const AssayError& error) {
        showError(tr("Cannot create the workspace"), error.message());
        return false;
    }
    rememberRecent(m_session.workspace()->path());
    return true;
}

void MainWindow::rememberRecent(const QString& path) {
    m_settings.addRecentWorkspace(path);
    scheduleRecentMenuRebuild();
}

void MainWindow::scheduleRecentMenuRebuild() {
    // Queued: the change may come from one of the menu's own actions, which a rebuild deletes.
    QMetaObject::invokeMethod(this, &MainWindow::rebuildRecentMenu, Qt::QueuedConnection);
}

void MainWindow::onWorkspaceChanged() {
    // The places of another workspace show nothing here.
    m_history->clear();
    m_history->visit({currentPage(), {}});
    updateTitle();
    updateStatusBar();
    updateActions();
}

void MainWindow::updateTitle() {
    // The full title, " — Assay" included: the platform appends the display name only when the
    // title does not end with it already.
    const Workspace* workspace = m_session.workspace();
    setWindowTitle(workspace ? tr("%1 — Assay").arg(QFileInfo(workspace->path()).fileName())
                             : QStringLiteral("Assay"));
    setWindowFilePath(workspace ? workspace->path() : QString());
}

void MainWindow::updateStatusBar() {
    const Workspace* workspace = m_session.workspace();
    m_pathLabel->setText(workspace ? QDir::toNativeSeparators(workspace->path()) : tr("No workspace open"));
    m_pathLabel->setToolTip(m_pathLabel->text());
    updateJournalLabel(workspace);
    m_actorLabel->setText(workspace ? actorText(*workspace) : QString());
    m_journalLabel->setVisible(workspace != nullptr);
    m_actorLabel->setVisible(workspace != nullptr);
}

void MainWindow::updateJournalLabel(const Workspace* workspace) {
    if (!workspace) {
        m_journalLabel->clear();
        m_journalLabel->setToolTip({});
    } else if (workspace->isArchive()) {
        m_journalLabel->setText(tr("Read-only archive"));
        m_journalLabel->setToolTip(tr("An archive for auditors, %1. Nothing in it can change.")
                                       .arg(workspace->archiveDescription()));
    } else if (workspace->journalMode() == JournalMode::Rollback) {
        m_journalLabel->setText(tr("Network share · rollback journal"));
        m_journalLabel->setToolTip(
            tr("The workspace is on a network filesystem (%1), where SQLite's WAL cannot work: Assay "
               "uses the rollback journal with full sync. Writers wait for each other and readers wait "
               "while a change is saved.")
                .arg(FileSystemProbe::fileSystemName(workspace->path())));
    } else {
        m_journalLabel->setText(journalModeName(JournalMode::Wal));
        m_journalLabel->setToolTip(tr("The workspace is on a local disk (%1): SQLite's write-ahead log "
                                      "lets readers go on while another process writes.")
                                       .arg(FileSystemProbe::fileSystemName(workspace->path())));
    }
}

void MainWindow::updateActions() {
    const bool canStartJob = m_session.isOpen() && !m_jobRunning;
    m_fillDemoAction->setEnabled(canStartJob);
    m_archiveAction->setEnabled(canStartJob && !m_session.workspace()->isArchive());
    m_backupAction->setEnabled(canStartJob);
    m_importMlflowFolderAction->setEnabled(canStartJob);
    m_importMlflowDatabaseAction->setEnabled(canStartJob);
    m_usersAction->setEnabled(m_session.isOpen());
    m_exportReportAction->setEnabled(canStartJob);
    m_tierPolicyAction->setEnabled(m_session.isOpen());
    for (QAction* action : {m_newDriftMonitorAction, m_addDriftDataAction, m_driftRulesAction})
        action->setEnabled(m_session.isOpen());
}

void MainWindow::rebuildRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = m_settings.recentWorkspaces();
    for (qsizetype i = 0; i < recent.size(); ++i) {
        const QString path = recent.at(i);
        QAction* action =
            m_recentMenu->addAction(QStringLiteral("&%1  %2").arg(i + 1).arg(displayPath(path)));
        action->setData(path);
        connect(action, &QAction::triggered, this, [this, path] { openWorkspace(path); });
    }
    m_recentMenu->addSeparator();
    QAction* clear = m_recentMenu->addAction(tr("&Clear Menu"));
    connect(clear, &QAction::triggered, this, [this] {
        m_settings.clearRecentWorkspaces();
        scheduleRecentMenuRebuild();
    });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

QString MainWindow::dialogDirectory() const {
    return m_session.workspace() ? QFileInfo(m_session.workspace()->path()).absolutePath() : QDir::homePath();
}

void MainWindow::chooseAndOpen() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Workspace"), dialogDirectory(), fileFilter());
    if (!path.isEmpty())
        openWorkspace(path);
}

void MainWindow::chooseAndCreate() {
    // No overwrite question: core refuses an existing file, and says so.
    QString path = QFileDialog::getSaveFileName(this, tr("New Workspace"), dialogDirectory(), fileFilter(),
                                                nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".assay");
    createWorkspace(path);
}

void MainWindow::offerDemoData() {
    // Not exec(): a nested event loop at start-up would hold the first paint of the window back.
    auto* box = new QMessageBox(QMessageBox::Question, tr("Fill with Demo Data"),
                                tr("This workspace is empty. Fill it with demo data to look around?\n\n"
                                   "%1 runs in 3 experiments, with metric curves and registered models.")
                                    .arg(DemoWorkspace::totalRuns()),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("demoDataQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this, &MainWindow::fillWithDemoData);
    box->open();
}

void MainWindow::fillWithDemoData() {
    if (!m_session.isOpen())
        return;
    startJob(tr("Fill with Demo Data"),
             tr("Writing demo runs into %1…").arg(QFileInfo(m_session.workspace()->path()).fileName()),
             tr("Saving %1 runs…").arg(DemoWorkspace::totalRuns()), WorkspaceJobs::demoFill(),
             tr("Cannot fill with demo data"), [this](const QString& path, const WorkspaceJobResult&) {
                 statusBar()->showMessage(tr("Filled %1 with %2 demo runs.")
                                              .arg(QFileInfo(path).fileName())
                                              .arg(DemoWorkspace::totalRuns()),
                                          statusMessageMs);
             });
}

void MainWindow::archiveTo(const QString& path) {
    if (!m_session.isOpen())
        return;
    // Not cancellable: the copy is one SQLite statement (VACUUM INTO), after the archiving was
    // recorded in the audit trail; stopping it half way would leave that record without an archive.
    startJob(
        tr("Archive for Auditors"), tr("Copying %1…").arg(displayPath(m_session.workspace()->path())),
        tr("Sealing the archive…"), WorkspaceJobs::archive(path), tr("Cannot write the archive"),
        [this](const QString&, const WorkspaceJobResult& result) {
            statusBar()->showMessage(result.summary, statusMessageMs);
        },
        false);
}

void MainWindow::chooseAndBackUp() {
    if (!m_session.isOpen())
        return;
    const QFileInfo source(m_session.workspace()->path());
    const QString suggested =
        QDir(dialogDirectory())
            .filePath(tr("%1 backup %2.assay")
                          .arg(source.completeBaseName(),
                               QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HHmm"))));
    const QString path = QFileDialog::getSaveFileName(this, tr("Back Up Workspace"), suggested, fileFilter());
    if (!path.isEmpty())
        backUpTo(path);
}

void MainWindow::backUpTo(const QString& path) {
    if (!m_session.isOpen())
        return;
    startJob(tr("Back Up Workspace"), tr("Copying %1…").arg(displayPath(m_session.workspace()->path())),
             tr("Checking the copy…"), WorkspaceJobs::backup(path), tr("Cannot back up the workspace"),
             [this](const QString&, const WorkspaceJobResult& result) {
                 statusBar()->showMessage(result.summary, statusMessageMs);
             });
}

void MainWindow::chooseAndImportMlflow(bool database) {
    const QString source =
        database ? QFileDialog::getOpenFileName(
                       this, tr("Import an MLflow Database"), dialogDirectory(),
                       tr("MLflow SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)"))
                 : QFileDialog::getExistingDirectory(this, tr("Import an MLflow Tracking Folder (mlruns)"),
                                                     dialogDirectory());
    if (!source.isEmpty())
        importMlflowStore(source);
}

void MainWindow::importMlflowStore(const QString& source) {
    if (!m_session.isOpen())
        return;
    startJob(tr("Import from MLflow"), tr("Importing runs from %1…").arg(displayPath(source)),
             tr("Saving the last experiment…"), WorkspaceJobs::mlflowImport(source),
             tr("Cannot import from MLflow"), [this](const QString&, const WorkspaceJobResult& result) {
                 // Window-modal and not exec(), as for errors: tests read it, the caller goes on.
                 auto* box = new QMessageBox(QMessageBox::Information, tr("Import from MLflow"),
                                             result.summary, QMessageBox::Ok, this);
                 box->setObjectName(QStringLiteral("importSummary"));
                 box->setDetailedText(result.details);
                 box->setAttribute(Qt::WA_DeleteOnClose);
                 box->open();
             });
}

void MainWindow::startJob(const QString& title, const QString& label, const QString& finishing,
                          WorkspaceJob::Job job, const QString& failureTitle, const JobSucceeded& onSuccess,
                          bool cancellable) {
    if (!m_session.isOpen() || m_jobRunning)
        return;
    m_jobRunning = true;
    updateActions();
    const Workspace& workspace = *m_session.workspace();
    auto* dialog = new WorkspaceJobDialog(title, label, finishing, workspace.path(), workspace.actor(),
                                          std::move(job), this, cancellable);
    connect(dialog, &WorkspaceJobDialog::succeeded, this,
            [this, onSuccess](const QString& path, const WorkspaceJobResult& result) {
                endJob(path);
                onSuccess(path, result);
            });
    connect(dialog, &WorkspaceJobDialog::failed, this,
            [this, failureTitle, path = workspace.path()](const QString& message, bool cancelled) {
                endJob(path);
                if (cancelled)
                    statusBar()->showMessage(message, statusMessageMs);
                else
                    showError(failureTitle, message);
            });
}

void MainWindow::endJob(const QString& path) {
    m_jobRunning = false;
    updateActions();
    // The worker wrote through its own connection, which this one's changed() never reports;
    // even a failed or cancelled import may have committed experiments before it stopped.
    if (m_session.workspace() && m_session.workspace()->path() == path)
        m_session.reloadAll();
}

UsersDialog* MainWindow::showUsersDialog() {
    if (!m_session.isOpen())
        return nullptr;
    if (!m_usersDialog) {
        m_usersDialog = new UsersDialog(m_session, this);
        m_usersDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_usersDialog->show();
    m_usersDialog->raise();
    m_usersDialog->activateWindow();
    return m_usersDialog;
}

// The model version the page in view is about: the one selected on the model page (else the
// model's latest), the request's candidate, the drift monitor's version, the latest version
// registered from the run shown.
std::optional<qint64> MainWindow::versionInView() const {
    const Registry registry(*m_session.workspace());
    QWidget* page = currentPage();
    if (page == m_modelPage && m_modelPage->modelId() != 0) {
        const int selected = m_modelPage->versionsPane()->selectedVersion();
        const QList<ModelVersion> versions = registry.versions(m_modelPage->modelId());
        for (const ModelVersion& version : versions) {
            if (version.version == selected || (selected == 0 && &version == &versions.last()))
                return version.id;
        }
    }
    if (page == m_reviewsPage && m_reviewsPage->isShowingRequest() &&
        m_reviewsPage->requestPage()->requestId() != 0)
        return m_reviewsPage->requestPage()->request().versionId;
    if (page == m_driftPage && m_driftPage->monitorId() != 0) {
        if (const std::optional<DriftMonitor> monitor =
                DriftMonitors(*m_session.workspace()).monitor(m_driftPage->monitorId()))
            return monitor->versionId;
    }
    if (page == m_runPage && m_runPage->runId() != 0) {
        const QList<ModelVersionRef> versions = registry.versionsOfRun(m_runPage->runId());
        if (!versions.isEmpty()) {
            if (const std::optional<ModelVersion> version =
                    registry.version(versions.last().modelId, versions.last().version))
                return version->id;
        }
    }
    return std::nullopt;
}

// The version in view, or, from a page about none, the one the user picks.
void MainWindow::chooseAndExportReport() {
    if (!m_session.isOpen())
        return;
    if (const std::optional<qint64> inView = versionInView()) {
        askReportPath(*inView);
        return;
    }
    const Registry registry(*m_session.workspace());
    QList<QPair<QString, qint64>> choices;
    for (const RegisteredModel& model : registry.models()) {
        for (const ModelVersion& version : registry.versions(model.id))
            choices.append({tr("%1 v%2").arg(model.name).arg(version.version), version.id});
    }
    choose(tr("Export Report"), tr("Model version:"), choices,
           tr("The workspace has no registered model yet."),
           [this](qint64 versionId) { askReportPath(versionId); });
}

void MainWindow::askReportPath(qint64 versionId) {
    const std::optional<ModelVersion> version = Registry(*m_session.workspace()).versionById(versionId);
    const std::optional<RegisteredModel> model =
        version ? Registry(*m_session.workspace()).model(version->modelId) : std::nullopt;
    if (!model)
        return;
    const QString suggested = QStringLiteral("%1-v%2-report.pdf").arg(model->name).arg(version->version);
    const QString path = m_reportPathChooser
                             ? m_reportPathChooser(suggested)
                             : QFileDialog::getSaveFileName(this, tr("Export Report"),
                                                            QDir(dialogDirectory()).filePath(suggested),
                                                            tr("PDF (*.pdf);;HTML (*.html)"));
    if (!path.isEmpty())
        exportReport(versionId, path);
}

void MainWindow::exportReport(qint64 versionId, const QString& path) {
    auto hash = std::make_shared<QString>();
    startJob(
        tr("Export Report"), tr("Writing the governance report to %1…").arg(QDir::toNativeSeparators(path)),
        tr("Writing…"),
        [versionId, path, hash](Workspace& workspace, const WorkspaceJob::Progress& progress) {
            // Read, lay out, write: a cancel between steps leaves no file.
            constexpr int steps = 3;
            const auto step = [&progress](int done) {
                if (!progress(done, steps))
                    throw AssayError(tr("The report was cancelled; nothing was written."));
            };
            const Registry registry(workspace);
            const std::optional<ModelVersion> version = registry.versionById(versionId);
            if (!version)
                throw AssayError(QStringLiteral("The version to report on is gone."));
            GovernanceReportData report = GovernanceReportReader(workspace).read(
                registry.model(version->modelId)->name, version->version);
            step(1);
            const GovernanceReportWriter writer(std::move(report), workspace.actor(), workspace.now());
            step(2);
            writer.write(path, [&progress] { return progress(steps, steps); });
            *hash = writer.contentHash();
            return WorkspaceJobResult{QStringLiteral("Report written."), {}};
        },
        tr("Could Not Export the Report"),
        [this, path, hash](const QString&, const WorkspaceJobResult&) {
            statusBar()->showMessage(tr("Report written to %1").arg(QDir::toNativeSeparators(path)),
                                     statusMessageMs);
            emit reportExported(path, *hash);
        });
}

void MainWindow::showError(const QString& title, const QString& message) {
    ErrorBox::show(this, title, message);
}

AboutDialog* MainWindow::showAbout() {
    auto* dialog = new AboutDialog(m_session.workspace(), m_settings.fileName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

KeyboardShortcutsDialog* MainWindow::showKeyboardShortcuts() {
    QList<QPair<QString, const QWidget*>> pages;
    for (qsizetype i = 0; i < m_navigationPages.size(); ++i)
        pages.append({tr("%1 page").arg(ShortcutModel::plainText(m_pageActions.at(i)->text())),
                      m_navigationPages.at(i)});
    auto* model = new ShortcutModel;
    model->read(menuBar(), pages);
    auto* dialog = new KeyboardShortcutsDialog(model, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void MainWindow::closeEvent(QCloseEvent* event) {
    m_settings.setMainWindowGeometry(saveGeometry());
    for (ColumnStateKeeper* keeper : std::as_const(m_columnKeepers))
        keeper->save();
    m_settings.sync();
    QMainWindow::closeEvent(event);
}

} // namespace assay
