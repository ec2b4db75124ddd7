#include "WindowActions.h"

#include "core/demo/DemoWorkspace.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

namespace assay {

WindowActions::WindowActions(QMainWindow* window)
    : QObject(window) {
    createFileActions();
    createImportActions();
    createWorkspaceActions();
    createDriftActions();
    createHelpActions();
    createNavigationActions();
    createPageCommandActions();
    createMenus(window);
}

void WindowActions::createFileActions() {
    newWorkspace = new QAction(tr("&New Workspace…"), this);
    newWorkspace->setShortcut(QKeySequence::New);
    openWorkspace = new QAction(tr("&Open Workspace…"), this);
    openWorkspace->setShortcut(QKeySequence::Open);
    fillDemo = new QAction(tr("Fill with &Demo Data…"), this);
    fillDemo->setStatusTip(
        tr("Write %1 example runs, with metrics and registered models, into this empty workspace")
            .arg(DemoWorkspace::totalRuns()));
    archive = new QAction(tr("Archive for &Auditors…"), this);
    archive->setStatusTip(tr("Write a read-only copy of this workspace that verifies on its own"));
    backup = new QAction(tr("&Back Up…"), this);
    backup->setStatusTip(
        tr("Copy this workspace to another file while others go on using it (SQLite's online backup)"));
    exportReport = new QAction(tr("Export &Report…"), this);
    exportReport->setStatusTip(
        tr("Write a model version's governance report: card, tier, gates, signed decisions, charts "
           "and audit excerpt, as PDF or HTML"));
    exportReport->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q)); // QKeySequence::Quit is empty on some platforms
    quit->setMenuRole(QAction::QuitRole);
}

void WindowActions::createImportActions() {
    importMlflowFolder = new QAction(tr("MLflow &Tracking Folder (mlruns)…"), this);
    importMlflowFolder->setStatusTip(
        tr("Bring the runs and models of an MLflow file store into this workspace"));
    importMlflowFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    importMlflowDatabase = new QAction(tr("MLflow &Database…"), this);
    importMlflowDatabase->setStatusTip(
        tr("Bring the runs and models of an MLflow SQLite store into this workspace"));
    importMlflowDatabase->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
}

void WindowActions::createWorkspaceActions() {
    users = new QAction(tr("&Users and Roles…"), this);
    users->setStatusTip(tr("See who may do what in this workspace; an admin adds users and changes roles"));
    tierPolicy = new QAction(tr("Tier &Policy…"), this);
    tierPolicy->setStatusTip(tr("Read the risk tier policy, its history, and (as an admin) publish a new "
                                "version"));
}

void WindowActions::createDriftActions() {
    newDriftMonitor = new QAction(tr("&New Drift Monitor…"), this);
    newDriftMonitor->setStatusTip(
        tr("Watch a model version's input data for drift against a reference file"));
    addDriftData = new QAction(tr("&Add Drift Data…"), this);
    addDriftData->setStatusTip(tr("Compare new data files with a monitor's reference"));
    driftRules = new QAction(tr("Drift &Thresholds…"), this);
    driftRules->setStatusTip(tr("Change when a monitor's features count as drifted"));
}

void WindowActions::createHelpActions() {
    about = new QAction(tr("&About Assay"), this);
    about->setMenuRole(QAction::AboutRole);
    aboutQt = new QAction(tr("About &Qt"), this);
    aboutQt->setMenuRole(QAction::AboutQtRole);
    shortcuts = new QAction(tr("&Keyboard Shortcuts"), this);
    shortcuts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    shortcuts->setStatusTip(tr("List every keyboard shortcut of the window"));
}

void WindowActions::createNavigationActions() {
    back = new QAction(tr("&Back"), this);
    back->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    back->setStatusTip(tr("Show again what was shown before (a run, a model, a request…)"));
    forward = new QAction(tr("&Forward"), this);
    forward->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    reload = new QAction(tr("&Reload"), this);
    reload->setShortcut(QKeySequence(Qt::Key_F5));
    reload->setStatusTip(tr("Read everything again from the workspace file"));
}

void WindowActions::createPageCommandActions() {
    find = new QAction(tr("&Find"), this);
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    find->setStatusTip(tr("Go to the page's filter or search field"));
    exportPage = new QAction(tr("&Export…"), this);
    exportPage->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportPage->setStatusTip(
        tr("Export what the page shows: the runs in scope as CSV, or the filtered audit events"));
    decide = new QAction(tr("&Decide…"), this);
    decide->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    decide->setStatusTip(tr("Approve or reject the promotion request or periodic review shown"));
    withdraw = new QAction(tr("&Withdraw Request…"), this);
    withdraw->setStatusTip(tr("Withdraw the promotion request shown, which you submitted"));
    periodicReview = new QAction(tr("Start &Periodic Review…"), this);
    periodicReview->setStatusTip(tr("Start the periodic review of a production model"));
}

void WindowActions::createFileMenu(QMainWindow* window) {
    QMenu* file = window->menuBar()->addMenu(tr("&File"));
    file->addAction(newWorkspace);
    file->addAction(openWorkspace);
    recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    QMenu* import = file->addMenu(tr("&Import"));
    import->addAction(importMlflowFolder);
    import->addAction(importMlflowDatabase);
    file->addAction(fillDemo);
    file->addAction(exportPage);
    file->addAction(exportReport);
    file->addAction(backup);
    file->addAction(archive);
    file->addSeparator();
    file->addAction(quit);
}

void WindowActions::createMenus(QMainWindow* window) {
    createFileMenu(window);
    QMenuBar* bar = window->menuBar();
    bar->addMenu(tr("&Edit"))->addAction(find);
    // The pages' own actions follow, added with the pages.
    goMenu = bar->addMenu(tr("&Go"));
    goMenu->addActions({back, forward});
    goMenu->addSeparator();
    workspaceMenu = bar->addMenu(tr("&Workspace"));
    workspaceMenu->addAction(reload);
    workspaceMenu->addSeparator();
    workspaceMenu->addActions({users, tierPolicy});
    bar->addMenu(tr("&Review"))->addActions({decide, withdraw, periodicReview});
    driftMenu = bar->addMenu(tr("&Drift"));
    driftMenu->addActions({newDriftMonitor, addDriftData, driftRules});
    QMenu* help = bar->addMenu(tr("&Help"));
    help->addAction(shortcuts);
    help->addSeparator();
    help->addActions({about, aboutQt});
}

void WindowActions::updateEnabled(bool workspaceOpen, bool canStartJob, bool isArchive) {
    for (QAction* action : {fillDemo, backup, importMlflowFolder, importMlflowDatabase, exportReport})
        action->setEnabled(canStartJob);
    archive->setEnabled(canStartJob && !isArchive);
    for (QAction* action : {users, tierPolicy, newDriftMonitor, addDriftData, driftRules})
        action->setEnabled(workspaceOpen);
}

} // namespace assay
