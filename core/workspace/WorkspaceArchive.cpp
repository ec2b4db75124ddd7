#include "WorkspaceArchive.h"

#include "Workspace.h"
#include "WriteTransaction.h"
#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTimeZone>

#include <atomic>

namespace assay {

namespace {

QString quoted(const QString& text) {
    QString escaped = text;
    escaped.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

// Marks the copy as an archive and takes it out of WAL mode, which a read-only open could not
// use; then the file itself is made read-only as well.
void seal(const QString& path, const QString& description) {
    static std::atomic<int> counter{0};
    const QString name = QStringLiteral("assay-archive-%1").arg(++counter);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            throw AssayError(
                QStringLiteral("Cannot open the archive %1: %2").arg(path, db.lastError().text()));
        SqlQuery::run(db, QStringLiteral("PRAGMA journal_mode = DELETE"));
        SqlQuery::run(
            db, QStringLiteral("INSERT OR REPLACE INTO workspace_meta (key, value) VALUES ('archive', ?)"),
            {description});
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
}

} // namespace

void WorkspaceArchive::create(Workspace& source, const QString& outPath) {
    const QString target = QFileInfo(outPath).absoluteFilePath();
    if (QFileInfo::exists(target))
        throw AssayError(
            QStringLiteral("%1 already exists; an archive is written to a new file.").arg(target));
    if (source.isArchive())
        throw AssayError(
            QStringLiteral("%1 is an archive already; copy the file itself.").arg(source.path()));
    const QString when = QDateTime::fromMSecsSinceEpoch(source.now(), QTimeZone::utc())
                             .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    source.write([&](WriteTransaction& tx) {
        tx.audit(QStringLiteral("workspace.archive"), QStringLiteral("workspace"),
                 {{QStringLiteral("archive"), target}});
    });
    const QString description =
        QStringLiteral("made on %1 by %2 from %3").arg(when, source.actor(), source.path());
    try {
        SqlQuery::run(source.database(), QStringLiteral("VACUUM INTO %1").arg(quoted(target)));
        seal(target, description);
    } catch (...) {
        QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
        QFile::remove(target);
        throw;
    }
}

} // namespace assay
