#include "WorkspaceJob.h"

#include "core/base/AssayError.h"
#include "core/workspace/Workspace.h"

#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace assay {

WorkspaceJob::WorkspaceJob(QObject* parent)
    : QObject(parent) {
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &WorkspaceJob::onFinished);
}

WorkspaceJob::~WorkspaceJob() {
    cancel();
    m_watcher.waitForFinished();
}

void WorkspaceJob::start(const QString& path, const QString& actor, Job job) {
    if (isRunning())
        return;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    // Progress crosses to the GUI thread as a queued call; it is dropped if we are gone by then.
    const Progress report = [this, cancel = m_cancel](int done, int total) {
        QMetaObject::invokeMethod(
            this, [this, done, total] { emit progress(done, total); }, Qt::QueuedConnection);
        return !cancel->load();
    };
    m_watcher.setFuture(QtConcurrent::run([path, actor, job = std::move(job), report]() -> Outcome {
        try {
            WorkspaceOptions options;
            options.actor = actor;
            const std::unique_ptr<Workspace> workspace = Workspace::open(path, options);
            return {true, job(*workspace, report), {}};
        } catch (const AssayError& error) {
            return {false, {}, error.message()};
        } catch (const std::exception& error) {
            return {false, {}, QString::fromLocal8Bit(error.what())};
        }
    }));
}

void WorkspaceJob::cancel() {
    if (m_cancel)
        m_cancel->store(true);
}

bool WorkspaceJob::isRunning() const {
    return m_watcher.isRunning();
}

void WorkspaceJob::onFinished() {
    const Outcome outcome = m_watcher.result();
    if (outcome.ok)
        emit succeeded(outcome.result);
    else
        emit failed(outcome.error, m_cancel && m_cancel->load());
}

} // namespace assay
