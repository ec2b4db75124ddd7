#include "SharedWriterProcess.h"

namespace assay::test {

SharedWriterProcess::SharedWriterProcess(const Arguments& arguments) {
    QStringList list{arguments.path,
                     QStringLiteral("--user"),
                     arguments.login,
                     QStringLiteral("--writes"),
                     QString::number(arguments.writes),
                     QStringLiteral("--seed"),
                     QString::number(arguments.seed),
                     QStringLiteral("--journal"),
                     arguments.networkFileSystem ? QStringLiteral("rollback") : QStringLiteral("wal"),
                     QStringLiteral("--start-at"),
                     QString::number(arguments.startAt)};
    if (arguments.refresh)
        list << QStringLiteral("--refresh");
    m_process.start(QStringLiteral(ASSAY_SHARED_WRITER_PATH), list);
}

SharedWriterProcess::~SharedWriterProcess() {
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(10'000);
    }
}

bool SharedWriterProcess::isRunning() {
    m_process.waitForFinished(0); // lets QProcess notice an exit
    return m_process.state() != QProcess::NotRunning;
}

SharedWriterReport SharedWriterProcess::finish(int timeoutMs) {
    // waitForFinished() says false for a process that had ended before the call.
    const bool finished = m_process.state() == QProcess::NotRunning || m_process.waitForFinished(timeoutMs);
    m_stderr = QString::fromUtf8(m_process.readAllStandardError());
    SharedWriterReport report = SharedWriterReport::fromJson(m_process.readAllStandardOutput().trimmed());
    if (!finished) {
        m_process.kill();
        m_process.waitForFinished(10'000);
        report.error = QStringLiteral("did not finish within %1 ms; %2").arg(timeoutMs).arg(report.error);
    } else if (m_process.exitStatus() != QProcess::NormalExit) {
        report.error = QStringLiteral("crashed: %1; %2").arg(m_stderr, report.error);
    } else if (m_process.exitCode() != 0 && report.error.isEmpty()) {
        report.error = QStringLiteral("exited with %1: %2").arg(m_process.exitCode()).arg(m_stderr);
    }
    return report;
}

void SharedWriterProcess::kill() {
    m_process.kill();
    m_process.waitForFinished(10'000);
    // QProcess learns of an exit only when it looks: the exit status tells whether the signal
    // ended the writer or the writer had ended before it came.
    m_killed = m_process.exitStatus() == QProcess::CrashExit;
}

bool SharedWriterProcess::endedByItself() const {
    return !m_killed;
}

} // namespace assay::test
