#pragma once

#include "core/drift/CsvReadOptions.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QProgressDialog>

#include <atomic>
#include <functional>
#include <memory>

class QWidget;

namespace assay {

// Runs one drift computation (reading a reference, cutting a file into windows) on a worker
// thread behind a window-modal progress dialog (shown after WorkspaceJobDialog::minimumShowMs,
// as every long action's) whose Cancel stops the reading. The computation
// touches no workspace, so the worker needs no connection: the work stores its result where
// the caller can take it, and the caller writes it on the GUI thread after succeeded().
class DriftTask : public QObject {
    Q_OBJECT

public:
    // The work, on the worker: options carry the progress callback that honours Cancel. Throws
    // AssayError on failure (and when cancelled).
    using Work = std::function<void(const CsvReadOptions& options)>;

    // parent: the dialog the progress shows over.
    DriftTask(const QString& title, QWidget* parent);
    // Cancels work under way and waits for it: the worker must not outlive us.
    ~DriftTask() override;

    // label: what is read ("Reading ref.csv…").
    void start(const QString& label, Work work);
    void cancel();
    bool isRunning() const;
    QProgressDialog* progressDialog() const { return m_progress; }

signals:
    void succeeded();
    void failed(const QString& message, bool cancelled);

private:
    void onProgress(qint64 done, qint64 total);
    void onFinished();

    QPointer<QProgressDialog> m_progress;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFutureWatcher<QString> m_watcher; // the error, empty on success
};

} // namespace assay
