#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/AuditLog.h"
#include "core/workspace/WorkspaceSchema.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::runCommand;
using assay::test::sha256OfFile;
using assay::test::TemporaryWorkspace;

namespace {

QVariant pragma(const Workspace& workspace, const char* name) {
    return SqlQuery::scalar(workspace.database(), QStringLiteral("PRAGMA ") + QLatin1String(name));
}

QString refusalMessage(const QString& path) {
    try {
        Workspace::open(path);
    } catch (const AssayError& error) {
        return error.message();
    }
    return {};
}

void writeFile(const QString& path, const QByteArray& content) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(content);
}

} // namespace

TEST_CASE("A new workspace carries Assay's id, the schema version and the pragmas", "[workspace]") {
    TemporaryWorkspace ws;
    CHECK(pragma(ws.workspace(), "application_id").toInt() == WorkspaceSchema::applicationId);
    CHECK(pragma(ws.workspace(), "user_version").toInt() == WorkspaceSchema::currentVersion());
    CHECK(pragma(ws.workspace(), "foreign_keys").toInt() == 1);
    CHECK(pragma(ws.workspace(), "journal_mode").toString() == QLatin1String("wal"));
    CHECK(ws->journalMode() == JournalMode::Wal);
    CHECK(ws->schemaVersion() == WorkspaceSchema::currentVersion());
    CHECK(QFileInfo(ws.path()).fileName() == QLatin1String("test.assay"));

    const AuditVerification audit = AuditLog::verify(ws->database());
    CHECK(audit.intact);
    CHECK(audit.eventCount == 2); // workspace.create, then user.add for the first admin
}

TEST_CASE("A connection reads through a memory map unless it walks the whole file", "[workspace]") {
    TemporaryWorkspace ws;
    CHECK(pragma(ws.workspace(), "mmap_size").toLongLong() > 0);
    WorkspaceOptions options;
    options.memoryMapped = false;
    const std::unique_ptr<Workspace> streaming = Workspace::open(ws.path(), options);
    CHECK(pragma(*streaming, "mmap_size").toLongLong() == 0);
}

TEST_CASE("Foreign keys are enforced", "[workspace]") {
    TemporaryWorkspace ws;
    Run orphan;
    orphan.experimentId = 999;
    CHECK_THROWS_AS(ws->write([&](WriteTransaction& tx) { Tracking::createRun(tx, orphan); }), AssayError);
}

TEST_CASE("On a network filesystem the workspace uses the rollback journal with full sync", "[workspace]") {
    QTemporaryDir dir;
    WorkspaceOptions options;
    options.networkFileSystem = true;
    const auto workspace = Workspace::create(dir.filePath(QStringLiteral("share.assay")), options);
    CHECK(workspace->journalMode() == JournalMode::Rollback);
    CHECK(pragma(*workspace, "journal_mode").toString() == QLatin1String("delete"));
    CHECK(pragma(*workspace, "synchronous").toInt() == 2); // FULL
}

TEST_CASE("Creating over an existing file is refused", "[workspace]") {
    TemporaryWorkspace ws;
    CHECK_THROWS_WITH(Workspace::create(ws.path()), Catch::Contains("already exists"));
}

TEST_CASE("Files that are not workspaces are refused and left byte-for-byte untouched", "[workspace]") {
    QTemporaryDir dir;

    SECTION("a text file") {
        const QString path = dir.filePath(QStringLiteral("notes.assay"));
        writeFile(path, "these are my notes, not a database\n");
        const QByteArray before = sha256OfFile(path);
        const QString message = refusalMessage(path);
        CHECK(message.contains(path));
        CHECK(message.contains(QLatin1String("not an Assay workspace")));
        CHECK(message.contains(QLatin1String("SQLite file header")));
        CHECK(sha256OfFile(path) == before);
    }
    SECTION("another application's SQLite database") {
        const QString path = dir.filePath(QStringLiteral("other.db"));
        REQUIRE(
            runCommand(QStringLiteral("sqlite3"),
                       {path, QStringLiteral("PRAGMA application_id = 1234; CREATE TABLE t(x); INSERT INTO t "
                                             "VALUES (1);")}) == 0);
        const QByteArray before = sha256OfFile(path);
        const QString message = refusalMessage(path);
        CHECK(message.contains(path));
        CHECK(message.contains(QLatin1String("another application (application_id 1234)")));
        CHECK(sha256OfFile(path) == before);
    }
    SECTION("an SQLite database without an application id") {
        const QString path = dir.filePath(QStringLiteral("plain.db"));
        REQUIRE(runCommand(QStringLiteral("sqlite3"), {path, QStringLiteral("CREATE TABLE t(x);")}) == 0);
        const QByteArray before = sha256OfFile(path);
        CHECK(refusalMessage(path).contains(QLatin1String("not an Assay workspace")));
        CHECK(sha256OfFile(path) == before);
    }
    SECTION("an empty file") {
        const QString path = dir.filePath(QStringLiteral("empty.assay"));
        writeFile(path, {});
        CHECK(refusalMessage(path).contains(QLatin1String("not an Assay workspace")));
        CHECK(QFileInfo(path).size() == 0);
    }
    SECTION("a missing file") {
        CHECK(refusalMessage(dir.filePath(QStringLiteral("nowhere.assay")))
                  .contains(QLatin1String("no such workspace")));
    }
}

TEST_CASE("A workspace written by a newer Assay is refused and left untouched", "[workspace]") {
    TemporaryWorkspace ws;
    const QString path = ws.path();
    ws.close();
    const int newer = WorkspaceSchema::currentVersion() + 1;
    REQUIRE(runCommand(QStringLiteral("sqlite3"),
                       {path, QStringLiteral("PRAGMA user_version = %1;").arg(newer)}) == 0);
    const QByteArray before = sha256OfFile(path);
    const QString message = refusalMessage(path);
    CHECK(message.contains(path));
    CHECK(message.contains(QLatin1String("newer Assay")));
    CHECK(message.contains(QStringLiteral("schema %1").arg(newer)));
    CHECK(sha256OfFile(path) == before);
}

TEST_CASE("An older workspace is migrated after a VACUUM INTO backup", "[workspace]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.assay"));
    {
        WorkspaceOptions old;
        old.createAtVersion = 1;
        const auto workspace = Workspace::create(path, old);
        REQUIRE(workspace->schemaVersion() == 1);
        workspace->write(
            [](WriteTransaction& tx) { Tracking::createExperiment(tx, QStringLiteral("kept")); });
    }
    const auto migrated = Workspace::open(path);
    CHECK(migrated->schemaVersion() == WorkspaceSchema::currentVersion());
    CHECK(pragma(*migrated, "user_version").toInt() == WorkspaceSchema::currentVersion());
    CHECK(Tracking(*migrated).experimentByName(QStringLiteral("kept")).has_value());
    // The registry tables of version 2 exist now.
    CHECK(SqlQuery::scalar(migrated->database(), QStringLiteral("SELECT count(*) FROM registered_models"))
              .toInt() == 0);

    const QString backup = migrated->migrationBackupPath();
    REQUIRE_FALSE(backup.isEmpty());
    REQUIRE(QFileInfo::exists(backup));
    const auto backupWorkspaceCheck = [&] {
        QByteArray output;
        runCommand(QStringLiteral("sqlite3"),
                   {backup, QStringLiteral("PRAGMA user_version; PRAGMA application_id;")}, &output);
        return output.trimmed();
    };
    CHECK(backupWorkspaceCheck() == QByteArray("1\n") + QByteArray::number(WorkspaceSchema::applicationId));

    const AuditVerification audit = AuditLog::verify(migrated->database());
    CHECK(audit.intact);
    CHECK(
        SqlQuery::scalar(migrated->database(),
                         QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'workspace.migrate'"))
            .toInt() == 1);
}

TEST_CASE("A write that records no audit event is rolled back", "[workspace][audit]") {
    TemporaryWorkspace ws;
    CHECK_THROWS_WITH(ws->write([](WriteTransaction& tx) {
        tx.run(QStringLiteral(
            "INSERT INTO experiments (name, created_at, created_by) VALUES ('sneaky', 0, 'x')"));
    }),
                      Catch::Contains("recorded no audit event"));
    CHECK_FALSE(Tracking(ws.workspace()).experimentByName(QStringLiteral("sneaky")).has_value());
}

TEST_CASE("A failing write leaves nothing behind and emits no change", "[workspace]") {
    TemporaryWorkspace ws;
    QSignalSpy changed(&ws.workspace(), &Workspace::changed);
    const qint64 eventsBefore = AuditLog::verify(ws->database()).eventCount;
    CHECK_THROWS_AS(ws->write([](WriteTransaction& tx) {
        Tracking::createExperiment(tx, QStringLiteral("first"));
        Tracking::createExperiment(tx, QStringLiteral("first")); // duplicate name
    }),
                    AssayError);
    CHECK(Tracking(ws.workspace()).experiments().isEmpty());
    CHECK(changed.count() == 0);
    CHECK(AuditLog::verify(ws->database()).eventCount == eventsBefore);
}

TEST_CASE("A committed write emits one typed change set", "[workspace]") {
    TemporaryWorkspace ws;
    QSignalSpy changed(&ws.workspace(), &Workspace::changed);
    qint64 id = 0;
    ws->write([&](WriteTransaction& tx) { id = Tracking::createExperiment(tx, QStringLiteral("e")); });
    REQUIRE(changed.count() == 1);
    const auto changes = changed.first().first().value<ChangeSet>();
    CHECK(changes.touches(EntityKind::Experiment));
    CHECK(changes.ids(EntityKind::Experiment).contains(id));
    CHECK_FALSE(changes.touches(EntityKind::Run));
}

TEST_CASE("A writer blocked by another connection gives up after bounded retries, writing nothing",
          "[workspace]") {
    TemporaryWorkspace ws;
    QSqlDatabase blocker = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("blocker"));
    {
        blocker.setDatabaseName(ws.path());
        REQUIRE(blocker.open());
        QSqlQuery(blocker).exec(QStringLiteral("BEGIN IMMEDIATE"));

        WorkspaceOptions impatient;
        impatient.busyTimeoutMs = 20;
        impatient.writeAttempts = 3;
        const auto second = Workspace::open(ws.path(), impatient);
        QElapsedTimer timer;
        timer.start();
        CHECK_THROWS_WITH(second->write([](WriteTransaction& tx) {
            Tracking::createExperiment(tx, QStringLiteral("blocked"));
        }),
                          Catch::Contains("is busy") && Catch::Contains("Nothing was written"));
        CHECK(timer.elapsed() < 5000);

        QSqlQuery(blocker).exec(QStringLiteral("ROLLBACK"));
        second->write([](WriteTransaction& tx) { Tracking::createExperiment(tx, QStringLiteral("later")); });
        CHECK(Tracking(*second).experiments().size() == 1);
        blocker.close();
    }
    blocker = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("blocker"));
}

TEST_CASE("On a network share, a reader locked out past its wait is told the workspace is busy, not "
          "\"database is locked\"",
          "[workspace]") {
    QTemporaryDir dir;
    WorkspaceOptions share;
    share.networkFileSystem = true;
    const QString path = dir.filePath(QStringLiteral("share.assay"));
    Workspace::create(path, share);
    QSqlDatabase blocker = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("exclusive"));
    {
        blocker.setDatabaseName(path);
        REQUIRE(blocker.open());
        // With the rollback journal an exclusive lock shuts readers out too, as a writer
        // committing a large transaction on a share does.
        share.busyTimeoutMs = 50;
        const auto reader = Workspace::open(path, share);
        REQUIRE(QSqlQuery(blocker).exec(QStringLiteral("BEGIN EXCLUSIVE")));

        CHECK_THROWS_WITH(Workspace::open(path, share), Catch::Contains("share.assay is busy") &&
                                                            !Catch::Contains("database is locked") &&
                                                            !Catch::Contains("not an Assay workspace"));
        bool refused = false;
        try {
            Tracking(*reader).experiments();
        } catch (const AssayError& error) {
            refused = true;
            CHECK(error.message().contains(QLatin1String("The workspace is busy")));
            CHECK_FALSE(error.message().contains(QLatin1String("database is locked")));
        }
        CHECK(refused);

        REQUIRE(QSqlQuery(blocker).exec(QStringLiteral("ROLLBACK")));
        CHECK(Tracking(*reader).experiments().isEmpty());
        blocker.close();
    }
    blocker = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("exclusive"));
}

TEST_CASE("Nested write transactions are refused", "[workspace]") {
    TemporaryWorkspace ws;
    CHECK_THROWS_WITH(ws->write([&](WriteTransaction& tx) {
        Tracking::createExperiment(tx, QStringLiteral("outer"));
        ws->write(
            [](WriteTransaction& inner) { Tracking::createExperiment(inner, QStringLiteral("inner")); });
    }),
                      Catch::Contains("inside another"));
    CHECK(Tracking(ws.workspace()).experiments().isEmpty());
}

TEST_CASE("The default workspace lives in the application data folder", "[workspace]") {
    CHECK(Workspace::defaultPath().endsWith(QLatin1String("/default.assay")));
    CHECK(Workspace::defaultPath().contains(QLatin1String("assay-tests")));
}

TEST_CASE("A connection notices commits made through another one, not its own", "[workspace]") {
    TemporaryWorkspace ws;
    const auto other = ws.reopen(QStringLiteral("other-process"));
    CHECK_FALSE(ws->takeExternalChanges());
    ws->write([](WriteTransaction& tx) { Tracking::createExperiment(tx, QStringLiteral("mine")); });
    CHECK_FALSE(ws->takeExternalChanges());
    CHECK(other->takeExternalChanges());
    CHECK_FALSE(other->takeExternalChanges()); // once per change
    other->write([](WriteTransaction& tx) { Tracking::createExperiment(tx, QStringLiteral("theirs")); });
    CHECK(ws->takeExternalChanges());
}
