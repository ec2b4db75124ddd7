#pragma once

#include "core/workspace/WorkspaceOptions.h"

#include <QObject>

#include <functional>

class QMenu;
class QWidget;

namespace assay {

class UiSettings;
class WorkspaceSession;

// The life of the window's workspace: opening one (at start-up, from File > Open or Open Recent,
// the demo), creating one, reloading it, and the Open Recent menu. Core's refusals are shown
// over the window; what happens next (filling with demo data, reporting the integrity check) is
// the window's, through the signals.
class WorkspaceLifecycle : public QObject {
    Q_OBJECT

public:
    // isEmpty tells whether the open workspace has no experiments yet (the Experiments page knows).
    WorkspaceLifecycle(WorkspaceSession& session, UiSettings& settings, QWidget* window, QMenu* recentMenu,
                       std::function<bool()> isEmpty);

    // The file named on the command line; without one, the default workspace, created when
    // missing, with an offer to fill it with demo data while it has no experiments.
    void openAtStartup(const QString& path);
    // Opens DemoWorkspace::defaultPath(), asking for demo data when it is new or empty.
    void openDemoWorkspace();
    // Return false, after telling the user why, when core refuses the file.
    bool openWorkspace(const QString& path, const WorkspaceOptions& options = {});
    bool createWorkspace(const QString& path);
    void chooseAndOpen();
    void chooseAndCreate();
    // Reads everything again from the file (Workspace > Reload).
    void reload();

    // Where file dialogs start: the open workspace's folder, else home.
    static QString dialogDirectory(const WorkspaceSession& session);
    // The file dialogs' filter for workspaces.
    static QString fileFilter();
    // "~/projects/a.assay" reads faster than the full home path in a menu.
    static QString displayPath(const QString& path);

signals:
    // A workspace was opened from a file; its integrity check follows on the Audit page.
    void opened();
    // The user asked for demo data, or the demo workspace opened empty.
    void demoDataWanted();
    void statusMessage(const QString& message);

private:
    void offerDemoData();
    void rememberRecent(const QString& path);
    void scheduleRecentMenuRebuild();
    void rebuildRecentMenu();

    WorkspaceSession& m_session;
    UiSettings& m_settings;
    QWidget* m_window;
    QMenu* m_recentMenu;
    std::function<bool()> m_isEmpty;
};

} // namespace assay
