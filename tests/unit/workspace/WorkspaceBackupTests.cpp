#include "core/audit/WorkspaceIntegrity.h"
#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"
#include "core/demo/DemoWorkspace.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/WorkspaceBackup.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::TemporaryWorkspace;

namespace {

qint64 runCount(const Workspace& workspace) {
    return SqlQuery::scalar(workspace.database(), QStringLiteral("SELECT count(*) FROM runs")).toLongLong();
}

QString lastAction(const Workspace& workspace) {
    return SqlQuery::scalar(workspace.database(),
                            QStringLiteral("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1"))
        .toString();
}

void addRun(Workspace& workspace, const QString& name) {
    workspace.write([&](WriteTransaction& tx) {
        Run run;
        run.experimentId = Tracking::ensureExperiment(tx, QStringLiteral("backup"));
        run.name = name;
        Tracking::createRun(tx, run);
    });
}

QStringList filesIn(const QString& dir) {
    return QDir(dir).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

} // namespace

TEST_CASE("A backup is a single verified file that opens as the same workspace", "[backup]") {
    TemporaryWorkspace ws;
    DemoWorkspace::populate(ws.workspace());
    const QString target = ws.file(QStringLiteral("copy.assay"));
    int lastDone = -1;
    int lastTotal = 0;
    WorkspaceBackup::create(ws.workspace(), target, WorkspaceBackup::Existing::Refuse,
                            [&](int done, int total) {
                                CHECK(done >= 0);
                                lastDone = done;
                                lastTotal = total;
                                return true;
                            });

    CHECK(lastTotal > 0);
    CHECK(lastDone == lastTotal);
    CHECK_FALSE(QFileInfo::exists(target + QStringLiteral("-wal")));
    CHECK(lastAction(ws.workspace()) == QLatin1String("workspace.backup"));
    const auto copy = Workspace::open(target);
    CHECK(runCount(*copy) == runCount(ws.workspace()));
    CHECK(SqlQuery::scalar(copy->database(), QStringLiteral("PRAGMA integrity_check")).toString() ==
          QLatin1String("ok"));
    CHECK(WorkspaceIntegrity::check(*copy).isIntact());
    // The copy ends just before the source recorded the backup.
    CHECK(lastAction(*copy) != QLatin1String("workspace.backup"));
}

TEST_CASE("A backup copies a workspace that another connection keeps writing to", "[backup]") {
    TemporaryWorkspace ws;
    DemoWorkspace::populate(ws.workspace());
    const auto pipeline = ws.reopen(QStringLiteral("pipeline"));
    int writes = 0;
    // A commit by another connection between steps restarts the copy; a few pages per step and a
    // write at every step would restart it forever without the one-step fallback.
    WorkspaceBackup::create(
        ws.workspace(), ws.file(QStringLiteral("copy.assay")), WorkspaceBackup::Existing::Refuse,
        [&](int, int) {
            addRun(*pipeline, QStringLiteral("during backup %1").arg(++writes));
            return true;
        },
        8);
    CHECK(writes > 3);
    const auto copy = Workspace::open(ws.file(QStringLiteral("copy.assay")));
    CHECK(WorkspaceIntegrity::check(*copy).isIntact());
    CHECK(runCount(*copy) >= DemoWorkspace::totalRuns());
}

TEST_CASE("A cancelled backup leaves no file and records nothing", "[backup]") {
    TemporaryWorkspace ws;
    DemoWorkspace::populate(ws.workspace());
    const QStringList before = filesIn(ws.dir());
    const QString target = ws.file(QStringLiteral("copy.assay"));
    const QString lastBefore = lastAction(ws.workspace());
    int steps = 0;
    CHECK_THROWS_WITH(WorkspaceBackup::create(
                          ws.workspace(), target, WorkspaceBackup::Existing::Refuse,
                          [&](int, int) { return ++steps < 3; }, 16),
                      Catch::Contains("cancelled"));
    CHECK(steps == 3);
    CHECK_FALSE(QFileInfo::exists(target));
    CHECK(filesIn(ws.dir()) == before);
    CHECK(lastAction(ws.workspace()) == lastBefore);
}

TEST_CASE("A backup refuses an existing file unless told to replace it, and never the workspace itself",
          "[backup]") {
    TemporaryWorkspace ws;
    addRun(ws.workspace(), QStringLiteral("first"));
    const QString target = ws.file(QStringLiteral("copy.assay"));
    QFile existing(target);
    REQUIRE(existing.open(QIODevice::WriteOnly));
    existing.write("not a workspace");
    existing.close();

    CHECK_THROWS_WITH(WorkspaceBackup::create(ws.workspace(), target),
                      Catch::Contains("copy.assay already exists"));
    CHECK_THROWS_WITH(WorkspaceBackup::create(ws.workspace(), ws.path()),
                      Catch::Contains("is the workspace itself"));
    CHECK_THROWS_WITH(WorkspaceBackup::create(ws.workspace(), ws.file(QStringLiteral("no/such/dir/x.assay"))),
                      Catch::Contains("no such folder"));

    WorkspaceBackup::create(ws.workspace(), target, WorkspaceBackup::Existing::Replace);
    CHECK(runCount(*Workspace::open(target)) == 1);
}
