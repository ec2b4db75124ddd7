// A process killed while writing under the rollback journal (network filesystems) leaves a hot
// journal beside the file. The next Assay to open it must roll that back and open the workspace,
// not refuse it as "not an Assay workspace".
#include "core/audit/WorkspaceIntegrity.h"
#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/Workspace.h"
#include "tests/support/TemporaryWorkspace.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::runCommand;
using assay::test::sha256OfFile;

namespace {

// Copies path and its journal as they are in the middle of a large transaction that has written
// to the file itself: what a process killed at that moment leaves.
void copyMidTransaction(const QString& path, const QString& copy) {
    const QString name = QStringLiteral("crashing-writer");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        REQUIRE(db.open());
        QSqlQuery query(db);
        REQUIRE(query.exec(QStringLiteral("PRAGMA journal_mode = delete")));
        REQUIRE(query.exec(QStringLiteral("PRAGMA cache_size = 1"))); // spill pages into the file
        REQUIRE(query.exec(QStringLiteral("BEGIN IMMEDIATE")));
        REQUIRE(query.exec(QStringLiteral("CREATE TABLE scratch(x)")));
        REQUIRE(query.exec(QStringLiteral("INSERT INTO scratch SELECT randomblob(4000) FROM (WITH RECURSIVE "
                                          "n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) "
                                          "SELECT i FROM n)")));
        REQUIRE(QFile::exists(path + QStringLiteral("-journal")));
        REQUIRE(QFile::copy(path, copy));
        REQUIRE(QFile::copy(path + QStringLiteral("-journal"), copy + QStringLiteral("-journal")));
        REQUIRE(query.exec(QStringLiteral("ROLLBACK")));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

TEST_CASE("A workspace left with a hot journal by a killed writer opens, rolled back and sound",
          "[workspace][journal]") {
    QTemporaryDir dir;
    WorkspaceOptions options;
    options.networkFileSystem = true;
    options.actor = QStringLiteral("tester");
    const QString path = dir.filePath(QStringLiteral("shared.assay"));
    Workspace::create(path, options)->write([](WriteTransaction& tx) {
        Tracking::createExperiment(tx, QStringLiteral("kept"));
    });
    const QString crashed = dir.filePath(QStringLiteral("crashed.assay"));
    copyMidTransaction(path, crashed);

    std::unique_ptr<Workspace> workspace;
    REQUIRE_NOTHROW(workspace = Workspace::open(crashed, options));
    CHECK_FALSE(QFile::exists(crashed + QStringLiteral("-journal")));
    CHECK(SqlQuery::scalar(workspace->database(), QStringLiteral("PRAGMA integrity_check")).toString() ==
          QLatin1String("ok"));
    CHECK(SqlQuery::scalar(workspace->database(),
                           QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'scratch'"))
              .toInt() == 0);
    CHECK(Tracking(*workspace).experimentByName(QStringLiteral("kept")).has_value());
    CHECK(WorkspaceIntegrity::check(*workspace).isIntact());
}

TEST_CASE("Another application's database with a hot journal is refused and left untouched",
          "[workspace][journal]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.db"));
    REQUIRE(runCommand(QStringLiteral("sqlite3"),
                       {path, QStringLiteral("PRAGMA application_id = 1234; CREATE TABLE t(x); INSERT INTO t "
                                             "VALUES (1);")}) == 0);
    const QString crashed = dir.filePath(QStringLiteral("crashed.db"));
    copyMidTransaction(path, crashed);
    const QByteArray file = sha256OfFile(crashed);
    const QByteArray journal = sha256OfFile(crashed + QStringLiteral("-journal"));

    CHECK_THROWS_WITH(Workspace::open(crashed), Catch::Contains("not an Assay workspace"));
    CHECK(sha256OfFile(crashed) == file);
    CHECK(sha256OfFile(crashed + QStringLiteral("-journal")) == journal);
}
