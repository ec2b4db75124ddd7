#include "WorkspaceBackup.h"

#include "Workspace.h"
#include "WriteTransaction.h"
#include "core/base/AssayError.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <sqlite3.h>

namespace assay {
namespace {

// A commit by another connection restarts the copy from the first page. Under a steady stream
// of writes the stepwise copy could restart forever; after this many restarts the rest is copied
// in one step, under a single read transaction (which in WAL mode does not hold writers up).
constexpr int restartsBeforeOneStep = 3;
constexpr int busyTimeoutMs = 2000;

struct ConnectionCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Connection = std::unique_ptr<sqlite3, ConnectionCloser>;

QString messageOf(sqlite3* db) {
    return QString::fromUtf8(sqlite3_errmsg(db));
}

Connection openRaw(const QString& path, int flags) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &raw, flags, nullptr);
    Connection db(raw);
    if (rc != SQLITE_OK)
        throw AssayError(QStringLiteral("Cannot open %1: %2").arg(path, raw ? messageOf(raw) : QString()));
    sqlite3_busy_timeout(raw, busyTimeoutMs);
    return db;
}

QString singleText(sqlite3* db, const char* sql) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK)
        throw AssayError(messageOf(db));
    QString text;
    if (sqlite3_step(statement) == SQLITE_ROW)
        text = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
    sqlite3_finalize(statement);
    return text;
}

class PageCopy {
public:
    PageCopy(sqlite3* source, sqlite3* target, int pagesPerStep)
        : m_target(target)
        , m_pagesPerStep(pagesPerStep)
        , m_backup(sqlite3_backup_init(target, "main", source, "main")) {
        if (!m_backup)
            throw AssayError(messageOf(target));
    }
    ~PageCopy() { finish(); }
    PageCopy(const PageCopy&) = delete;
    PageCopy& operator=(const PageCopy&) = delete;

    // Returns false once the user cancelled.
    bool run(const WorkspaceBackup::Progress& progress) {
        int restarts = 0;
        int previousRemaining = -1;
        for (;;) {
            const int step = restarts >= restartsBeforeOneStep ? -1 : m_pagesPerStep;
            const int rc = sqlite3_backup_step(m_backup, step);
            const int remaining = sqlite3_backup_remaining(m_backup);
            const int total = sqlite3_backup_pagecount(m_backup);
            if (rc == SQLITE_DONE)
                return !progress || progress(total, total);
            if (rc != SQLITE_OK && rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
                throw AssayError(QString::fromUtf8(sqlite3_errstr(rc)));
            if (previousRemaining >= 0 && remaining > previousRemaining)
                ++restarts;
            previousRemaining = remaining;
            if (progress && !progress(total - remaining, total))
                return false;
            if (rc != SQLITE_OK)
                QThread::msleep(20); // another process holds the lock it needs; it will let go
        }
    }

    void finish() {
        if (m_backup) {
            const int rc = sqlite3_backup_finish(m_backup);
            m_backup = nullptr;
            if (rc != SQLITE_OK && rc != SQLITE_DONE)
                m_error = messageOf(m_target);
        }
    }
    const QString& error() const { return m_error; }

private:
    sqlite3* m_target;
    int m_pagesPerStep;
    sqlite3_backup* m_backup;
    QString m_error;
};

void refuseTarget(const Workspace& source, const QString& target, WorkspaceBackup::Existing existing) {
    if (QFileInfo(target) == QFileInfo(source.path()))
        throw AssayError(
            QStringLiteral("%1 is the workspace itself; choose another file for the backup.").arg(target));
    if (existing == WorkspaceBackup::Existing::Refuse && QFileInfo::exists(target))
        throw AssayError(
            QStringLiteral("%1 already exists; choose a new file, or replace it on purpose.").arg(target));
    if (!QFileInfo(QFileInfo(target).absolutePath()).isDir())
        throw AssayError(QStringLiteral("%1: no such folder.").arg(QFileInfo(target).absolutePath()));
}

// Copies into partPath, then makes it a single file and checks it.
void copyInto(const Workspace& source, const QString& partPath, const WorkspaceBackup::Progress& progress,
              int pagesPerStep) {
    const Connection from = openRaw(source.path(), SQLITE_OPEN_READONLY);
    const Connection to = openRaw(partPath, SQLITE_OPEN_READWRITE);
    PageCopy copy(from.get(), to.get(), pagesPerStep);
    const bool completed = copy.run(progress);
    copy.finish();
    if (!copy.error().isEmpty())
        throw AssayError(
            QStringLiteral("Cannot back up %1: %2. Nothing was written.").arg(source.path(), copy.error()));
    if (!completed)
        throw AssayError(QStringLiteral("Backup cancelled; nothing was written."));
    singleText(to.get(), "PRAGMA journal_mode = DELETE");
    const QString check = singleText(to.get(), "PRAGMA quick_check");
    if (check != QLatin1String("ok"))
        throw AssayError(QStringLiteral("The backup of %1 failed its check (%2); nothing was written.")
                             .arg(source.path(), check));
}

} // namespace

void WorkspaceBackup::create(Workspace& source, const QString& outPath, Existing existing,
                             const Progress& progress, int pagesPerStep) {
    const QString target = QFileInfo(outPath).absoluteFilePath();
    refuseTarget(source, target, existing);
    // Beside the target, so that the final rename stays on one filesystem and is atomic.
    QTemporaryFile part(target + QStringLiteral(".part-XXXXXX"));
    if (!part.open())
        throw AssayError(QStringLiteral("Cannot write %1: %2").arg(target, part.errorString()));
    part.close();
    // Whoever may read the workspace may read its backup; a temporary file starts private.
    part.setPermissions(QFile::permissions(source.path()) | QFile::WriteOwner);
    copyInto(source, part.fileName(), progress, std::max(1, pagesPerStep));
    if (std::rename(QFile::encodeName(part.fileName()).constData(), QFile::encodeName(target).constData()) !=
        0)
        throw AssayError(QStringLiteral("Cannot write %1: %2. Nothing was written.")
                             .arg(target, QString::fromLocal8Bit(std::strerror(errno))));
    part.setAutoRemove(false);
    // Recorded once the copy is in place, so the trail never claims a backup that failed; the
    // copy itself ends just before this event.
    if (!source.isArchive()) {
        source.write([&](WriteTransaction& tx) {
            tx.audit(QStringLiteral("workspace.backup"), QStringLiteral("workspace"),
                     {{QStringLiteral("backup"), target}});
        });
    }
}

} // namespace assay
