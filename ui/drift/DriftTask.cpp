#include "DriftTask.h"

#include "core/base/AssayError.h"
#include "ui/widgets/WorkspaceJobDialog.h"

#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace assay {

namespace {
constexpr int progressSteps = 1000; // byte counts overflow an int
}

DriftTask::DriftTask(const QString& title, QWidget* parent)
    : QObject(parent) {
    m_progress = new QProgressDialog(parent);
    m_progress->setObjectName(QStringLiteral("driftProgress"));
    m_progress->setWindowTitle(title);
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setRange(0, progressSteps);
    m_progress->setAutoReset(false);
    m_progress->setAutoClose(false);
    // As long work on a workspace: shown once the reading has taken half a second.
    m_progress->setMinimumDuration(WorkspaceJobDialog::minimumShowMs);
    m_progress->setMinimumWidth(420);
    m_progress->reset(); // QProgressDialog shows itself on a timer unless reset
    connect(m_progress, &QProgressDialog::canceled, this, &DriftTask::cancel);
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, &DriftTask::onFinished);
}

DriftTask::~DriftTask() {
    cancel();
    m_watcher.waitForFinished();
}

void DriftTask::start(const QString& label, Work work) {
    if (isRunning())
        return;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_progress->setLabelText(label);
    m_progress->reset();
    m_progress->setValue(0); // from reset, this starts the timer that shows the dialog
    CsvReadOptions options;
    // Progress crosses to the GUI thread as a queued call, dropped if we are gone by then.
    options.progress = [this, cancel = m_cancel](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(
            this, [this, done, total] { onProgress(done, total); }, Qt::QueuedConnection);
        return !cancel->load();
    };
    m_watcher.setFuture(QtConcurrent::run([work = std::move(work), options]() -> QString {
        try {
            work(options);
            return {};
        } catch (const AssayError& error) {
            return error.message();
        } catch (const std::exception& error) {
            return QString::fromLocal8Bit(error.what());
        }
    }));
}

void DriftTask::cancel() {
    if (!m_cancel || m_cancel->load())
        return;
    m_cancel->store(true);
    if (m_progress && isRunning())
        m_progress->setLabelText(tr("Cancelling…"));
}

bool DriftTask::isRunning() const {
    return m_watcher.isRunning();
}

void DriftTask::onProgress(qint64 done, qint64 total) {
    if (!m_progress || !isRunning() || (m_cancel && m_cancel->load()))
        return;
    m_progress->setValue(total > 0 ? static_cast<int>(done * progressSteps / total) : 0);
    // The statistics follow the reading, with nothing to count.
    if (done >= total)
        m_progress->setLabelText(tr("Computing the statistics…"));
}

void DriftTask::onFinished() {
    if (m_progress) {
        m_progress->reset();
        m_progress->hide();
    }
    const QString error = m_watcher.result();
    if (error.isEmpty())
        emit succeeded();
    else
        emit failed(error, m_cancel && m_cancel->load());
}

} // namespace assay
