#include "WorkspaceJobs.h"

#include "core/demo/DemoWorkspace.h"
#include "core/mlflow/MlflowImportSummary.h"
#include "core/mlflow/MlflowImporter.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WorkspaceArchive.h"
#include "core/workspace/WorkspaceBackup.h"

#include <QCoreApplication>

namespace assay {

WorkspaceJob::Job WorkspaceJobs::demoFill() {
    return [](Workspace& workspace, const WorkspaceJob::Progress& progress) {
        DemoWorkspace::populate(workspace, progress);
        return WorkspaceJobResult{QCoreApplication::translate("WorkspaceJobs", "Filled %1 with %2 demo runs.")
                                      .arg(workspace.path())
                                      .arg(DemoWorkspace::totalRuns()),
                                  {}};
    };
}

WorkspaceJob::Job WorkspaceJobs::mlflowImport(const QString& sourcePath) {
    return [sourcePath](Workspace& workspace, const WorkspaceJob::Progress& progress) {
        const MlflowImportSummary summary = MlflowImporter::importStore(workspace, sourcePath, progress);
        QStringList lines = summary.reportLines();
        if (summary.cancelled) {
            lines << QCoreApplication::translate(
                "WorkspaceJobs", "Cancelled: the experiments above stay imported; import again "
                                 "to bring the rest.");
        }
        QStringList skipped;
        for (const MlflowSkippedItem& item : summary.skipped)
            skipped << item.toString();
        if (!skipped.isEmpty()) {
            lines << QCoreApplication::translate("WorkspaceJobs",
                                                 "  skipped: %1 items that could not be read (see "
                                                 "details)")
                         .arg(skipped.size());
        }
        return WorkspaceJobResult{lines.join(QLatin1Char('\n')), skipped.join(QLatin1Char('\n'))};
    };
}

WorkspaceJob::Job WorkspaceJobs::archive(const QString& archivePath) {
    return [archivePath](Workspace& workspace, const WorkspaceJob::Progress&) {
        WorkspaceArchive::create(workspace, archivePath);
        return WorkspaceJobResult{
            QCoreApplication::translate(
                "WorkspaceJobs", "Archived to %1: a read-only copy for auditors, which verifies on its own.")
                .arg(archivePath),
            {}};
    };
}

WorkspaceJob::Job WorkspaceJobs::backup(const QString& backupPath) {
    return [backupPath](Workspace& workspace, const WorkspaceJob::Progress& progress) {
        WorkspaceBackup::create(workspace, backupPath, WorkspaceBackup::Existing::Replace, progress);
        return WorkspaceJobResult{
            QCoreApplication::translate("WorkspaceJobs", "Backed up to %1; the copy passed its check.")
                .arg(backupPath),
            {}};
    };
}

} // namespace assay
