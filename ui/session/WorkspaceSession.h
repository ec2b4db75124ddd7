#pragma once

#include "core/workspace/ChangeSet.h"
#include "core/workspace/WorkspaceOptions.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace assay {

class SecretStore;
class Workspace;

// The workspace the GUI is showing, on the GUI thread's connection. Pages and item models hold
// the session, never a Workspace, so that switching files is one signal for all of them.
class WorkspaceSession : public QObject {
    Q_OBJECT

public:
    explicit WorkspaceSession(QObject* parent = nullptr);
    ~WorkspaceSession() override;

    // Null while no workspace is open.
    Workspace* workspace() const { return m_workspace.get(); }
    bool isOpen() const { return m_workspace != nullptr; }

    // Open or create a file and make it current. Throw AssayError and keep the current workspace
    // when core refuses the file.
    void open(const QString& path, const WorkspaceOptions& options = {});
    void create(const QString& path);
    void setWorkspace(std::unique_ptr<Workspace> workspace);
    void close();

    // Where signatures' private keys live: the OS keychain, unless a test hands in another store.
    SecretStore& secretStore() const { return *m_secretStore; }
    void setSecretStore(std::unique_ptr<SecretStore> store);

    // Tells every view to re-read all data: another connection (a worker thread, another
    // process) committed writes that this connection's changed() signal never saw.
    void reloadAll();

    // How often the session looks for commits by other processes (assay-cli, another GUI).
    static constexpr int externalChangePollMs = 1000;

signals:
    // After a different workspace became current (null after close()).
    void workspaceChanged(assay::Workspace* workspace);
    // After a commit on the current workspace, or from reloadAll() with every kind touched.
    void changed(const assay::ChangeSet& changes);

private:
    void pollExternalChanges();

    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<SecretStore> m_secretStore;
    QTimer* m_pollTimer = nullptr;
};

} // namespace assay
