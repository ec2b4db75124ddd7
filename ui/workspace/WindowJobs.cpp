#include "WindowJobs.h"

#include "WorkspaceLifecycle.h"
#include "core/base/AssayError.h"
#include "core/demo/DemoWorkspace.h"
#include "core/registry/Registry.h"
#include "core/report/GovernanceReportReader.h"
#include "core/workspace/Workspace.h"
#include "ui/report/GovernanceReportWriter.h"
#include "ui/session/WorkspaceJobs.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/ErrorBox.h"
#include "ui/widgets/WorkspaceJobDialog.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

#include <memory>

namespace assay {
namespace {

// Read, lay out, write: a cancel between steps leaves no file.
WorkspaceJobResult writeReport(Workspace& workspace, const WorkspaceJob::Progress& progress, qint64 versionId,
                               const QString& path, QString& contentHash) {
    constexpr int steps = 3;
    const auto step = [&progress](int done) {
        if (!progress(done, steps))
            throw AssayError(WindowJobs::tr("The report was cancelled; nothing was written."));
    };
    const Registry registry(workspace);
    const std::optional<ModelVersion> version = registry.versionById(versionId);
    if (!version)
        throw AssayError(QStringLiteral("The version to report on is gone."));
    GovernanceReportData report =
        GovernanceReportReader(workspace).read(registry.model(version->modelId)->name, version->version);
    step(1);
    const GovernanceReportWriter writer(std::move(report), workspace.actor(), workspace.now());
    step(2);
    writer.write(path, [&progress] { return progress(steps, steps); });
    contentHash = writer.contentHash();
    return WorkspaceJobResult{QStringLiteral("Report written."), {}};
}

} // namespace

WindowJobs::WindowJobs(WorkspaceSession& session, QWidget* window)
    : QObject(window)
    , m_session(session)
    , m_window(window) {}

void WindowJobs::fillWithDemoData() {
    if (!m_session.isOpen())
        return;
    start(tr("Fill with Demo Data"),
          tr("Writing demo runs into %1…").arg(QFileInfo(m_session.workspace()->path()).fileName()),
          tr("Saving %1 runs…").arg(DemoWorkspace::totalRuns()), WorkspaceJobs::demoFill(),
          tr("Cannot fill with demo data"), [this](const QString& path, const WorkspaceJobResult&) {
              emit statusMessage(tr("Filled %1 with %2 demo runs.")
                                     .arg(QFileInfo(path).fileName())
                                     .arg(DemoWorkspace::totalRuns()));
          });
}

void WindowJobs::chooseAndArchive() {
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Archive for Auditors"),
                                                      WorkspaceLifecycle::dialogDirectory(m_session),
                                                      WorkspaceLifecycle::fileFilter());
    if (!path.isEmpty())
        archiveTo(path);
}

void WindowJobs::archiveTo(const QString& path) {
    if (!m_session.isOpen())
        return;
    // Not cancellable: the copy is one SQLite statement (VACUUM INTO), after the archiving was
    // recorded in the audit trail; stopping it half way would leave that record without an archive.
    start(
        tr("Archive for Auditors"),
        tr("Copying %1…").arg(WorkspaceLifecycle::displayPath(m_session.workspace()->path())),
        tr("Sealing the archive…"), WorkspaceJobs::archive(path), tr("Cannot write the archive"),
        [this](const QString&, const WorkspaceJobResult& result) { emit statusMessage(result.summary); },
        false);
}

void WindowJobs::chooseAndBackUp() {
    if (!m_session.isOpen())
        return;
    const QFileInfo source(m_session.workspace()->path());
    const QString suggested =
        QDir(WorkspaceLifecycle::dialogDirectory(m_session))
            .filePath(tr("%1 backup %2.assay")
                          .arg(source.completeBaseName(),
                               QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HHmm"))));
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Back Up Workspace"), suggested,
                                                      WorkspaceLifecycle::fileFilter());
    if (!path.isEmpty())
        backUpTo(path);
}

void WindowJobs::backUpTo(const QString& path) {
    if (!m_session.isOpen())
        return;
    start(tr("Back Up Workspace"),
          tr("Copying %1…").arg(WorkspaceLifecycle::displayPath(m_session.workspace()->path())),
          tr("Checking the copy…"), WorkspaceJobs::backup(path), tr("Cannot back up the workspace"),
          [this](const QString&, const WorkspaceJobResult& result) { emit statusMessage(result.summary); });
}

void WindowJobs::chooseAndImportMlflow(bool database) {
    const QString directory = WorkspaceLifecycle::dialogDirectory(m_session);
    const QString source = database
                               ? QFileDialog::getOpenFileName(
                                     m_window, tr("Import an MLflow Database"), directory,
                                     tr("MLflow SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)"))
                               : QFileDialog::getExistingDirectory(
                                     m_window, tr("Import an MLflow Tracking Folder (mlruns)"), directory);
    if (!source.isEmpty())
        importMlflowStore(source);
}

void WindowJobs::importMlflowStore(const QString& source) {
    if (!m_session.isOpen())
        return;
    start(tr("Import from MLflow"),
          tr("Importing runs from %1…").arg(WorkspaceLifecycle::displayPath(source)),
          tr("Saving the last experiment…"), WorkspaceJobs::mlflowImport(source),
          tr("Cannot import from MLflow"),
          [this](const QString&, const WorkspaceJobResult& result) { showImportSummary(result); });
}

void WindowJobs::showImportSummary(const WorkspaceJobResult& result) {
    // Window-modal and not exec(), as for errors: tests read it, the caller goes on.
    auto* box = new QMessageBox(QMessageBox::Information, tr("Import from MLflow"), result.summary,
                                QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("importSummary"));
    box->setDetailedText(result.details);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void WindowJobs::askReportPath(qint64 versionId) {
    const std::optional<ModelVersion> version = Registry(*m_session.workspace()).versionById(versionId);
    const std::optional<RegisteredModel> model =
        version ? Registry(*m_session.workspace()).model(version->modelId) : std::nullopt;
    if (!model)
        return;
    const QString suggested = QStringLiteral("%1-v%2-report.pdf").arg(model->name).arg(version->version);
    const QString path = m_reportPathChooser
                             ? m_reportPathChooser(suggested)
                             : QFileDialog::getSaveFileName(
                                   m_window, tr("Export Report"),
                                   QDir(WorkspaceLifecycle::dialogDirectory(m_session)).filePath(suggested),
                                   tr("PDF (*.pdf);;HTML (*.html)"));
    if (!path.isEmpty())
        exportReport(versionId, path);
}

void WindowJobs::exportReport(qint64 versionId, const QString& path) {
    auto hash = std::make_shared<QString>();
    start(
        tr("Export Report"), tr("Writing the governance report to %1…").arg(QDir::toNativeSeparators(path)),
        tr("Writing…"),
        [versionId, path, hash](Workspace& workspace, const WorkspaceJob::Progress& progress) {
            return writeReport(workspace, progress, versionId, path, *hash);
        },
        tr("Could Not Export the Report"),
        [this, path, hash](const QString&, const WorkspaceJobResult&) {
            emit statusMessage(tr("Report written to %1").arg(QDir::toNativeSeparators(path)));
            emit reportExported(path, *hash);
        });
}

void WindowJobs::start(const QString& title, const QString& label, const QString& finishing,
                       WorkspaceJob::Job job, const QString& failureTitle, const JobSucceeded& onSuccess,
                       bool cancellable) {
    if (!m_session.isOpen() || m_running)
        return;
    m_running = true;
    emit runningChanged();
    const Workspace& workspace = *m_session.workspace();
    auto* dialog = new WorkspaceJobDialog(title, label, finishing, workspace.path(), workspace.actor(),
                                          std::move(job), m_window, cancellable);
    connect(dialog, &WorkspaceJobDialog::succeeded, this,
            [this, onSuccess](const QString& path, const WorkspaceJobResult& result) {
                end(path);
                onSuccess(path, result);
            });
    connect(dialog, &WorkspaceJobDialog::failed, this,
            [this, failureTitle, path = workspace.path()](const QString& message, bool cancelled) {
                end(path);
                if (cancelled)
                    emit statusMessage(message);
                else
                    ErrorBox::show(m_window, failureTitle, message);
            });
}

void WindowJobs::end(const QString& path) {
    m_running = false;
    emit runningChanged();
    // The worker wrote through its own connection, which this one's changed() never reports;
    // even a failed or cancelled import may have committed experiments before it stopped.
    if (m_session.workspace() && m_session.workspace()->path() == path)
        m_session.reloadAll();
}

} // namespace assay
