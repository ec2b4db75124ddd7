#include "AddDriftDataDialog.h"

#include "DriftDataFileModel.h"
#include "DriftTask.h"
#include "core/base/AssayError.h"
#include "core/drift/DriftComputation.h"
#include "core/drift/DriftMonitors.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/ErrorBox.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <memory>

namespace assay {

namespace {

QString windowsText(const DriftMonitor& monitor) {
    if (monitor.period == DriftPeriod::File)
        return AddDriftDataDialog::tr("Each file becomes one window, named by its label below.");
    return AddDriftDataDialog::tr("Rows are split into windows by %1 of their \"%2\" column; a window "
                                  "already in the monitor cannot be added again.")
        .arg(driftPeriodName(monitor.period), monitor.timestampColumn);
}

} // namespace

AddDriftDataDialog::AddDriftDataDialog(WorkspaceSession& session, qint64 monitorId, QWidget* parent)
    : QDialog(parent)
    , m_session(session) {
    setObjectName(QStringLiteral("addDriftDataDialog"));
    const std::optional<DriftMonitor> monitor = DriftMonitors(*m_session.workspace()).monitor(monitorId);
    if (!monitor)
        throw AssayError(tr("There is no drift monitor with id %1.").arg(monitorId));
    m_monitor = *monitor;
    setWindowTitle(tr("Add Drift Data to %1 v%2 · %3")
                       .arg(m_monitor.modelName)
                       .arg(m_monitor.version)
                       .arg(m_monitor.name));

    auto* layout = new QVBoxLayout(this);
    m_description = new QLabel(tr("Current data is compared, feature by feature, with the reference data "
                                  "%1 (%2 rows). %3")
                                   .arg(m_monitor.referenceName, QLocale().toString(m_monitor.referenceRows),
                                        windowsText(m_monitor)));
    m_description->setWordWrap(true);
    layout->addWidget(m_description);

    m_files = new DriftDataFileModel(
        m_monitor.period == DriftPeriod::File,
        tr("by %1 of \"%2\"").arg(driftPeriodName(m_monitor.period), m_monitor.timestampColumn), this);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("fileTable"));
    m_table->setModel(m_files);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(DriftDataFileModel::FileColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(DriftDataFileModel::WindowColumn, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);

    auto* fileButtons = new QHBoxLayout;
    auto* add = new QPushButton(tr("Add Files…"));
    add->setObjectName(QStringLiteral("addFilesButton"));
    connect(add, &QPushButton::clicked, this, &AddDriftDataDialog::chooseFiles);
    m_remove = new QPushButton(tr("Remove"));
    connect(m_remove, &QPushButton::clicked, this, &AddDriftDataDialog::removeSelected);
    fileButtons->addWidget(add);
    fileButtons->addWidget(m_remove);
    fileButtons->addStretch(1);
    layout->addLayout(fileButtons);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    okButton()->setText(tr("Add Data"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddDriftDataDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AddDriftDataDialog::reject);
    layout->addWidget(m_buttons);

    m_task = new DriftTask(tr("Add Drift Data"), this);
    connect(m_files, &QAbstractItemModel::rowsInserted, this, &AddDriftDataDialog::updateButtons);
    connect(m_files, &QAbstractItemModel::rowsRemoved, this, &AddDriftDataDialog::updateButtons);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AddDriftDataDialog::updateButtons);
    updateButtons();
    resize(640, 400);
}

AddDriftDataDialog::~AddDriftDataDialog() = default;

QPushButton* AddDriftDataDialog::okButton() const {
    return m_buttons->button(QDialogButtonBox::Ok);
}

void AddDriftDataDialog::addFiles(const QStringList& paths) {
    m_files->addFiles(paths);
}

void AddDriftDataDialog::chooseFiles() {
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Choose Current Data"), QString(), tr("CSV files (*.csv *.tsv *.txt);;All files (*)"));
    addFiles(paths);
}

void AddDriftDataDialog::removeSelected() {
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        m_files->removeFile(rows.first().row());
}

void AddDriftDataDialog::updateButtons() {
    const bool busy = m_task && m_task->isRunning();
    okButton()->setEnabled(!busy && m_files->rowCount() > 0);
    m_remove->setEnabled(!busy && m_table->selectionModel()->hasSelection());
}

void AddDriftDataDialog::accept() {
    if (!m_session.workspace() || m_task->isRunning() || m_files->rowCount() == 0)
        return;
    m_added.clear();
    m_filesAdded = 0;
    m_summary.clear();
    addNext();
}

// Files go one after the other: each is read on the worker, then written before the next starts.
void AddDriftDataDialog::addNext() {
    if (m_files->rowCount() == 0 || !m_session.workspace()) {
        finishRun();
        return;
    }
    const QString path = m_files->path(0);
    const QString label = m_files->label(0);
    const auto reference =
        std::make_shared<const DriftReference>(DriftMonitors(*m_session.workspace()).reference(m_monitor.id));
    auto windows = std::make_shared<QList<DriftComputedWindow>>();
    auto sha256 = std::make_shared<QString>();
    auto* context = new QObject(this);
    connect(m_task, &DriftTask::succeeded, context, [this, context, path, windows, sha256] {
        context->deleteLater();
        if (!m_session.workspace()) {
            finishRun();
            return;
        }
        QList<qint64> ids;
        try {
            m_session.workspace()->write([&](WriteTransaction& tx) {
                ids = DriftMonitors::addWindows(tx, m_monitor.id, QFileInfo(path).fileName(), *sha256,
                                                *windows);
            });
        } catch (const AssayError& error) {
            fail(path, error.message());
            return;
        }
        fileDone(path, ids);
    });
    connect(m_task, &DriftTask::failed, context,
            [this, context, path](const QString& message, bool cancelled) {
                context->deleteLater();
                if (cancelled)
                    finishRun();
                else
                    fail(path, message);
            });
    m_task->start(
        tr("Reading %1…").arg(QFileInfo(path).fileName()),
        [monitor = m_monitor, reference, path, label, windows, sha256](const CsvReadOptions& options) {
            *windows = DriftComputation::computeWindows(monitor, *reference, path, label, options);
            *sha256 = DriftComputation::sha256(path);
        });
    updateButtons();
}

void AddDriftDataDialog::fileDone(const QString& path, const QList<qint64>& windowIds) {
    m_added << windowIds;
    ++m_filesAdded;
    if (m_files->rowCount() > 0 && m_files->path(0) == path)
        m_files->removeFile(0);
    if (m_files->rowCount() > 0) {
        addNext();
        return;
    }
    finishRun();
    emit dataAdded(m_monitor.id, m_added);
    // The summary outlives the dialog: it is the answer to what the user asked for.
    auto* box = new QMessageBox(QMessageBox::Information, tr("Add Drift Data"), m_summary, QMessageBox::Ok,
                                parentWidget());
    box->setObjectName(QStringLiteral("driftDataSummary"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    QDialog::accept();
}

void AddDriftDataDialog::fail(const QString& path, const QString& message) {
    finishRun();
    ErrorBox::show(this, tr("Cannot add %1").arg(QFileInfo(path).fileName()),
                   m_summary.isEmpty()
                       ? message
                       : message + QStringLiteral("\n\n") + tr("Before it: %1").arg(m_summary));
}

void AddDriftDataDialog::finishRun() {
    updateButtons();
    if (m_filesAdded == 0 || !m_session.workspace())
        return;
    QStringList retraining;
    for (const DriftWindow& window : DriftMonitors(*m_session.workspace()).windows(m_monitor.id)) {
        if (m_added.contains(window.id) && window.retrainingRecommended)
            retraining << window.label;
    }
    // No translator is installed, so the plurals are spelled out.
    const auto size = m_added.size();
    m_summary = (size == 1 ? tr("1 window added") : tr("%1 windows added").arg(size)) +
                (m_filesAdded == 1 ? tr(" from 1 file.") : tr(" from %1 files.").arg(m_filesAdded)) +
                QLatin1Char(' ') +
                (retraining.isEmpty()
                     ? tr("None of them recommends retraining.")
                     : tr("Retraining recommended by %1.").arg(retraining.join(QStringLiteral(", "))));
    // Files added before one that failed are in the monitor: say so with the failure.
    if (m_files->rowCount() > 0)
        emit dataAdded(m_monitor.id, m_added);
}

void AddDriftDataDialog::reject() {
    if (m_task->isRunning()) {
        m_task->cancel();
        return;
    }
    QDialog::reject();
}

} // namespace assay
