#pragma once

#include "ChangeSet.h"
#include "JournalMode.h"
#include "WorkspaceOptions.h"
#include "core/base/Clock.h"

#include <QObject>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <functional>
#include <memory>
#include <unordered_map>

namespace assay {

class WriteTransaction;

// One open .assay file (DESIGN §3): a SQLite database with Assay's application_id, migrated to
// the current schema, on a connection owned by the thread that opened it. It is the only way to
// change the data: write() runs a body in a BEGIN IMMEDIATE transaction that must record an
// audit event, and emits changed() after the commit.
class Workspace : public QObject {
    Q_OBJECT

public:
    // Opens an existing workspace (or creates it when options.createIfMissing). Refuses, with a
    // message naming the file and the reason, a file that is not an Assay workspace or that a
    // newer Assay wrote; such a file is left byte-for-byte untouched.
    static std::unique_ptr<Workspace> open(const QString& path, const WorkspaceOptions& options = {});
    // Creates a new workspace; refuses a path that already exists.
    static std::unique_ptr<Workspace> create(const QString& path, const WorkspaceOptions& options = {});
    static QString defaultPath();

    ~Workspace() override;

    const QString& path() const { return m_path; }
    const QString& actor() const { return m_actor; }
    JournalMode journalMode() const { return m_journalMode; }
    int schemaVersion() const { return m_schemaVersion; }
    // The copy VACUUM INTO made before this open migrated the file; empty if it did not migrate.
    const QString& migrationBackupPath() const { return m_migrationBackupPath; }
    qint64 now() const { return m_clock(); }

    // A read-only archive for auditors (WorkspaceArchive): opened read-only; write() refuses.
    bool isArchive() const { return !m_archive.isEmpty(); }
    // "made on 2026-11-23 14:02 UTC by rita from /data/credit.assay"; empty for a workspace.
    const QString& archiveDescription() const { return m_archive; }

    const QSqlDatabase& database() const { return m_db; }
    QSqlQuery& cachedQuery(const QString& sql);

    void write(const std::function<void(WriteTransaction&)>& body);

    // True once after another connection (another process, or a worker thread) committed to the
    // file since the last call; this connection's own commits do not count. Cheap enough to
    // poll every second: it reads SQLite's PRAGMA data_version. False, until the next call, while
    // other processes keep the file locked.
    bool takeExternalChanges();

signals:
    void changed(const assay::ChangeSet& changes);

private:
    Workspace(const QString& path, const WorkspaceOptions& options);

    void createFile(const WorkspaceOptions& options, int version);
    void openConnection(const WorkspaceOptions& options);
    void closeConnection();
    void applyPragmas(bool networkFileSystem, bool memoryMapped);
    QString readArchiveMark() const;
    void initialize(int targetVersion, std::optional<qint64> createdAt);
    void migrateIfNeeded();
    void beginImmediate();
    void commit();
    void rollbackQuietly();

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    QString m_actor;
    Clock m_clock;
    JournalMode m_journalMode = JournalMode::Wal;
    int m_schemaVersion = 0;
    int m_writeAttempts = 5;
    int m_busyTimeoutMs = 2000;
    bool m_inWrite = false;
    qint64 m_dataVersion = -1;
    QString m_migrationBackupPath;
    QString m_archive;
    std::unordered_map<QString, QSqlQuery> m_statementCache;
};

} // namespace assay
