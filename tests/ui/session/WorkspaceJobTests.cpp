#include "core/demo/DemoWorkspace.h"
#include "core/tracking/RunQuery.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/Workspace.h"
#include "tests/support/MlflowStoreWriter.h"
#include "tests/support/TemporaryWorkspace.h"
#include "tests/ui/support/UiTestData.h"
#include "ui/session/WorkspaceJob.h"
#include "ui/session/WorkspaceJobs.h"

#include <QSignalSpy>
#include <QThread>

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::TemporaryWorkspace;

TEST_CASE("A demo fill runs off the GUI thread, reports progress and commits", "[workspacejob]") {
    TemporaryWorkspace ws(QStringLiteral("alice"));
    WorkspaceJob fill;
    QSignalSpy progress(&fill, &WorkspaceJob::progress);
    QSignalSpy succeeded(&fill, &WorkspaceJob::succeeded);
    QSignalSpy failed(&fill, &WorkspaceJob::failed);
    // Progress signals must be delivered on the GUI thread, where the dialog lives.
    bool progressOnGuiThread = true;
    QObject::connect(&fill, &WorkspaceJob::progress, &fill, [&] {
        progressOnGuiThread = progressOnGuiThread && QThread::currentThread() == fill.thread();
    });

    fill.start(ws.path(), QStringLiteral("alice"), WorkspaceJobs::demoFill());
    CHECK(fill.isRunning());
    REQUIRE(test::waitFor([&] { return !succeeded.isEmpty() || !failed.isEmpty(); }, 60'000));
    REQUIRE(succeeded.size() == 1);
    CHECK(progressOnGuiThread);
    REQUIRE(progress.size() == DemoWorkspace::totalRuns());
    CHECK(progress.last().at(0).toInt() == DemoWorkspace::totalRuns());

    // The fixture's own connection sees what the worker's connection committed.
    CHECK(Tracking(ws.workspace()).experiments().size() == 3);
    CHECK(RunQuery(ws.workspace()).count({}) >= DemoWorkspace::totalRuns());
}

TEST_CASE("Cancelling a demo fill rolls it back and says so", "[workspacejob]") {
    TemporaryWorkspace ws;
    WorkspaceJob fill;
    QSignalSpy failed(&fill, &WorkspaceJob::failed);
    fill.start(ws.path(), {}, WorkspaceJobs::demoFill());
    // At once: the worker checks the flag after its first run, whatever the machine's speed.
    fill.cancel();
    REQUIRE(test::waitFor([&] { return !failed.isEmpty(); }, 60'000));
    CHECK(failed.first().at(1).toBool());
    CHECK(failed.first().at(0).toString().contains(QLatin1String("cancelled")));
    CHECK(Tracking(ws.workspace()).experiments().isEmpty());
    CHECK(RunQuery(ws.workspace()).count({}) == 0);
}

TEST_CASE("A demo fill into a workspace with experiments fails with core's reason", "[workspacejob]") {
    TemporaryWorkspace ws;
    test::addRuns(ws.workspace(), QStringLiteral("existing"), QStringLiteral("e"), 1, 1'700'000'000'000,
                  false);
    WorkspaceJob fill;
    QSignalSpy failed(&fill, &WorkspaceJob::failed);
    fill.start(ws.path(), {}, WorkspaceJobs::demoFill());
    REQUIRE(test::waitFor([&] { return !failed.isEmpty(); }));
    CHECK_FALSE(failed.first().at(1).toBool());
    CHECK(failed.first().at(0).toString().contains(QLatin1String("has experiments already")));
}

namespace {

// A small mlruns/ tree: one experiment, two runs with a metric history, and one malformed line.
QString writeMlruns(const QString& root) {
    using test::MlflowStoreWriter;
    MlflowStoreWriter::write(
        root + QStringLiteral("/1/meta.yaml"),
        MlflowStoreWriter::experimentMeta(QStringLiteral("1"), QStringLiteral("imported")));
    for (const char* id : {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"}) {
        const QString run = root + QStringLiteral("/1/") + QLatin1String(id);
        MlflowStoreWriter::write(run + QStringLiteral("/meta.yaml"),
                                 MlflowStoreWriter::runMeta(QLatin1String(id), QStringLiteral("1"), 3,
                                                            1'700'000'000'000, 1'700'000'100'000));
        MlflowStoreWriter::write(run + QStringLiteral("/metrics/loss"),
                                 "1700000001000 0.9 0\n1700000002000 0.5 1\nnot a metric line\n");
        MlflowStoreWriter::write(run + QStringLiteral("/params/lr"), "0.1");
    }
    return root;
}

} // namespace

TEST_CASE("An MLflow import runs as a job and reports what came over and what was skipped",
          "[workspacejob][mlflow]") {
    TemporaryWorkspace ws;
    const QString mlruns = writeMlruns(ws.file(QStringLiteral("mlruns")));
    WorkspaceJob job;
    QSignalSpy succeeded(&job, &WorkspaceJob::succeeded);
    QSignalSpy failed(&job, &WorkspaceJob::failed);
    job.start(ws.path(), {}, WorkspaceJobs::mlflowImport(mlruns));
    REQUIRE(test::waitFor([&] { return !succeeded.isEmpty() || !failed.isEmpty(); }, 60'000));
    REQUIRE(succeeded.size() == 1);
    const auto result = succeeded.first().first().value<WorkspaceJobResult>();
    CHECK(result.summary.contains(QLatin1String("runs: 2 added, 0 updated")));
    CHECK(result.summary.contains(QLatin1String("metric points: 4 added")));
    CHECK(result.summary.contains(QLatin1String("skipped: 2 items")));
    CHECK(result.details.count(QLatin1Char('\n')) == 1);
    CHECK(result.details.contains(QLatin1String("metrics/loss:3")));
    CHECK(RunQuery(ws.workspace()).count({}) == 2);
}

TEST_CASE("A failed MLflow import reports core's reason", "[workspacejob][mlflow]") {
    TemporaryWorkspace ws;
    WorkspaceJob job;
    QSignalSpy failed(&job, &WorkspaceJob::failed);
    job.start(ws.path(), {}, WorkspaceJobs::mlflowImport(ws.file(QStringLiteral("no-such-store"))));
    REQUIRE(test::waitFor([&] { return !failed.isEmpty(); }, 60'000));
    CHECK_FALSE(failed.first().at(1).toBool());
    CHECK(failed.first().at(0).toString().contains(QLatin1String("no-such-store")));
}
