// assay-cli import killed with SIGKILL at random moments (issue 8): after each kill the workspace
// opens, SQLite finds it sound and its audit chain verifies; the import run again completes, and
// what it leaves equals a clean import into a fresh workspace.
#include "core/base/SqlQuery.h"
#include "core/registry/Registry.h"
#include "core/tracking/MetricStore.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/Workspace.h"
#include "tests/support/CliRunner.h"
#include "tests/support/MlflowStoreWriter.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>

#include <catch2/catch.hpp>
#include <cstdio>

using namespace assay;
using namespace assay::test;

namespace {

constexpr int experimentCount = 8;
constexpr int runsPerExperiment = 120;
constexpr int stepsPerMetric = 60;
constexpr int killsWanted = 20;
constexpr qint64 t0 = 1'700'000'000'000;

// An MLflow SQLite store (MLflow's newest DDL) big enough that importing it takes a second or
// two: experiments of runs with params, tags, parents named before they come, and metric
// histories, then registered models with versions and an alias. A database rather than an
// mlruns/ folder: tens of thousands of small files cost more to write and remove than the test.
QString writeStore(const QString& path) {
    MlflowDatabase db(path);
    db.exec(
        QStringLiteral("INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, "
                       "creation_time, last_update_time) VALUES (0, 'Default', 'a', 'active', ?, ?)"),
        {t0, t0});
    db.exec(QStringLiteral(
                "WITH RECURSIVE e(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM e WHERE i < ?) "
                "INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, "
                "creation_time, last_update_time) SELECT i, 'sweep-' || i, 'a', 'active', ?, ? FROM e"),
            {experimentCount, t0, t0});
    // Run j of experiment i has the id printf('%08x%024x', i, j).
    db.exec(
        QStringLiteral(
            "WITH RECURSIVE r(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM r WHERE j < ? - 1) "
            "INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, status, "
            "start_time, end_time, source_version, lifecycle_stage, artifact_uri, experiment_id) "
            "SELECT printf('%08x%024x', e.experiment_id, j), 'run-' || j, 'LOCAL', '', '', 'trainer', "
            "CASE WHEN j % 7 = 0 THEN 'FAILED' ELSE 'FINISHED' END, ? + e.experiment_id * 10000000 + j * "
            "60000, "
            "? + e.experiment_id * 10000000 + j * 60000 + 50000, '', 'active', '', e.experiment_id "
            "FROM experiments e, r WHERE e.experiment_id > 0"),
        {runsPerExperiment, t0, t0});
    db.exec(QStringLiteral("INSERT INTO params (key, value, run_uuid) SELECT 'lr', printf('%g', 0.001 * (1 + "
                           "start_time % 10)), run_uuid FROM runs UNION ALL SELECT 'depth', start_time % 7, "
                           "run_uuid FROM runs"));
    db.exec(
        QStringLiteral("INSERT INTO tags (key, value, run_uuid) SELECT 'mlflow.user', 'trainer', run_uuid "
                       "FROM runs UNION ALL SELECT 'team', CASE WHEN start_time % 2 THEN 'red' ELSE 'blue' "
                       "END, run_uuid FROM runs"));
    // Every tenth run is a child of the run after it: a parent that comes later, as in a sweep.
    db.exec(
        QStringLiteral("INSERT INTO tags (key, value, run_uuid) SELECT 'mlflow.parentRunId', "
                       "printf('%08x%024x', experiment_id, CAST(substr(name, 5) AS INTEGER) + 1), run_uuid "
                       "FROM runs WHERE CAST(substr(name, 5) AS INTEGER) % 10 = 0 AND "
                       "CAST(substr(name, 5) AS INTEGER) < ? - 1"),
        {runsPerExperiment});
    db.exec(
        QStringLiteral("WITH RECURSIVE s(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM s WHERE k < ? - 1), "
                       "m(key) AS (VALUES ('loss'), ('val_loss'), ('accuracy'), ('lr')) "
                       "INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) "
                       "SELECT m.key, 1.0 / (1 + k + start_time % 13), start_time + k * 500, run_uuid, k, 0 "
                       "FROM runs, m, s"),
        {stepsPerMetric});
    for (int model = 1; model <= 3; ++model) {
        const QString name = QStringLiteral("model-%1").arg(model);
        db.exec(QStringLiteral("INSERT INTO registered_models (name, creation_time, last_updated_time, "
                               "description) VALUES (?, ?, ?, '')"),
                {name, t0, t0});
        for (int version = 1; version <= 2; ++version)
            db.exec(
                QStringLiteral("INSERT INTO model_versions (name, version, creation_time, last_updated_time, "
                               "description, user_id, current_stage, source, run_id, status) VALUES (?, ?, "
                               "?, ?, '', 'trainer', 'None', 's', printf('%08x%024x', ?, ?), 'READY')"),
                {name, version, t0 + version, t0 + version, model, version});
        db.exec(QStringLiteral(
                    "INSERT INTO registered_model_aliases (alias, version, name) VALUES ('champion', 2, "
                    "?)"),
                {name});
    }
    return path;
}

QStringList keyValues(const QString& prefix, const QMap<QString, QString>& map) {
    QStringList lines;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        lines << QStringLiteral("%1 %2=%3").arg(prefix, it.key(), it.value());
    return lines;
}

// What an import brought in, one line per fact, sorted: experiments, runs with their attributes,
// params, tags, parents and metric point counts, and models with versions and aliases.
QStringList contentOf(const QString& path) {
    const auto workspace = Workspace::open(path);
    const Tracking tracking(*workspace);
    const MetricStore metrics(*workspace);
    QStringList lines;
    for (const Experiment& experiment : tracking.experiments()) {
        lines << QStringLiteral("experiment %1").arg(experiment.name);
        for (const Run& run : tracking.runs(experiment.id)) {
            const QString prefix = QStringLiteral("run %1/%2").arg(experiment.name, run.uid);
            const QString parent = run.parentRunId ? tracking.run(*run.parentRunId)->uid : QString();
            lines << QStringLiteral("%1 %2 %3 %4 parent=%5 deleted=%6")
                         .arg(prefix, run.name, runStatusName(run.status), run.user, parent)
                         .arg(run.deleted);
            lines << keyValues(prefix + QStringLiteral(" param"), tracking.params(run.id));
            lines << keyValues(prefix + QStringLiteral(" tag"), tracking.tags(run.id));
            for (const MetricSummary& summary : metrics.summaries(run.id))
                lines << QStringLiteral("%1 metric %2 points=%3 stored=%4")
                             .arg(prefix, summary.key)
                             .arg(summary.count)
                             .arg(metrics.series(run.id, summary.key).size());
        }
    }
    const Registry registry(*workspace);
    for (const RegisteredModel& model : registry.models()) {
        for (const ModelVersion& version : registry.versions(model.id))
            lines << QStringLiteral("model %1 v%2 run=%3 stage=%4 aliases=%5")
                         .arg(model.name)
                         .arg(version.version)
                         .arg(version.runUid, version.stage, version.aliases.join(QLatin1Char(',')));
    }
    lines.sort();
    return lines;
}

void checkSameContent(const QStringList& reference, const QStringList& actual) {
    const QSet<QString> expected(reference.cbegin(), reference.cend());
    const QSet<QString> found(actual.cbegin(), actual.cend());
    QStringList missing = QSet<QString>(expected).subtract(found).values();
    QStringList extra = QSet<QString>(found).subtract(expected).values();
    missing.sort();
    extra.sort();
    INFO("missing: " << missing.mid(0, 10).join(QLatin1Char('\n')).toStdString());
    INFO("extra: " << extra.mid(0, 10).join(QLatin1Char('\n')).toStdString());
    CHECK(missing.isEmpty());
    CHECK(extra.isEmpty());
    CHECK(actual.size() == reference.size());
}

// The workspace a killed import left, if it got as far as making one: it opens, SQLite finds it
// sound, and assay-cli verifies its audit chain.
void checkSound(const QString& path) {
    if (!QFile::exists(path))
        return; // killed before the workspace was made: there is nothing to open
    std::unique_ptr<Workspace> workspace;
    REQUIRE_NOTHROW(workspace = Workspace::open(path));
    CHECK(SqlQuery::scalar(workspace->database(), QStringLiteral("PRAGMA integrity_check")).toString() ==
          QLatin1String("ok"));
    workspace.reset();
    const CliResult verified =
        runCli({QStringLiteral("-w"), path, QStringLiteral("audit"), QStringLiteral("verify")});
    INFO(verified.err.toStdString());
    CHECK(verified.status == 0);
}

void removeWorkspace(const QString& path) {
    for (const QString& suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(path + suffix);
}

QStringList importArguments(const QString& store, const QString& workspace) {
    return {QStringLiteral("-w"), workspace, QStringLiteral("import"), QStringLiteral("mlflow"), store};
}

unsigned testSeed() {
    const QByteArray fixed = qgetenv("ASSAY_TEST_SEED");
    return fixed.isEmpty() ? QRandomGenerator::system()->generate() : fixed.toUInt();
}

} // namespace

TEST_CASE("Shared workspace: assay-cli import killed 20 times at random moments leaves a sound workspace, "
          "and run again completes to what a clean import gives",
          "[shared][kill][mlflow]") {
    QElapsedTimer testTime;
    testTime.start();
    QTemporaryDir dir;
    const QString store = writeStore(dir.filePath(QStringLiteral("mlflow.db")));
    const QString reference = dir.filePath(QStringLiteral("reference.assay"));
    QElapsedTimer importTime;
    importTime.start();
    const CliResult clean = runCli(importArguments(store, reference));
    const qint64 importMs = importTime.elapsed();
    INFO(clean.err.toStdString());
    REQUIRE(clean.status == 0);
    const QStringList expected = contentOf(reference);
    REQUIRE(expected.size() > experimentCount * runsPerExperiment);

    const unsigned seed = testSeed();
    std::printf("killed imports: ASSAY_TEST_SEED=%u, a clean import takes %lld ms\n", seed,
                static_cast<long long>(importMs));
    std::fflush(stdout);
    INFO("ASSAY_TEST_SEED=" << seed);
    QRandomGenerator random(seed);
    const QString workspace = dir.filePath(QStringLiteral("killed.assay"));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("ASSAY_USER"), QStringLiteral("ci-bot"));
    int kills = 0;
    int completions = 0;
    // A kill lands anywhere in an import from scratch; an import that ends before its kill is
    // checked against the reference and the next one starts from scratch again.
    for (int attempt = 0; kills < killsWanted; ++attempt) {
        REQUIRE(attempt < 10 * killsWanted);
        const auto delay = static_cast<unsigned long>(random.bounded(static_cast<double>(importMs)));
        QProcess import;
        import.setProcessEnvironment(environment);
        import.start(QStringLiteral(ASSAY_CLI_PATH), importArguments(store, workspace));
        REQUIRE(import.waitForStarted());
        QThread::msleep(delay);
        import.kill();
        import.waitForFinished(60'000);
        INFO("attempt " << attempt << ", kill after " << delay << " ms");
        if (import.exitStatus() == QProcess::CrashExit) {
            ++kills;
            checkSound(workspace);
            continue;
        }
        INFO(import.readAllStandardError().toStdString());
        REQUIRE(import.exitCode() == 0);
        ++completions;
        checkSound(workspace);
        checkSameContent(expected, contentOf(workspace));
        removeWorkspace(workspace);
    }

    const CliResult rerun = runCli(importArguments(store, workspace));
    INFO(rerun.err.toStdString());
    REQUIRE(rerun.status == 0);
    checkSound(workspace);
    checkSameContent(expected, contentOf(workspace));
    // And once more: nothing is left to add.
    const CliResult again = runCli(importArguments(store, workspace));
    CHECK(again.status == 0);
    CHECK(again.out.contains(QLatin1String("runs: 0 added, 0 updated")));
    std::printf("killed imports: %d kills, %d imports completed before their kill, test took %lld ms\n",
                kills, completions, static_cast<long long>(testTime.elapsed()));
    std::fflush(stdout);
}

TEST_CASE("Shared workspace: assay-cli import killed while it creates the workspace leaves no half-made "
          "file, and run again completes",
          "[shared][kill][mlflow]") {
    QTemporaryDir dir;
    const QString store = QStringLiteral(ASSAY_TEST_FIXTURES "/mlflow/mlflow-1.2-with-metrics.db");
    const QString workspace = dir.filePath(QStringLiteral("new.assay"));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("ASSAY_USER"), QStringLiteral("ci-bot"));
    int leftBehind = 0;
    // Kills every few milliseconds from the start sweep the moment the workspace is made, which
    // random moments over a whole import seldom hit.
    for (int delay = 0; delay <= 150; delay += 5) {
        INFO("killed after " << delay << " ms");
        QProcess import;
        import.setProcessEnvironment(environment);
        import.start(QStringLiteral(ASSAY_CLI_PATH), importArguments(store, workspace));
        REQUIRE(import.waitForStarted());
        QThread::msleep(static_cast<unsigned long>(delay));
        import.kill();
        import.waitForFinished(60'000);
        leftBehind += QFile::exists(workspace) ? 1 : 0;
        checkSound(workspace);
        const CliResult rerun = runCli(importArguments(store, workspace));
        INFO(rerun.err.toStdString());
        CHECK(rerun.status == 0);
        removeWorkspace(workspace);
    }
    std::printf("import killed while creating: %d of 31 kills left a workspace behind\n", leftBehind);
    std::fflush(stdout);
}
