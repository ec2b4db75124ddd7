#include "WorkspaceSession.h"

#include "core/base/EntityKind.h"
#include "core/identity/QtKeychainSecretStore.h"
#include "core/workspace/Workspace.h"

namespace assay {

WorkspaceSession::WorkspaceSession(QObject* parent)
    : QObject(parent)
    , m_secretStore(std::make_unique<QtKeychainSecretStore>())
    , m_pollTimer(new QTimer(this)) {
    // DESIGN §2: a shared workspace notices other processes' commits and refreshes.
    m_pollTimer->setInterval(externalChangePollMs);
    connect(m_pollTimer, &QTimer::timeout, this, &WorkspaceSession::pollExternalChanges);
    m_pollTimer->start();
}

void WorkspaceSession::pollExternalChanges() {
    if (m_workspace && m_workspace->takeExternalChanges())
        reloadAll();
}

WorkspaceSession::~WorkspaceSession() = default;

void WorkspaceSession::open(const QString& path, const WorkspaceOptions& options) {
    // Open first: a refused file must leave the current workspace in place.
    setWorkspace(Workspace::open(path, options));
}

void WorkspaceSession::create(const QString& path) {
    setWorkspace(Workspace::create(path));
}

void WorkspaceSession::setWorkspace(std::unique_ptr<Workspace> workspace) {
    // The old workspace outlives the signal, so that receivers may still read it while switching.
    std::unique_ptr<Workspace> previous = std::move(m_workspace);
    m_workspace = std::move(workspace);
    if (m_workspace)
        connect(m_workspace.get(), &Workspace::changed, this, &WorkspaceSession::changed);
    emit workspaceChanged(m_workspace.get());
}

void WorkspaceSession::close() {
    if (m_workspace)
        setWorkspace(nullptr);
}

void WorkspaceSession::reloadAll() {
    if (!m_workspace)
        return;
    emit changed(ChangeSet::everything());
}

void WorkspaceSession::setSecretStore(std::unique_ptr<SecretStore> store) {
    m_secretStore = std::move(store);
}

} // namespace assay
