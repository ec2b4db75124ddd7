#pragma once

#include "ui/session/WorkspaceJob.h"

#include <QProgressDialog>

namespace assay {

// Progress and cancel for a WorkspaceJob: every long action of the GUI (demo fill, MLflow import,
// CSV, audit and report exports, archives) runs through one. The dialog appears only once the
// work has taken longer than minimumShowMs, so that quick work does not flash a window. It lives
// until the worker has finished (after a cancel, until its rollback), then reports the outcome
// and deletes itself.
class WorkspaceJobDialog : public QProgressDialog {
    Q_OBJECT

public:
    static constexpr int minimumShowMs = 500;

    // label: what is happening ("Importing runs from mlruns…"); finishing: what the last step,
    // the commit, is called ("Saving…"). cancellable: false for work that cannot stop half way,
    // which then gets no Cancel button rather than one that does nothing.
    WorkspaceJobDialog(const QString& title, const QString& label, const QString& finishing,
                       const QString& path, const QString& actor, WorkspaceJob::Job job,
                       QWidget* parent = nullptr, bool cancellable = true);

signals:
    void succeeded(const QString& path, const assay::WorkspaceJobResult& result);
    void failed(const QString& message, bool cancelled);

private:
    void onProgress(int done, int total);
    void finish();

    WorkspaceJob* m_job = nullptr;
    QString m_path;
    QString m_finishing;
};

} // namespace assay
