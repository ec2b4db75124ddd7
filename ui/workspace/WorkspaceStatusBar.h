#pragma once

#include <QObject>

class QLabel;
class QStatusBar;

namespace assay {

class Workspace;
class WorkspaceSession;

// The status bar's lasting part: the workspace's path, its journal mode (or that it is a
// read-only archive), and the acting user with their roles. Messages come and go to its left.
class WorkspaceStatusBar : public QObject {
    Q_OBJECT

public:
    WorkspaceStatusBar(QStatusBar* statusBar, const WorkspaceSession& session);

    // Reads the labels again from the session's workspace (or says none is open).
    void update();

private:
    void updateJournalLabel(const Workspace* workspace);

    const WorkspaceSession& m_session;
    QLabel* m_pathLabel;
    QLabel* m_journalLabel;
    QLabel* m_actorLabel;
};

} // namespace assay
