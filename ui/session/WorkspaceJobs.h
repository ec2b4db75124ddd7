#pragma once

#include "WorkspaceJob.h"

namespace assay {

// The long-running jobs the GUI starts on a workspace, as WorkspaceJob::Job functions.
class WorkspaceJobs {
public:
    static WorkspaceJob::Job demoFill();
    // Imports the MLflow store at sourcePath (an mlruns/ folder or an MLflow SQLite file). A
    // cancel keeps the experiments imported before it; the summary says so.
    static WorkspaceJob::Job mlflowImport(const QString& sourcePath);
    // Writes a read-only archive of the workspace for auditors to archivePath (a new file).
    static WorkspaceJob::Job archive(const QString& archivePath);
    // Copies the workspace to backupPath with SQLite's online backup, replacing the file there
    // (the save dialog has asked); others may go on writing meanwhile.
    static WorkspaceJob::Job backup(const QString& backupPath);
};

} // namespace assay
