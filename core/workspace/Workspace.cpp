#include "Workspace.h"

#include "ActingUser.h"
#include "FileSystemProbe.h"
#include "SqliteBusyWait.h"
#include "WorkspaceInspection.h"
#include "WorkspaceSchema.h"
#include "WriteTransaction.h"
#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"
#include "core/identity/Identity.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSqlError>
#include <QStandardPaths>
#include <QThread>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace assay {
namespace {

QString uniqueConnectionName() {
    static std::atomic<int> counter{0};
    return QStringLiteral("assay-workspace-%1").arg(++counter);
}

QString sqlStringLiteral(const QString& text) {
    QString escaped = text;
    escaped.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

// Links the finished file under its name: a link refuses to replace the workspace another process
// may have created meanwhile, which is then the one opened. Where the filesystem has no hard
// links (FAT, some SMB shares) it is renamed instead.
void moveIntoPlace(const QString& from, const QString& to) {
    const QByteArray source = QFile::encodeName(from);
    const QByteArray target = QFile::encodeName(to);
    if (::link(source.constData(), target.constData()) != 0 && errno != EEXIST && !QFileInfo::exists(to) &&
        ::rename(source.constData(), target.constData()) != 0)
        throw AssayError(
            QStringLiteral("Cannot create %1: %2").arg(to, QString::fromLocal8Bit(std::strerror(errno))));
    QFile::remove(from);
}

void removeWithSidecars(const QString& path) {
    for (const QString& suffix :
         {QString(), QStringLiteral("-journal"), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

void refuseUnlessWorkspace(const QString& path, const WorkspaceInspection& inspection) {
    using Kind = WorkspaceInspection::Kind;
    switch (inspection.kind) {
    case Kind::Missing:
        throw AssayError(QStringLiteral("%1: no such workspace file.").arg(path));
    case Kind::NotSqlite:
        throw AssayError(QStringLiteral("%1 is not an Assay workspace: %2. The file was not changed.")
                             .arg(path, inspection.detail));
    case Kind::EmptySqlite:
        throw AssayError(
            QStringLiteral("%1 is not an Assay workspace: it is an empty SQLite database. The file "
                           "was not changed.")
                .arg(path));
    case Kind::OtherApplication:
        throw AssayError(QStringLiteral("%1 is not an Assay workspace: it is an SQLite database of another "
                                        "application (application_id %2). The file was not changed.")
                             .arg(path)
                             .arg(inspection.applicationId));
    case Kind::Busy:
        throw AssayError(QStringLiteral("%1 is busy: %2").arg(path, SqlQuery::busyExplanation()));
    case Kind::Workspace:
        break;
    }
    if (inspection.schemaVersion > WorkspaceSchema::currentVersion()) {
        throw AssayError(
            QStringLiteral("%1 was written by a newer Assay (workspace schema %2; this Assay reads up "
                           "to %3). Update Assay to open it. The file was not changed.")
                .arg(path)
                .arg(inspection.schemaVersion)
                .arg(WorkspaceSchema::currentVersion()));
    }
}

} // namespace

Workspace::Workspace(const QString& path, const WorkspaceOptions& options)
    : m_path(QFileInfo(path).absoluteFilePath())
    , m_connectionName(uniqueConnectionName())
    , m_actor(options.actor.isEmpty() ? ActingUser::fromEnvironment() : options.actor)
    , m_clock(options.clock ? options.clock : systemClock())
    , m_writeAttempts(std::max(1, options.writeAttempts))
    , m_busyTimeoutMs(options.busyTimeoutMs) {}

Workspace::~Workspace() {
    closeConnection();
}

void Workspace::closeConnection() {
    m_statementCache.clear();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString Workspace::defaultPath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/default.assay");
}

std::unique_ptr<Workspace> Workspace::create(const QString& path, const WorkspaceOptions& options) {
    if (QFileInfo::exists(path))
        throw AssayError(QStringLiteral("%1 already exists; open it instead of creating it.").arg(path));
    WorkspaceOptions creating = options;
    creating.createIfMissing = true;
    return open(path, creating);
}

std::unique_ptr<Workspace> Workspace::open(const QString& path, const WorkspaceOptions& options) {
    const WorkspaceInspection inspection = WorkspaceInspection::inspect(path, options.busyTimeoutMs);
    const bool creating = inspection.kind == WorkspaceInspection::Kind::Missing && options.createIfMissing;
    if (!creating)
        refuseUnlessWorkspace(path, inspection);

    std::unique_ptr<Workspace> workspace(new Workspace(path, options));
    if (creating && !QDir().mkpath(QFileInfo(workspace->m_path).absolutePath()))
        throw AssayError(QStringLiteral("Cannot create the folder for %1.").arg(path));
    if (creating) {
        workspace->createFile(options, options.createAtVersion > 0 ? options.createAtVersion
                                                                   : WorkspaceSchema::currentVersion());
    } else {
        workspace->openConnection(options);
        workspace->m_schemaVersion = inspection.schemaVersion;
        if (workspace->isArchive() && inspection.schemaVersion < WorkspaceSchema::currentVersion())
            throw AssayError(
                QStringLiteral("%1 is a read-only archive at workspace schema %2, and this Assay "
                               "reads schema %3: an archive is never upgraded. Open it with the "
                               "Assay that made it, or upgrade a writable copy.")
                    .arg(path)
                    .arg(inspection.schemaVersion)
                    .arg(WorkspaceSchema::currentVersion()));
        workspace->migrateIfNeeded();
    }
    workspace->takeExternalChanges(); // the baseline that later polls compare with
    return workspace;
}

// Built under a temporary name beside its own and moved into place once its first transaction has
// committed: a process killed while creating a workspace (an import into a new file, say) leaves
// at most a hidden ".NAME.creating-..." file, never a half-made workspace that every later open
// would refuse as "not an Assay workspace".
void Workspace::createFile(const WorkspaceOptions& options, int version) {
    const QString finalPath = m_path;
    const QFileInfo info(finalPath);
    const QString building =
        info.absolutePath() + QStringLiteral("/.%1.creating-%2")
                                  .arg(info.fileName(), QUuid::createUuid().toString(QUuid::Id128).left(12));
    m_path = building;
    try {
        openConnection(options);
        initialize(version, options.createdAt);
        closeConnection(); // the only connection: SQLite folds its WAL into the file and removes it
        m_path = finalPath;
        moveIntoPlace(building, finalPath);
    } catch (...) {
        closeConnection();
        removeWithSidecars(building);
        m_path = finalPath;
        throw;
    }
    openConnection(options);
}

void Workspace::openConnection(const WorkspaceOptions& options) {
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_busyTimeoutMs));
    if (!m_db.open())
        throw AssayError(QStringLiteral("Cannot open %1: %2").arg(m_path, m_db.lastError().text()));
    SqliteBusyWait::install(m_db, m_busyTimeoutMs);
    m_archive = readArchiveMark();
    if (!m_archive.isEmpty()) {
        // Read-only, and before any pragma: even choosing a journal mode would write to the file.
        m_db.close();
        m_db.setConnectOptions(
            QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1").arg(m_busyTimeoutMs));
        if (!m_db.open())
            throw AssayError(QStringLiteral("Cannot open %1: %2").arg(m_path, m_db.lastError().text()));
        SqliteBusyWait::install(m_db, m_busyTimeoutMs);
        SqlQuery::run(m_db, QStringLiteral("PRAGMA foreign_keys = ON"));
        m_journalMode = JournalMode::Rollback;
        return;
    }
    applyPragmas(options.networkFileSystem.value_or(FileSystemProbe::isNetworkFileSystem(m_path)),
                 options.memoryMapped);
}

QString Workspace::readArchiveMark() const {
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT value FROM workspace_meta WHERE key = 'archive'")) ||
        !query.next())
        return {}; // no such table before schema 7, or no mark
    return query.value(0).toString();
}

void Workspace::applyPragmas(bool networkFileSystem, bool memoryMapped) {
    SqlQuery::run(m_db, QStringLiteral("PRAGMA foreign_keys = ON"));
    // WAL needs shared memory between processes, which NFS and SMB do not provide.
    m_journalMode = networkFileSystem ? JournalMode::Rollback : JournalMode::Wal;
    const QString wanted = networkFileSystem ? QStringLiteral("delete") : QStringLiteral("wal");
    const QString actual =
        SqlQuery::scalar(m_db, QStringLiteral("PRAGMA journal_mode = %1").arg(wanted)).toString();
    if (actual.compare(wanted, Qt::CaseInsensitive) != 0)
        throw AssayError(QStringLiteral("Cannot set the journal mode of %1 to %2 (it stays %3).")
                             .arg(m_path, wanted, actual));
    SqlQuery::run(m_db, networkFileSystem ? QStringLiteral("PRAGMA synchronous = FULL")
                                          : QStringLiteral("PRAGMA synchronous = NORMAL"));
    // Reads through a memory map instead of a read() per page: searches that probe runs at random
    // and charts that stream a million points spend their time in SQLite, not in system calls.
    // Never on a network share, where a failing read would kill the process rather than fail.
    if (!networkFileSystem && memoryMapped)
        SqlQuery::run(m_db, QStringLiteral("PRAGMA mmap_size = 2147418112"));
}

void Workspace::initialize(int targetVersion, std::optional<qint64> createdAt) {
    write([&](WriteTransaction& tx) {
        if (createdAt)
            tx.replayAs(tx.actor(), *createdAt);
        tx.run(QStringLiteral("PRAGMA application_id = %1").arg(WorkspaceSchema::applicationId));
        WorkspaceSchema::migrate(m_db, 0, targetVersion);
        tx.audit(QStringLiteral("workspace.create"), QStringLiteral("workspace"),
                 {{QStringLiteral("schema_version"), targetVersion}});
        if (targetVersion >= WorkspaceSchema::identityVersion)
            Identity::bootstrapAdmin(tx);
        tx.changes().addKind(EntityKind::Workspace);
    });
    m_schemaVersion = targetVersion;
}

void Workspace::migrateIfNeeded() {
    const int from = m_schemaVersion;
    const int to = WorkspaceSchema::currentVersion();
    if (from >= to)
        return;
    const QFileInfo info(m_path);
    const QString stamp =
        QDateTime::fromMSecsSinceEpoch(now()).toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    m_migrationBackupPath =
        info.absolutePath() +
        QStringLiteral("/%1.v%2-backup-%3.assay").arg(info.completeBaseName()).arg(from).arg(stamp);
    SqlQuery::run(m_db, QStringLiteral("VACUUM INTO %1").arg(sqlStringLiteral(m_migrationBackupPath)));
    write([&](WriteTransaction& tx) {
        WorkspaceSchema::migrate(m_db, from, to);
        tx.audit(QStringLiteral("workspace.migrate"), QStringLiteral("workspace"),
                 {{QStringLiteral("from_version"), from},
                  {QStringLiteral("to_version"), to},
                  {QStringLiteral("backup"), m_migrationBackupPath}});
        tx.changes().addKind(EntityKind::Workspace);
    });
    m_schemaVersion = to;
}

bool Workspace::takeExternalChanges() {
    QSqlQuery& query = cachedQuery(QStringLiteral("PRAGMA data_version"));
    try {
        SqlQuery::exec(query);
    } catch (const AssayError&) {
        // Others committing back to back (a network share under load) only delay the news, and
        // the GUI polls from a timer, where an exception would end the application.
        if (SqlQuery::isBusy(query.lastError()))
            return false;
        throw;
    }
    const qint64 version = query.next() ? query.value(0).toLongLong() : m_dataVersion;
    query.finish();
    const bool changed = m_dataVersion >= 0 && version != m_dataVersion;
    m_dataVersion = version;
    return changed;
}

QSqlQuery& Workspace::cachedQuery(const QString& sql) {
    auto found = m_statementCache.find(sql);
    if (found == m_statementCache.end())
        found = m_statementCache.emplace(sql, SqlQuery::prepare(m_db, sql)).first;
    return found->second;
}

void Workspace::write(const std::function<void(WriteTransaction&)>& body) {
    if (isArchive())
        throw AssayError(
            QStringLiteral("%1 is a read-only archive for auditors (%2): nothing in it can change. "
                           "Open the workspace it was made from to work on it.")
                .arg(m_path, m_archive));
    if (m_inWrite)
        throw AssayError(
            QStringLiteral("Internal error: a write transaction was opened inside another one."));
    beginImmediate();
    m_inWrite = true;
    WriteTransaction tx(*this);
    try {
        body(tx);
        tx.appendHeldAuditInTimeOrder(); // what the body held back for time order, if anything
        if (tx.auditEventCount() == 0)
            throw AssayError(
                QStringLiteral("Internal error: a change to the workspace recorded no audit event."));
        tx.recordAuditHead();
        commit();
    } catch (...) {
        rollbackQuietly();
        m_inWrite = false;
        throw;
    }
    m_inWrite = false;
    emit changed(tx.changes());
}

void Workspace::beginImmediate() {
    // The busy timeout already waits inside each attempt; the retries add backoff on top so that
    // a long writer in another process does not turn into an error at once.
    for (int attempt = 1; attempt <= m_writeAttempts; ++attempt) {
        QSqlQuery begin(m_db);
        if (begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return;
        if (!SqlQuery::isBusy(begin.lastError()))
            throw AssayError(
                QStringLiteral("Cannot start writing to %1: %2").arg(m_path, begin.lastError().text()));
        QThread::msleep(static_cast<unsigned long>(25 << attempt));
    }
    throw AssayError(
        QStringLiteral("%1 is busy: another process kept it locked for writing through %2 attempts. "
                       "Nothing was written; try again.")
            .arg(m_path)
            .arg(m_writeAttempts));
}

void Workspace::commit() {
    for (int attempt = 1; attempt <= m_writeAttempts; ++attempt) {
        QSqlQuery commitQuery(m_db);
        if (commitQuery.exec(QStringLiteral("COMMIT")))
            return;
        if (!SqlQuery::isBusy(commitQuery.lastError()))
            throw AssayError(QStringLiteral("Cannot save the change to %1: %2")
                                 .arg(m_path, commitQuery.lastError().text()));
        QThread::msleep(static_cast<unsigned long>(25 << attempt));
    }
    throw AssayError(
        QStringLiteral(
            "%1 is busy: other processes kept reading it while this change waited to be saved. Nothing "
            "was written; try again.")
            .arg(m_path));
}

void Workspace::rollbackQuietly() {
    for (auto& [sql, query] : m_statementCache)
        query.finish();
    QSqlQuery rollback(m_db);
    rollback.exec(QStringLiteral("ROLLBACK"));
}

} // namespace assay
