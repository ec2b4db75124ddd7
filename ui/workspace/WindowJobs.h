#pragma once

#include "ui/session/WorkspaceJob.h"

#include <QObject>

#include <functional>

class QWidget;

namespace assay {

class WorkspaceSession;

// The window's long jobs: filling with demo data, importing from MLflow, backing up, archiving
// and exporting a report. Each runs on a worker behind a progress dialog, one at a time; the
// window learns the outcome through the signals, and failures are shown over it.
class WindowJobs : public QObject {
    Q_OBJECT

public:
    WindowJobs(WorkspaceSession& session, QWidget* window);

    bool isRunning() const { return m_running; }

    void fillWithDemoData();
    // Imports an MLflow store (an mlruns/ folder or an MLflow SQLite file) and shows what came
    // over, with every skipped item in the details.
    void importMlflowStore(const QString& source);
    void chooseAndImportMlflow(bool database);
    // Copies the workspace to path (replacing it: the save dialog asked).
    void backUpTo(const QString& path);
    void chooseAndBackUp();
    // Writes a read-only archive for auditors to path.
    void archiveTo(const QString& path);
    void chooseAndArchive();
    // Asks where to write versionId's governance report, then writes it.
    void askReportPath(qint64 versionId);
    // Writes the report; reportExported follows on success.
    void exportReport(qint64 versionId, const QString& path);
    // Tests answer the save dialog through this; it gets the suggested file name.
    void setReportPathChooser(std::function<QString(const QString&)> chooser) {
        m_reportPathChooser = std::move(chooser);
    }

signals:
    // A job started or ended: the actions that start jobs follow.
    void runningChanged();
    void statusMessage(const QString& message);
    void reportExported(const QString& path, const QString& contentHash);

private:
    using JobSucceeded = std::function<void(const QString& path, const WorkspaceJobResult& result)>;
    // cancellable: false for work that cannot stop half way (one SQLite statement), whose dialog
    // then has no Cancel button rather than one that does nothing.
    void start(const QString& title, const QString& label, const QString& finishing, WorkspaceJob::Job job,
               const QString& failureTitle, const JobSucceeded& onSuccess, bool cancellable = true);
    void end(const QString& path);
    void showImportSummary(const WorkspaceJobResult& result);

    WorkspaceSession& m_session;
    QWidget* m_window;
    bool m_running = false;
    std::function<QString(const QString&)> m_reportPathChooser;
};

} // namespace assay
