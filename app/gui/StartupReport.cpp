#include "StartupReport.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QJsonDocument>
#include <QTableView>
#include <QTimer>

#include <cstdio>
#include <ctime>
#include <sys/resource.h>
#include <unistd.h>
#include <utility>

namespace assay {
namespace {

// The process's age in ms: /proc/self/stat's starttime (clock ticks after boot, field 22) against
// the boot-time clock it is counted on. Ticks are 10 ms, so this is as precise as that.
double processAgeMs() {
    QFile file(QStringLiteral("/proc/self/stat"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = file.readAll();
    // Fields after the command name, which is in parentheses and may hold spaces.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    constexpr int starttimeField = 22 - 3; // fields 1 (pid) and 2 (comm) precede state, field 3
    if (fields.size() <= starttimeField)
        return -1;
    const double startSeconds =
        fields.at(starttimeField).toDouble() / static_cast<double>(sysconf(_SC_CLK_TCK));
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowSeconds = static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
    return (nowSeconds - startSeconds) * 1000;
}

// A "VmRSS:    123456 kB" line of /proc/self/status, in MB.
double statusMb(const QByteArray& status, const QByteArray& field) {
    for (const QByteArray& line : status.split('\n')) {
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toDouble() / 1024;
    }
    return -1;
}

double cpuMs(int who) {
    rusage usage{};
    getrusage(who, &usage);
    const auto ms = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) * 1000 + static_cast<double>(t.tv_usec) / 1000;
    };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

} // namespace

StartupReport::StartupReport(const QElapsedTimer& sinceMain)
    : m_sinceMain(sinceMain) {
    m_mainMs = processAgeMs() - static_cast<double>(m_sinceMain.nsecsElapsed()) / 1e6;
    m_checkpoints.insert(QStringLiteral("main"), m_mainMs);
}

double StartupReport::msSinceProcessStart() const {
    return m_mainMs + static_cast<double>(m_sinceMain.nsecsElapsed()) / 1e6;
}

void StartupReport::mark(const QString& name) {
    m_checkpoints.insert(name, msSinceProcessStart());
}

void StartupReport::reportWhenPainted(QTableView* table, int timeoutMs) {
    m_table = table;
    table->viewport()->installEventFilter(this);
    QTimer::singleShot(timeoutMs, this, &StartupReport::report);
}

bool StartupReport::eventFilter(QObject* watched, QEvent* event) {
    // The paint is under way: report once it is done, if it draws rows.
    if (event->type() == QEvent::Paint && !m_reported && rowsVisible() > 0)
        QTimer::singleShot(0, this, &StartupReport::report);
    return QObject::eventFilter(watched, event);
}

int StartupReport::rowsVisible() const {
    if (!m_table || !m_table->isVisible() || !m_table->model())
        return 0;
    const int first = m_table->rowAt(0);
    if (first < 0)
        return 0;
    int last = m_table->rowAt(m_table->viewport()->height() - 1);
    if (last < 0)
        last = m_table->model()->rowCount() - 1;
    return last - first + 1;
}

void StartupReport::report() {
    if (std::exchange(m_reported, true))
        return;
    const double ms = msSinceProcessStart();
    QFile file(QStringLiteral("/proc/self/status"));
    const QByteArray status = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    const int rows = rowsVisible();
    m_checkpoints.insert(QStringLiteral("painted"), ms);
    const QJsonObject line{
        {QStringLiteral("ms_since_process_start"), ms},
        {QStringLiteral("rss_mb"), statusMb(status, "VmRSS")},
        {QStringLiteral("peak_rss_mb"), statusMb(status, "VmHWM")},
        // Of the resident memory: what the process allocated, and the pages of mapped files
        // (libraries, and the workspace that SQLite reads through mmap).
        {QStringLiteral("rss_anon_mb"), statusMb(status, "RssAnon")},
        {QStringLiteral("rss_file_mb"), statusMb(status, "RssFile")},
        // CPU time, to tell work from waiting on a busy machine: this thread's (the GUI's) and the
        // process's, workers included.
        {QStringLiteral("gui_thread_cpu_ms"), cpuMs(RUSAGE_THREAD)},
        {QStringLiteral("process_cpu_ms"), cpuMs(RUSAGE_SELF)},
        {QStringLiteral("rows_visible"), rows},
        {QStringLiteral("rows_loaded"), m_table && m_table->model() ? m_table->model()->rowCount() : 0},
        {QStringLiteral("checkpoints_ms"), m_checkpoints},
    };
    std::fputs(QJsonDocument(line).toJson(QJsonDocument::Compact).append('\n').constData(), stdout);
    std::fflush(stdout);
    QCoreApplication::exit(rows > 0 ? 0 : 1);
}

} // namespace assay
