#include "WorkspaceJobDialog.h"

namespace assay {

WorkspaceJobDialog::WorkspaceJobDialog(const QString& title, const QString& label, const QString& finishing,
                                       const QString& path, const QString& actor, WorkspaceJob::Job job,
                                       QWidget* parent, bool cancellable)
    : QProgressDialog(parent)
    , m_job(new WorkspaceJob(this))
    , m_path(path)
    , m_finishing(finishing) {
    setWindowTitle(title);
    setLabelText(label);
    setWindowModality(Qt::WindowModal);
    setMinimumDuration(minimumShowMs);
    setMinimumWidth(420);
    // The last step's progress comes before the commit: the dialog closes when the worker is done.
    setAutoClose(false);
    setAutoReset(false);
    setRange(0, 0);
    setValue(0);

    // QProgressDialog hides itself on cancel; this object stays until the worker has rolled back
    // (jobs check the flag after every run, so that is a moment).
    if (cancellable)
        connect(this, &QProgressDialog::canceled, m_job, &WorkspaceJob::cancel);
    else
        setCancelButton(nullptr);

    connect(m_job, &WorkspaceJob::progress, this, &WorkspaceJobDialog::onProgress);
    connect(m_job, &WorkspaceJob::succeeded, this, [this](const WorkspaceJobResult& result) {
        emit succeeded(m_path, result);
        finish();
    });
    connect(m_job, &WorkspaceJob::failed, this, [this](const QString& message, bool cancelled) {
        emit failed(message, cancelled);
        finish();
    });
    m_job->start(path, actor, std::move(job));
}

void WorkspaceJobDialog::onProgress(int done, int total) {
    // Progress still queued after a cancel must not bring the hidden dialog back.
    if (wasCanceled())
        return;
    setMaximum(total);
    setValue(done);
    if (done == total)
        setLabelText(m_finishing);
}

void WorkspaceJobDialog::finish() {
    hide();
    deleteLater();
}

} // namespace assay
