#include "MainWindow.h"

#include "KeyboardShortcutsDialog.h"
#include "PageCommand.h"
#include "PageNavigator.h"
#include "ShortcutModel.h"
#include "WindowDialogs.h"
#include "WorkspaceStatusBar.h"
#include "core/base/AssayError.h"
#include "core/drift/DriftMonitors.h"
#include "core/registry/Registry.h"
#include "core/workspace/Workspace.h"
#include "ui/audit/AuditPage.h"
#include "ui/audit/IntegrityWarning.h"
#include "ui/drift/DriftPage.h"
#include "ui/explore/ComparePage.h"
#include "ui/explore/ExperimentListModel.h"
#include "ui/explore/ExperimentsPage.h"
#include "ui/explore/RunFilterBar.h"
#include "ui/explore/RunFilterEdit.h"
#include "ui/explore/RunPage.h"
#include "ui/models/ModelPage.h"
#include "ui/models/ModelVersionsPane.h"
#include "ui/models/ModelsPage.h"
#include "ui/reviews/RequestPage.h"
#include "ui/reviews/ReviewsPage.h"
#include "ui/session/UiSettings.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/ChoicePrompt.h"
#include "ui/widgets/ColumnStateKeeper.h"
#include "ui/widgets/ErrorBox.h"
#include "ui/widgets/ReadOnlyTableView.h"

#include <QApplication>
#include <QCloseEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>

#include <utility>

namespace assay {
namespace {

constexpr QSize defaultWindowSize(1280, 800);
constexpr int statusMessageMs = 8000;

} // namespace

MainWindow::MainWindow(WorkspaceSession& session, UiSettings& settings, QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_settings(settings) {
    m_actions = new WindowActions(this);
    createCentralArea();
    createPageCommands();
    m_statusBar = new WorkspaceStatusBar(statusBar(), m_session);
    connectDelegates();
    connectActions();
    connect(&m_session, &WorkspaceSession::workspaceChanged, this, &MainWindow::onWorkspaceChanged);
    if (!restoreGeometry(m_settings.mainWindowGeometry()))
        resize(defaultWindowSize);
    keepColumns();
    m_navigator->restoreLastPage();
    onWorkspaceChanged();
}

// The workspace's life and the long jobs have classes of their own; the window shows what they say.
void MainWindow::connectDelegates() {
    m_lifecycle = new WorkspaceLifecycle(m_session, m_settings, this, m_actions->recentMenu, [this] {
        return m_experimentsPage->experimentModel()->rowCount() <= 1;
    });
    m_jobs = new WindowJobs(m_session, this);
    m_dialogs = new WindowDialogs(m_session, m_settings, this);
    connect(m_dialogs, &WindowDialogs::requestSubmitted, this, &MainWindow::showRequest);
    connect(m_dialogs, &WindowDialogs::statusMessage, this, &MainWindow::showStatus);
    connect(m_lifecycle, &WorkspaceLifecycle::opened, this, [this] {
        m_reportIntegrityOnCheck = true; // the Audit page checks it on a worker; reportIntegrity() follows
    });
    connect(m_lifecycle, &WorkspaceLifecycle::demoDataWanted, m_jobs, &WindowJobs::fillWithDemoData);
    connect(m_lifecycle, &WorkspaceLifecycle::statusMessage, this, &MainWindow::showStatus);
    connect(m_jobs, &WindowJobs::statusMessage, this, &MainWindow::showStatus);
    connect(m_jobs, &WindowJobs::runningChanged, this, &MainWindow::updateActions);
    connect(m_jobs, &WindowJobs::reportExported, this, &MainWindow::reportExported);
}

void MainWindow::connectActions() {
    connectFileActions();
    const WindowActions& a = *m_actions;
    connect(a.reload, &QAction::triggered, m_lifecycle, &WorkspaceLifecycle::reload);
    connect(a.users, &QAction::triggered, this, &MainWindow::showUsersDialog);
    connect(a.tierPolicy, &QAction::triggered, this, &MainWindow::editTierPolicy);
    connect(a.newDriftMonitor, &QAction::triggered, this, &MainWindow::chooseModelForMonitor);
    connect(a.addDriftData, &QAction::triggered, this,
            [this] { chooseMonitor(tr("Add Drift Data"), [this](qint64 id) { addDriftData(id); }); });
    connect(a.driftRules, &QAction::triggered, this,
            [this] { chooseMonitor(tr("Drift Thresholds"), [this](qint64 id) { editDriftRules(id); }); });
    connect(a.about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(a.aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    connect(a.shortcuts, &QAction::triggered, this, &MainWindow::showKeyboardShortcuts);
}

void MainWindow::connectFileActions() {
    const WindowActions& a = *m_actions;
    connect(a.newWorkspace, &QAction::triggered, m_lifecycle, &WorkspaceLifecycle::chooseAndCreate);
    connect(a.openWorkspace, &QAction::triggered, m_lifecycle, &WorkspaceLifecycle::chooseAndOpen);
    connect(a.fillDemo, &QAction::triggered, m_jobs, &WindowJobs::fillWithDemoData);
    connect(a.archive, &QAction::triggered, m_jobs, &WindowJobs::chooseAndArchive);
    connect(a.backup, &QAction::triggered, m_jobs, &WindowJobs::chooseAndBackUp);
    connect(a.importMlflowFolder, &QAction::triggered, m_jobs,
            [this] { m_jobs->chooseAndImportMlflow(false); });
    connect(a.importMlflowDatabase, &QAction::triggered, m_jobs,
            [this] { m_jobs->chooseAndImportMlflow(true); });
    connect(a.exportReport, &QAction::triggered, this, &MainWindow::chooseAndExportReport);
    connect(a.quit, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::createCentralArea() {
    m_navigator = new PageNavigator(m_settings, m_actions->back, m_actions->forward, m_actions->goMenu, this);
    auto* central = new QWidget;
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigator->list());
    auto* divider = new QFrame;
    divider->setFrameShape(QFrame::VLine);
    divider->setFrameShadow(QFrame::Sunken);
    layout->addWidget(divider);
    layout->addWidget(m_navigator->stack(), 1);
    setCentralWidget(central);

    createExplorePages();
    createModelPages();
    createReviewsPage();
    createDriftPage();
    createAuditPage();
}

void MainWindow::createExplorePages() {
    m_experimentsPage = new ExperimentsPage(m_session, m_settings);
    m_experimentsPage->setObjectName(QStringLiteral("experimentsPage"));
    connect(m_experimentsPage, &ExperimentsPage::loadFailed, this, [this](const QString& message) {
        ErrorBox::show(this, tr("Cannot read the workspace"), message);
    });
    addPage(QIcon::fromTheme(QStringLiteral("view-list-details"),
                             style()->standardIcon(QStyle::SP_FileDialogDetailedView)),
            tr("Experiments"), m_experimentsPage);

    // Both pages clear themselves when the workspace switches (they listen to the session).
    m_runPage = new RunPage(m_session);
    m_runPage->setObjectName(QStringLiteral("runPage"));
    connect(m_runPage, &RunPage::loadFailed, this,
            [this](const QString& message) { ErrorBox::show(this, tr("Cannot read the run"), message); });
    addPage(QIcon::fromTheme(QStringLiteral("document-properties"),
                             style()->standardIcon(QStyle::SP_FileDialogInfoView)),
            tr("Run"), m_runPage);
    m_comparePage = new ComparePage(m_session);
    m_comparePage->setObjectName(QStringLiteral("comparePage"));
    connect(m_comparePage, &ComparePage::loadFailed, this,
            [this](const QString& message) { ErrorBox::show(this, tr("Cannot read the runs"), message); });
    addPage(QIcon::fromTheme(QStringLiteral("view-statistics"),
                             style()->standardIcon(QStyle::SP_FileDialogContentsView)),
            tr("Compare"), m_comparePage);
    m_navigator->rememberAs(m_runPage, m_experimentsPage);
    m_navigator->rememberAs(m_comparePage, m_experimentsPage);
    connect(m_experimentsPage, &ExperimentsPage::runActivated, this, &MainWindow::showRun);
    connect(m_experimentsPage, &ExperimentsPage::compareRequested, this, &MainWindow::showCompare);
}

void MainWindow::createAuditPage() {
    m_auditPage = new AuditPage(m_session);
    m_auditPage->setObjectName(QStringLiteral("auditPage"));
    connect(m_auditPage, &AuditPage::integrityChecked, this, [this] {
        if (std::exchange(m_reportIntegrityOnCheck, false))
            reportIntegrity();
    });
    connect(m_auditPage, &AuditPage::loadFailed, this, [this](const QString& message) {
        ErrorBox::show(this, tr("Cannot read the audit trail"), message);
    });
    addPage(QIcon::fromTheme(QStringLiteral("security-high"),
                             style()->standardIcon(QStyle::SP_FileDialogListView)),
            tr("Audit"), m_auditPage);
}

void MainWindow::showAudit(qint64 seq) {
    if (seq > 0)
        m_navigator->goTo(m_auditPage, [this, seq] { m_auditPage->selectEvent(seq); });
    else
        m_navigator->goTo(m_auditPage);
}

void MainWindow::reportIntegrity() {
    // The Audit page checked the file when it became current; the check is not run twice.
    const IntegrityReport& report = m_auditPage->integrityReport();
    if (report.isIntact()) {
        showStatus(tr("Audit trail verified through sequence %1; %2 signatures checked.")
                       .arg(report.audit.verifiedThrough)
                       .arg(report.signaturesChecked));
        return;
    }
    statusBar()->showMessage(IntegrityWarning::statusText(report));
    IntegrityWarning::show(this, report, [this](qint64 seq) { showAudit(seq); });
}

void MainWindow::createDriftPage() {
    m_driftPage = new DriftPage(m_session);
    m_driftPage->setObjectName(QStringLiteral("driftPage"));
    connect(m_driftPage, &DriftPage::newMonitorRequested, this, &MainWindow::newDriftMonitor);
    connect(m_driftPage, &DriftPage::addDataRequested, this, &MainWindow::addDriftData);
    connect(m_driftPage, &DriftPage::rulesRequested, this, &MainWindow::editDriftRules);
    connect(m_driftPage, &DriftPage::loadFailed, this, [this](const QString& message) {
        ErrorBox::show(this, tr("Cannot read the drift monitors"), message);
    });
    // Its own fallback: Compare's is the contents view, and without an icon theme the two
    // pages would share one picture.
    addPage(QIcon::fromTheme(QStringLiteral("utilities-system-monitor"),
                             style()->standardIcon(QStyle::SP_ComputerIcon)),
            tr("Drift"), m_driftPage);
    connect(m_modelPage, &ModelPage::driftRequested, this, [this](qint64 modelId) { showDrift(modelId); });
}

void MainWindow::showDrift(qint64 modelId, qint64 monitorId) {
    m_navigator->goTo(m_driftPage,
                      [this, modelId, monitorId] { m_driftPage->showMonitor(modelId, monitorId); });
}

void MainWindow::createReviewsPage() {
    m_reviewsPage = new ReviewsPage(m_session);
    m_reviewsPage->setObjectName(QStringLiteral("reviewsPage"));
    connect(m_reviewsPage, &ReviewsPage::loadFailed, this,
            [this](const QString& message) { ErrorBox::show(this, tr("Cannot read the reviews"), message); });
    connect(m_reviewsPage, &ReviewsPage::waitingCountChanged, this, &MainWindow::updateReviewsCount);
    addPage(QIcon::fromTheme(QStringLiteral("mail-mark-task"),
                             style()->standardIcon(QStyle::SP_DialogApplyButton)),
            tr("Reviews"), m_reviewsPage);
    updateReviewsCount(m_reviewsPage->waitingCount());
    connect(m_modelPage, &ModelPage::requestActivated, this, &MainWindow::showRequest);
    connect(m_modelPage, &ModelPage::promotionRequested, this, &MainWindow::requestPromotion);
}

void MainWindow::createModelPages() {
    m_modelsPage = new ModelsPage(m_session);
    m_modelsPage->setObjectName(QStringLiteral("modelsPage"));
    connect(m_modelsPage, &ModelsPage::loadFailed, this,
            [this](const QString& message) { ErrorBox::show(this, tr("Cannot read the models"), message); });
    addPage(QIcon::fromTheme(QStringLiteral("folder-templates"), style()->standardIcon(QStyle::SP_DirIcon)),
            tr("Models"), m_modelsPage);
    m_modelPage = new ModelPage(m_session);
    m_modelPage->setObjectName(QStringLiteral("modelPage"));
    addSubPage(m_modelPage, m_modelsPage);
    connect(m_modelPage, &ModelPage::loadFailed, this,
            [this](const QString& message) { ErrorBox::show(this, tr("Cannot read the model"), message); });
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
    m_navigator->goTo(m_modelPage, [this, modelId, version] {
        m_modelPage->showModel(modelId, version);
        m_modelsPage->selectModel(modelId);
    });
}

QWidget* MainWindow::currentPage() const {
    return m_navigator->currentPage();
}

void MainWindow::showRun(qint64 runId) {
    m_navigator->goTo(m_runPage, [this, runId] { m_runPage->showRun(runId); });
}

void MainWindow::showCompare(const QList<qint64>& runIds) {
    m_navigator->goTo(m_comparePage, [this, runIds] { m_comparePage->setRuns(runIds); });
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
    ChoicePrompt::ask(
        this, tr("New Drift Monitor"), tr("Monitor a version of the model:"), models,
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
    ChoicePrompt::ask(
        this, title, tr("Drift monitor:"), choices,
        contextModelId()
            ? tr("This model has no drift monitor yet. Set one up with Drift › New Drift Monitor….")
            : tr("There is no drift monitor yet. Set one up with Drift › New Drift Monitor…."),
        pick);
}

void MainWindow::showRequest(qint64 requestId) {
    m_navigator->goTo(m_reviewsPage, [this, requestId] { m_reviewsPage->showRequest(requestId); });
}

void MainWindow::showReviews() {
    m_navigator->goTo(m_reviewsPage, [this] { m_reviewsPage->showLists(); });
}

void MainWindow::updateReviewsCount(int count) {
    // The count of what waits for the acting user, so that it is seen from any page.
    m_navigator->setTitle(m_reviewsPage, count > 0 ? tr("Reviews (%1)").arg(count) : tr("Reviews"));
}

void MainWindow::showPage(QWidget* page) {
    m_navigator->goTo(page);
}

void MainWindow::keepColumns() {
    QSet<QString> kept;
    for (QWidget* page : m_navigator->pages() + m_navigator->subPages()) {
        for (ReadOnlyTableView* table : page->findChildren<ReadOnlyTableView*>()) {
            if (!kept.contains(table->objectName())) {
                kept.insert(table->objectName());
                m_columnKeepers << new ColumnStateKeeper(table->horizontalHeader(), table->objectName(),
                                                         m_settings, this);
            }
        }
    }
}

void MainWindow::onWorkspaceChanged() {
    // The places of another workspace show nothing here.
    m_navigator->startOver();
    updateTitle();
    m_statusBar->update();
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

void MainWindow::updateActions() {
    m_actions->updateEnabled(m_session.isOpen(), m_session.isOpen() && !m_jobs->isRunning(),
                             m_session.isOpen() && m_session.workspace()->isArchive());
}

void MainWindow::showStatus(const QString& message) {
    statusBar()->showMessage(message, statusMessageMs);
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
        m_jobs->askReportPath(*inView);
        return;
    }
    const Registry registry(*m_session.workspace());
    QList<QPair<QString, qint64>> choices;
    for (const RegisteredModel& model : registry.models()) {
        for (const ModelVersion& version : registry.versions(model.id))
            choices.append({tr("%1 v%2").arg(model.name).arg(version.version), version.id});
    }
    ChoicePrompt::ask(this, tr("Export Report"), tr("Model version:"), choices,
                      tr("The workspace has no registered model yet."),
                      [this](qint64 versionId) { m_jobs->askReportPath(versionId); });
}

// The actions are made here and bound to each page's widgets once the pages exist.
void MainWindow::createPageCommands() {
    const auto command = [this](QAction* action) {
        auto* pageCommand = new PageCommand(action, m_navigator->stack());
        connect(pageCommand, &PageCommand::commandUnavailable, this,
                [this](const QString& name) { showStatus(tr("“%1” is not available here now.").arg(name)); });
        return pageCommand;
    };
    m_findCommand = command(m_actions->find);
    m_findCommand->addTarget(m_experimentsPage, m_experimentsPage->filterBar()->editor());
    m_findCommand->addTarget(m_modelsPage, m_modelsPage->searchEdit());
    m_findCommand->addTarget(m_auditPage, m_auditPage->searchEdit());
    m_exportCommand = command(m_actions->exportPage);
    m_exportCommand->addTarget(m_experimentsPage, m_experimentsPage->exportCsvAction());
    m_exportCommand->addTarget(m_auditPage, m_auditPage->exportCsvButton());
    RequestPage* request = m_reviewsPage->requestPage();
    m_decideCommand = command(m_actions->decide);
    m_decideCommand->addTarget(m_reviewsPage, request->decideButton());
    m_withdrawCommand = command(m_actions->withdraw);
    m_withdrawCommand->addTarget(m_reviewsPage, request->withdrawButton());
    m_periodicReviewCommand = command(m_actions->periodicReview);
    m_periodicReviewCommand->addTarget(m_reviewsPage, m_reviewsPage->periodicReviewButton());
}

KeyboardShortcutsDialog* MainWindow::showKeyboardShortcuts() {
    QList<QPair<QString, const QWidget*>> pages;
    const QList<QWidget*> navigationPages = m_navigator->pages();
    const QList<QAction*> goActions = m_navigator->pageActions();
    for (qsizetype i = 0; i < navigationPages.size(); ++i)
        pages.append(
            {tr("%1 page").arg(ShortcutModel::plainText(goActions.at(i)->text())), navigationPages.at(i)});
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
