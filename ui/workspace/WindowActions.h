#pragma once

#include <QObject>

class QAction;
class QMainWindow;
class QMenu;

namespace assay {

// The window's actions and menus: their texts, shortcuts, status tips and order, made in one
// place, so that the Help > Keyboard Shortcuts list and the menus cannot disagree. MainWindow
// connects them; like the classes uic writes, the actions are plain public members.
class WindowActions : public QObject {
    Q_OBJECT

public:
    explicit WindowActions(QMainWindow* window);

    // File
    QAction* newWorkspace = nullptr;
    QAction* openWorkspace = nullptr;
    QAction* importMlflowFolder = nullptr;
    QAction* importMlflowDatabase = nullptr;
    QAction* fillDemo = nullptr;
    QAction* exportPage = nullptr; // bound to each page's export by a PageCommand
    QAction* exportReport = nullptr;
    QAction* backup = nullptr;
    QAction* archive = nullptr;
    QAction* quit = nullptr;
    // Edit and Go; Go's page actions are added with the pages.
    QAction* find = nullptr;
    QAction* back = nullptr;
    QAction* forward = nullptr;
    // Workspace
    QAction* reload = nullptr;
    QAction* users = nullptr;
    QAction* tierPolicy = nullptr;
    // Review, each bound to the Reviews page's buttons by a PageCommand
    QAction* decide = nullptr;
    QAction* withdraw = nullptr;
    QAction* periodicReview = nullptr;
    // Drift
    QAction* newDriftMonitor = nullptr;
    QAction* addDriftData = nullptr;
    QAction* driftRules = nullptr;
    // Help
    QAction* shortcuts = nullptr;
    QAction* about = nullptr;
    QAction* aboutQt = nullptr;

    QMenu* recentMenu = nullptr;
    QMenu* goMenu = nullptr;
    QMenu* workspaceMenu = nullptr;
    QMenu* driftMenu = nullptr;

    // The actions that need an open workspace, and those that also start a job on a worker.
    void updateEnabled(bool workspaceOpen, bool canStartJob, bool isArchive);

private:
    void createFileActions();
    void createImportActions();
    void createNavigationActions();
    void createWorkspaceActions();
    void createPageCommandActions();
    void createDriftActions();
    void createHelpActions();
    void createMenus(QMainWindow* window);
    void createFileMenu(QMainWindow* window);
};

} // namespace assay
