#include "WorkspaceLifecycle.h"

#include "core/base/AssayError.h"
#include "core/demo/DemoWorkspace.h"
#include "core/workspace/Workspace.h"
#include "ui/session/UiSettings.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/ErrorBox.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>

#include <utility>

namespace assay {

WorkspaceLifecycle::WorkspaceLifecycle(WorkspaceSession& session, UiSettings& settings, QWidget* window,
                                       QMenu* recentMenu, std::function<bool()> isEmpty)
    : QObject(window)
    , m_session(session)
    , m_settings(settings)
    , m_window(window)
    , m_recentMenu(recentMenu)
    , m_isEmpty(std::move(isEmpty)) {
    rebuildRecentMenu();
}

QString WorkspaceLifecycle::fileFilter() {
    return tr("Assay workspaces (*.assay);;All files (*)");
}

QString WorkspaceLifecycle::displayPath(const QString& path) {
    const QString home = QDir::homePath();
    const QString native = QDir::toNativeSeparators(path);
    return path.startsWith(home + QLatin1Char('/')) ? QStringLiteral("~") + native.mid(home.size()) : native;
}

QString WorkspaceLifecycle::dialogDirectory(const WorkspaceSession& session) {
    return session.workspace() ? QFileInfo(session.workspace()->path()).absolutePath() : QDir::homePath();
}

void WorkspaceLifecycle::openAtStartup(const QString& path) {
    if (!path.isEmpty()) {
        openWorkspace(path);
        return;
    }
    WorkspaceOptions options;
    options.createIfMissing = true;
    if (openWorkspace(Workspace::defaultPath(), options) && m_isEmpty())
        offerDemoData();
}

void WorkspaceLifecycle::openDemoWorkspace() {
    if (openWorkspace(DemoWorkspace::defaultPath(), DemoWorkspace::newFileOptions()) && m_isEmpty())
        emit demoDataWanted();
}

bool WorkspaceLifecycle::openWorkspace(const QString& path, const WorkspaceOptions& options) {
    try {
        m_session.open(path, options);
    } catch (const AssayError& error) {
        // A recent file that has gone away should not stay in the menu.
        if (!QFileInfo::exists(path)) {
            m_settings.removeRecentWorkspace(path);
            scheduleRecentMenuRebuild();
        }
        ErrorBox::show(m_window, tr("Cannot open the workspace"), error.message());
        return false;
    }
    rememberRecent(m_session.workspace()->path());
    emit opened();
    return true;
}

bool WorkspaceLifecycle::createWorkspace(const QString& path) {
    try {
        m_session.create(path);
    } catch (const AssayError& error) {
        ErrorBox::show(m_window, tr("Cannot create the workspace"), error.message());
        return false;
    }
    rememberRecent(m_session.workspace()->path());
    return true;
}

void WorkspaceLifecycle::chooseAndOpen() {
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Workspace"),
                                                      dialogDirectory(m_session), fileFilter());
    if (!path.isEmpty())
        openWorkspace(path);
}

void WorkspaceLifecycle::chooseAndCreate() {
    // No overwrite question: core refuses an existing file, and says so.
    QString path = QFileDialog::getSaveFileName(m_window, tr("New Workspace"), dialogDirectory(m_session),
                                                fileFilter(), nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".assay");
    createWorkspace(path);
}

void WorkspaceLifecycle::reload() {
    if (!m_session.isOpen())
        return;
    m_session.reloadAll();
    emit statusMessage(tr("Reloaded %1.").arg(QFileInfo(m_session.workspace()->path()).fileName()));
}

void WorkspaceLifecycle::offerDemoData() {
    // Not exec(): a nested event loop at start-up would hold the first paint of the window back.
    auto* box = new QMessageBox(QMessageBox::Question, tr("Fill with Demo Data"),
                                tr("This workspace is empty. Fill it with demo data to look around?\n\n"
                                   "%1 runs in 3 experiments, with metric curves and registered models.")
                                    .arg(DemoWorkspace::totalRuns()),
                                QMessageBox::Yes | QMessageBox::No, m_window);
    box->setObjectName(QStringLiteral("demoDataQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this, &WorkspaceLifecycle::demoDataWanted);
    box->open();
}

void WorkspaceLifecycle::rememberRecent(const QString& path) {
    m_settings.addRecentWorkspace(path);
    scheduleRecentMenuRebuild();
}

void WorkspaceLifecycle::scheduleRecentMenuRebuild() {
    // Queued: the change may come from one of the menu's own actions, which a rebuild deletes.
    QMetaObject::invokeMethod(this, &WorkspaceLifecycle::rebuildRecentMenu, Qt::QueuedConnection);
}

void WorkspaceLifecycle::rebuildRecentMenu() {
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

} // namespace assay
