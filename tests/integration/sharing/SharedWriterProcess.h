#pragma once

#include "SharedWriterReport.h"

#include <QProcess>
#include <QStringList>

namespace assay::test {

// An assay_shared_writer running in the background, as one of several processes on a file.
class SharedWriterProcess {
public:
    struct Arguments {
        QString path;
        QString login;
        int writes = 0;
        unsigned seed = 1;
        bool networkFileSystem = false;
        bool refresh = false;
        qint64 startAt = 0;
    };

    explicit SharedWriterProcess(const Arguments& arguments);
    SharedWriterProcess(const SharedWriterProcess&) = delete;
    SharedWriterProcess& operator=(const SharedWriterProcess&) = delete;
    ~SharedWriterProcess();

    // Notices an exit without waiting for one.
    bool isRunning();
    // Waits for the writer to end and reads its report; a crash, a timeout, an exit status other
    // than 0 or a missing report come back as the report's error.
    SharedWriterReport finish(int timeoutMs);
    // SIGKILL, as a crash or a pulled plug would end it: no destructor, no rollback of its own.
    void kill();
    // Whether it had ended before kill() reached it.
    bool endedByItself() const;
    QString standardError() const { return m_stderr; }

private:
    QProcess m_process;
    QString m_stderr;
    bool m_killed = false;
};

} // namespace assay::test
