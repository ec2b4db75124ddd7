#include "WorkspaceStatusBar.h"

#include "RoleDescription.h"
#include "core/base/AssayError.h"
#include "core/identity/Identity.h"
#include "core/workspace/FileSystemProbe.h"
#include "core/workspace/JournalMode.h"
#include "core/workspace/Workspace.h"
#include "ui/session/WorkspaceSession.h"

#include <QDir>
#include <QLabel>
#include <QStatusBar>

namespace assay {
namespace {

// "Acting as ada · Data scientist, Validator"
QString actorText(const Workspace& workspace) {
    std::optional<User> user;
    try {
        user = Identity(workspace).user(workspace.actor());
    } catch (const AssayError&) {
        return WorkspaceStatusBar::tr("Acting as %1").arg(workspace.actor());
    }
    return WorkspaceStatusBar::tr("Acting as %1 · %2")
        .arg(workspace.actor(), RoleDescription::list(user ? user->roles : QList<Role>{}));
}

} // namespace

WorkspaceStatusBar::WorkspaceStatusBar(QStatusBar* statusBar, const WorkspaceSession& session)
    : QObject(statusBar)
    , m_session(session)
    , m_pathLabel(new QLabel)
    , m_journalLabel(new QLabel)
    , m_actorLabel(new QLabel) {
    m_pathLabel->setObjectName(QStringLiteral("workspacePathLabel"));
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long path must not widen the window; the tooltip keeps all of it.
    m_pathLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_journalLabel->setObjectName(QStringLiteral("journalModeLabel"));
    m_actorLabel->setObjectName(QStringLiteral("actingUserLabel"));
    for (QLabel* label : {m_pathLabel, m_journalLabel, m_actorLabel})
        label->setContentsMargins(6, 0, 6, 0);
    statusBar->addWidget(m_pathLabel, 1);
    statusBar->addPermanentWidget(m_journalLabel);
    statusBar->addPermanentWidget(m_actorLabel);
    // The acting user's roles are shown: a grant or a revoke changes them.
    connect(&m_session, &WorkspaceSession::changed, this, [this](const ChangeSet& changes) {
        if (changes.touches(EntityKind::User))
            update();
    });
}

void WorkspaceStatusBar::update() {
    const Workspace* workspace = m_session.workspace();
    m_pathLabel->setText(workspace ? QDir::toNativeSeparators(workspace->path()) : tr("No workspace open"));
    m_pathLabel->setToolTip(m_pathLabel->text());
    updateJournalLabel(workspace);
    m_actorLabel->setText(workspace ? actorText(*workspace) : QString());
    m_journalLabel->setVisible(workspace != nullptr);
    m_actorLabel->setVisible(workspace != nullptr);
}

void WorkspaceStatusBar::updateJournalLabel(const Workspace* workspace) {
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

} // namespace assay
