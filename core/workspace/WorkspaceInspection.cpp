#include "WorkspaceInspection.h"

#include "WorkspaceSchema.h"
#include "core/base/SqlQuery.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>

#include <atomic>

namespace assay {
namespace {

QString uniqueConnectionName() {
    static std::atomic<int> counter{0};
    return QStringLiteral("assay-inspect-%1").arg(++counter);
}

bool hasSqliteHeader(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(16) == QByteArray("SQLite format 3\0", 16);
}

WorkspaceInspection readPragmas(const QString& path, const QString& connectionName, int busyTimeoutMs) {
    WorkspaceInspection result;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    if (!db.open()) {
        result.kind = WorkspaceInspection::Kind::NotSqlite;
        result.detail = db.lastError().text();
        return result;
    }
    QSqlQuery query(db);
    auto pragma = [&query](const QString& sql, bool* ok) {
        *ok = query.exec(sql) && query.next();
        return *ok ? query.value(0).toInt() : 0;
    };
    bool ok = false;
    result.applicationId = pragma(QStringLiteral("PRAGMA application_id"), &ok);
    if (!ok) {
        result.kind = SqlQuery::isBusy(query.lastError()) ? WorkspaceInspection::Kind::Busy
                                                          : WorkspaceInspection::Kind::NotSqlite;
        result.detail = query.lastError().text();
        return result;
    }
    result.schemaVersion = pragma(QStringLiteral("PRAGMA user_version"), &ok);
    const int tableCount = pragma(QStringLiteral("SELECT count(*) FROM sqlite_schema"), &ok);
    if (result.applicationId == WorkspaceSchema::applicationId)
        result.kind = WorkspaceInspection::Kind::Workspace;
    else if (result.applicationId == 0 && result.schemaVersion == 0 && tableCount == 0)
        result.kind = WorkspaceInspection::Kind::EmptySqlite;
    else
        result.kind = WorkspaceInspection::Kind::OtherApplication;
    return result;
}

// The application_id field of the SQLite header (big-endian, at byte 68), read from the file.
quint32 headerApplicationId(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray header = file.read(72);
    return header.size() == 72 ? qFromBigEndian<quint32>(header.constData() + 68) : 0;
}

// A process killed while writing under the rollback journal (network filesystems) leaves a hot
// journal, which only a connection that may write can roll back: until then a read-only
// connection cannot read the file at all. A workspace is rolled back as any SQLite user would,
// by reading it once through a writable connection; another application's file is not touched.
bool rollBackHotJournal(const QString& path) {
    if (!QFileInfo::exists(path + QStringLiteral("-journal")) ||
        headerApplicationId(path) != static_cast<quint32>(WorkspaceSchema::applicationId))
        return false;
    const QString connectionName = uniqueConnectionName();
    bool rolledBack = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery query(db);
            rolledBack = query.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema"));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    return rolledBack;
}

WorkspaceInspection inspectSqlite(const QString& path, int busyTimeoutMs) {
    const QString connectionName = uniqueConnectionName();
    WorkspaceInspection result = readPragmas(path, connectionName, busyTimeoutMs);
    QSqlDatabase::removeDatabase(connectionName);
    return result;
}

} // namespace

WorkspaceInspection WorkspaceInspection::inspect(const QString& path, int busyTimeoutMs) {
    if (!QFileInfo::exists(path))
        return {};
    if (!hasSqliteHeader(path))
        return {Kind::NotSqlite, 0, 0, QStringLiteral("it does not start with the SQLite file header")};
    WorkspaceInspection result = inspectSqlite(path, busyTimeoutMs);
    if (result.kind == Kind::NotSqlite && rollBackHotJournal(path))
        result = inspectSqlite(path, busyTimeoutMs);
    return result;
}

} // namespace assay
