#pragma once

#include "WorkspaceJobResult.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace assay {

class Workspace;

// Runs long work on a workspace (a demo fill, an MLflow import) on a worker thread. The worker
// opens its own connection to the file, since a Workspace's connection belongs to the thread
// that opened it; the GUI's connection sees the data once the worker has committed, but gets
// no changed() signal for it, so whoever starts a job must reload afterwards.
class WorkspaceJob : public QObject {
    Q_OBJECT

public:
    // Reports (done, total) and returns false once the user cancelled.
    using Progress = std::function<bool(int done, int total)>;
    // The work itself, on the worker thread: returns what to tell the user; throws AssayError
    // on failure (and when it honours a cancel by rolling back).
    using Job = std::function<WorkspaceJobResult(Workspace& workspace, const Progress& progress)>;

    explicit WorkspaceJob(QObject* parent = nullptr);
    // Cancels a job under way and waits for it: the worker must not outlive us.
    ~WorkspaceJob() override;

    // actor: who the audit trail names; empty for the OS login.
    void start(const QString& path, const QString& actor, Job job);
    void cancel();
    bool isRunning() const;

signals:
    void progress(int done, int total);
    void succeeded(const assay::WorkspaceJobResult& result);
    void failed(const QString& message, bool cancelled);

private:
    struct Outcome {
        bool ok = false;
        WorkspaceJobResult result;
        QString error;
    };

    void onFinished();

    // Shared with the worker: it may still read the flag after we stopped waiting for it.
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFutureWatcher<Outcome> m_watcher;
};

} // namespace assay
