// Importing MLflow SQLite databases: MLflow's own stores at four schema revisions
// (tests/fixtures/mlflow, from MLflow's repository) and databases built with MLflow's newest DDL.
#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"
#include "core/mlflow/MlflowImporter.h"
#include "core/mlflow/MlflowSqliteReader.h"
#include "core/registry/Registry.h"
#include "core/tracking/MetricStore.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/AuditLog.h"
#include "core/workspace/WorkspaceSchema.h"
#include "tests/support/MlflowStoreWriter.h"
#include "tests/support/TemporaryWorkspace.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

using namespace assay;
using assay::test::MlflowDatabase;
using assay::test::sha256OfFile;
using assay::test::TemporaryWorkspace;

namespace {

const QString fixtures = QStringLiteral(ASSAY_TEST_FIXTURES "/mlflow/");

// A copy to import from, so that the fixture itself is never opened.
QString copyOf(const QTemporaryDir& dir, const QString& name) {
    const QString target = dir.filePath(name);
    REQUIRE(QFile::copy(fixtures + name, target));
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
    return target;
}

qint64 count(Workspace& workspace, const QString& sql) {
    return SqlQuery::scalar(workspace.database(), sql).toLongLong();
}

qint64 storedPoints(Workspace& workspace) {
    return count(workspace, QStringLiteral("SELECT COALESCE(SUM(point_count), 0) FROM metric_chunks"));
}

Run runOf(Workspace& workspace, const QString& uid) {
    const std::optional<Run> run = Tracking(workspace).runByUid(uid);
    REQUIRE(run.has_value());
    return *run;
}

MetricSeries seriesOf(Workspace& workspace, const QString& uid, const QString& key) {
    return MetricStore(workspace).series(runOf(workspace, uid).id, key);
}

constexpr qint64 t0 = 1'700'000'000'000;
const QString parentUid = QStringLiteral("11111111111111111111111111111111");
const QString childUid = QStringLiteral("22222222222222222222222222222222");
const QString deletedUid = QStringLiteral("33333333333333333333333333333333");
const QString teamUid = QStringLiteral("44444444444444444444444444444444");

// A database at MLflow's newest schema with the edge cases of the SQL store: is_nan rows,
// infinities stored as the largest doubles, negative steps, a deleted experiment and run, a child
// whose parent comes later, datasets, an MLflow workspace other than the default one, and a
// registry with tags, a deleted version and an alias.
void fillLatest(MlflowDatabase& db) {
    db.exec(QStringLiteral(
                "INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, "
                "creation_time, last_update_time, workspace) VALUES (0, 'Default', 'a', 'active', ?, ?, "
                "'default'), (1, 'churn', 'a', 'active', ?, ?, 'default'), (2, 'old', 'a', 'deleted', ?, "
                "?, 'default'), (3, 'churn', 'a', 'active', ?, ?, 'team-a')"),
            {t0, t0, t0 + 1, t0 + 1, t0 + 2, t0 + 2, t0 + 3, t0 + 3});
    db.exec(QStringLiteral(
        "INSERT INTO experiment_tags (key, value, experiment_id) VALUES ('team', 'retention', 1), "
        "('mlflow.note.content', 'Who leaves, and when', 1)"));
    const QString insertRun = QStringLiteral("INSERT INTO runs (run_uuid, name, source_type, source_name, "
                                             "entry_point_name, user_id, status, start_time, "
                                             "end_time, source_version, lifecycle_stage, artifact_uri, "
                                             "experiment_id) VALUES (?, ?, 'LOCAL', '', '', "
                                             "?, ?, ?, ?, '', ?, '', ?)");
    db.exec(insertRun, {childUid, QStringLiteral("child"), QStringLiteral("ann"), QStringLiteral("KILLED"),
                        t0, t0 + 10, QStringLiteral("active"), 1});
    db.exec(insertRun, {parentUid, QStringLiteral("parent"), QStringLiteral("ann"), QStringLiteral("RUNNING"),
                        t0 + 5, QVariant(QMetaType(QMetaType::LongLong)), QStringLiteral("active"), 1});
    db.exec(insertRun, {deletedUid, QStringLiteral("gone"), QStringLiteral("bo"), QStringLiteral("FAILED"),
                        t0, t0 + 1, QStringLiteral("deleted"), 2});
    db.exec(insertRun, {teamUid, QString(), QStringLiteral("cy"), QStringLiteral("FINISHED"), t0, t0 + 1,
                        QStringLiteral("active"), 3});
    db.exec(QStringLiteral("INSERT INTO tags (key, value, run_uuid) VALUES ('mlflow.parentRunId', ?, ?), "
                           "('mlflow.source.git.commit', 'deadbeef', ?), ('mlflow.runName', 'from-tag', ?), "
                           "('mlflow.user', 'cyrus', ?)"),
            {parentUid, childUid, childUid, teamUid, teamUid});
    db.exec(QStringLiteral(
                "INSERT INTO params (key, value, run_uuid) VALUES ('lr', '0.1', ?), ('depth', '6', ?)"),
            {childUid, childUid});
    const QString insertMetric = QStringLiteral(
        "INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) VALUES (?, ?, ?, ?, ?, ?)");
    const double largest = std::numeric_limits<double>::max();
    db.exec(insertMetric, {QStringLiteral("loss"), 0.5, t0 + 1, childUid, -1, 0});
    db.exec(insertMetric, {QStringLiteral("loss"), 0.0, t0 + 2, childUid, 0, 1}); // NaN
    db.exec(insertMetric, {QStringLiteral("loss"), largest, t0 + 3, childUid, 1, 0});
    db.exec(insertMetric, {QStringLiteral("loss"), -largest, t0 + 4, childUid, 2, 0});
    db.exec(insertMetric, {QStringLiteral("acc"), 0.7, t0 + 1, parentUid, 0, 0});
    db.exec(insertMetric, {QStringLiteral("loss"), 0.25, t0 + 5, childUid, 3, 0});
    db.exec(insertMetric, {QStringLiteral("acc"), 0.9, t0 + 1, deletedUid, 0, 0});
    db.exec(QStringLiteral(
        "INSERT INTO datasets (dataset_uuid, experiment_id, name, digest, dataset_source_type, "
        "dataset_source) VALUES ('ds1', 1, 'customers', 'abc123', 'local', '{\"uri\": "
        "\"c.csv\"}')"));
    db.exec(QStringLiteral("INSERT INTO inputs (input_uuid, source_type, source_id, destination_type, "
                           "destination_id) VALUES ('in1', 'DATASET', 'ds1', 'RUN', ?)"),
            {childUid});
    db.exec(QStringLiteral(
        "INSERT INTO input_tags (input_uuid, name, value) VALUES ('in1', 'mlflow.data.context', "
        "'training')"));
    db.exec(
        QStringLiteral("INSERT INTO registered_models (name, creation_time, last_updated_time, description) "
                       "VALUES ('churn-model', ?, ?, 'Predicts churn')"),
        {t0, t0});
    db.exec(QStringLiteral("INSERT INTO registered_model_tags (key, value, name) VALUES ('owner', 'ann', "
                           "'churn-model')"));
    const QString insertVersion = QStringLiteral(
        "INSERT INTO model_versions (name, version, creation_time, last_updated_time, description, user_id, "
        "current_stage, source, run_id, status) VALUES ('churn-model', ?, ?, ?, '', 'ann', ?, 's', ?, "
        "'READY')");
    db.exec(insertVersion, {1, t0 + 1, t0 + 1, QStringLiteral("Archived"), childUid});
    db.exec(insertVersion, {2, t0 + 2, t0 + 2, QStringLiteral("Deleted_Internal"), childUid});
    db.exec(insertVersion, {3, t0 + 3, t0 + 3, QStringLiteral("Production"), parentUid});
    db.exec(
        QStringLiteral("INSERT INTO registered_model_aliases (alias, version, name) VALUES ('champion', 3, "
                       "'churn-model')"));
}

} // namespace

TEST_CASE("The MLflow 1.2 database: every run, and the latest values MLflow itself gives", "[mlflow]") {
    QTemporaryDir dir;
    const QString source = copyOf(dir, QStringLiteral("mlflow-1.2-with-metrics.db"));
    TemporaryWorkspace ws;
    Workspace& w = ws.workspace();
    const MlflowImportSummary summary = MlflowImporter::importStore(w, source);
    CHECK(summary.description == QLatin1String("MLflow SQLite database (schema revision 7ac759974ad8)"));
    CHECK(summary.experimentsAdded == 1);
    CHECK(summary.runsAdded == 26);
    CHECK(summary.pointsAdded == 404);
    CHECK(summary.skipped.isEmpty());
    CHECK(count(w, QStringLiteral("SELECT count(*) FROM tags")) == 103);
    CHECK(storedPoints(w) == 404);

    QFile expectedFile(fixtures + QStringLiteral("mlflow-1.2-with-metrics.expected.json"));
    REQUIRE(expectedFile.open(QIODevice::ReadOnly));
    const QJsonObject expected = QJsonDocument::fromJson(expectedFile.readAll()).object();
    REQUIRE(expected.size() == 26);
    int compared = 0;
    for (auto run = expected.begin(); run != expected.end(); ++run) {
        const qint64 runId = runOf(w, run.key()).id;
        const QJsonObject latest = run.value().toObject();
        for (auto metric = latest.begin(); metric != latest.end(); ++metric) {
            const std::optional<MetricSummary> stored = MetricStore(w).summary(runId, metric.key());
            REQUIRE(stored);
            INFO(run.key().toStdString() << " " << metric.key().toStdString());
            CHECK(stored->latest == metric.value().toDouble()); // exactly
            ++compared;
        }
        CHECK(MetricStore(w).summaries(runId).size() == latest.size());
    }
    CHECK(compared == 101);

    // Four rows share run, key, step and timestamp: all are kept, in row order.
    const MetricSeries ties =
        seriesOf(w, QStringLiteral("f662d9fdd072422899f1a91dca132e45"), QStringLiteral("metric_eq_ts_step"));
    CHECK(ties.values == std::vector<double>{-1.2, 4.7, 3.0, -50.67});
    CHECK(ties.steps == std::vector<qint64>{1, 1, 1, 1});
    const MetricSeries first =
        seriesOf(w, QStringLiteral("f8a6361f177a40b291751d743ec0cd52"), QStringLiteral("metric_0"));
    CHECK(first.steps.front() == -1);
    CHECK(first.values.front() == -1.7679389442286098);

    const Run run = runOf(w, QStringLiteral("f8a6361f177a40b291751d743ec0cd52"));
    CHECK(run.user == QLatin1String("czumar"));
    CHECK(run.status == RunStatus::Finished);
    CHECK(run.startTime == 1566842894535);
    CHECK(run.sourceCommit == QLatin1String("0ff05042fb4c67b6fd3fe63a88b2a8946860e026"));
    CHECK(run.sourceName == QLatin1String("gen_metrics.py"));

    const MlflowImportSummary again = MlflowImporter::importStore(w, source);
    CHECK(again.runsAdded + again.runsUpdated + again.experimentsAdded + again.experimentsUpdated == 0);
    CHECK(again.pointsAdded == 0);
    CHECK(storedPoints(w) == 404);
    CHECK(AuditLog::verify(w.database()).intact);
}

TEST_CASE("MLflow databases at later schema revisions bring their Default experiment", "[mlflow]") {
    const QString name =
        GENERATE(QStringLiteral("empty-2d6e25af4d3e.db"), QStringLiteral("empty-6953534de441.db"),
                 QStringLiteral("empty-c9d4e5f6a7b8.db"));
    QTemporaryDir dir;
    const QString source = copyOf(dir, name);
    const QByteArray before = sha256OfFile(source);
    TemporaryWorkspace ws;
    const MlflowImportSummary summary = MlflowImporter::importStore(ws.workspace(), source);
    CHECK(summary.description.contains(name.mid(6, 12)));
    CHECK(summary.experimentsAdded == 1);
    CHECK(summary.runsAdded == 0);
    CHECK(summary.skipped.isEmpty());
    const std::optional<Experiment> defaultExperiment =
        Tracking(ws.workspace()).experimentByName(QStringLiteral("Default"));
    REQUIRE(defaultExperiment);
    CHECK(defaultExperiment->runCount == 0);
    CHECK(sha256OfFile(source) == before); // read-only
}

TEST_CASE("An MLflow database at the newest schema, with every edge case", "[mlflow]") {
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("mlflow.db"));
    const bool indexed = GENERATE(false, true);
    {
        MlflowDatabase db(source);
        fillLatest(db);
        // Real databases of later revisions index metrics by run; the DDL alone does not. The
        // reader takes a different path with the index: both must give the same.
        if (indexed)
            db.exec(QStringLiteral("CREATE INDEX index_metrics_run_uuid ON metrics (run_uuid)"));
    }
    TemporaryWorkspace ws;
    Workspace& w = ws.workspace();
    const MlflowImportSummary summary = MlflowImporter::importStore(w, source);
    CHECK(summary.experimentsAdded == 4);
    CHECK(summary.runsAdded == 4);
    CHECK(summary.pointsAdded == 7);
    CHECK(summary.modelsAdded == 1);
    CHECK(summary.versionsAdded == 2);
    CHECK(summary.skipped.isEmpty());

    const Tracking tracking(w);
    const std::optional<Experiment> churn = tracking.experimentByName(QStringLiteral("churn"));
    REQUIRE(churn);
    CHECK(churn->description == QLatin1String("Who leaves, and when"));
    CHECK(tracking.experimentTags(churn->id).value(QStringLiteral("team")) == QLatin1String("retention"));
    CHECK(tracking.experimentByName(QStringLiteral("old"))->deleted);
    // Experiment names are unique per MLflow workspace; other workspaces' names are qualified.
    REQUIRE(tracking.experimentByName(QStringLiteral("team-a/churn")));
    CHECK(runOf(w, teamUid).experimentId == tracking.experimentByName(QStringLiteral("team-a/churn"))->id);

    const Run child = runOf(w, childUid);
    const Run parent = runOf(w, parentUid);
    CHECK(child.name == QLatin1String("child"));
    CHECK(child.status == RunStatus::Killed);
    CHECK(child.user == QLatin1String("ann"));
    CHECK(child.sourceCommit == QLatin1String("deadbeef"));
    CHECK(child.parentRunId == parent.id);
    CHECK(parent.status == RunStatus::Running);
    CHECK_FALSE(parent.endTime.has_value());
    CHECK(runOf(w, deletedUid).deleted);
    CHECK(runOf(w, teamUid).name == QLatin1String("from-tag"));
    CHECK(runOf(w, teamUid).user == QLatin1String("cyrus"));
    CHECK(tracking.params(child.id).size() == 2);

    const MetricSeries loss = seriesOf(w, childUid, QStringLiteral("loss"));
    REQUIRE(loss.size() == 5);
    CHECK(loss.steps == std::vector<qint64>{-1, 0, 1, 2, 3});
    CHECK(loss.values[0] == 0.5);
    CHECK(std::isnan(loss.values[1]));
    CHECK(loss.values[2] == std::numeric_limits<double>::infinity());
    CHECK(loss.values[3] == -std::numeric_limits<double>::infinity());
    CHECK(loss.values[4] == 0.25);

    const QList<DatasetInput> inputs = tracking.inputs(child.id);
    REQUIRE(inputs.size() == 1);
    CHECK(inputs[0].name == QLatin1String("customers"));
    CHECK(inputs[0].digest == QLatin1String("abc123"));
    CHECK(inputs[0].context == QLatin1String("training"));

    const Registry registry(w);
    const std::optional<RegisteredModel> model = registry.modelByName(QStringLiteral("churn-model"));
    REQUIRE(model);
    CHECK(model->description == QLatin1String("Predicts churn"));
    CHECK(registry.modelTags(model->id).value(QStringLiteral("owner")) == QLatin1String("ann"));
    const QList<ModelVersion> versions = registry.versions(model->id);
    REQUIRE(versions.size() == 2);
    CHECK(versions[0].version == 3);
    CHECK(versions[0].runUid == parentUid);
    CHECK(versions[0].stage == QLatin1String("Production"));
    CHECK(versions[1].version == 1);
    CHECK(versions[1].stage == QLatin1String("Archived"));
    CHECK(registry.aliasVersion(model->id, QStringLiteral("champion")) == 3);
    CHECK(AuditLog::verify(w.database()).intact);
}

TEST_CASE("Rows added to an MLflow database are imported next time, and only they", "[mlflow]") {
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("mlflow.db"));
    MlflowDatabase db(source);
    fillLatest(db);
    TemporaryWorkspace ws;
    Workspace& w = ws.workspace();
    MlflowImporter::importStore(w, source);
    const qint64 events = count(w, QStringLiteral("SELECT count(*) FROM audit_log"));

    const MlflowImportSummary unchanged = MlflowImporter::importStore(w, source);
    CHECK(unchanged.runsAdded + unchanged.runsUpdated + unchanged.modelsUpdated +
              unchanged.experimentsUpdated ==
          0);
    CHECK(count(w, QStringLiteral("SELECT count(*) FROM audit_log")) == events);

    const QString insertMetric = QStringLiteral(
        "INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) VALUES (?, ?, ?, ?, ?, ?)");
    db.exec(insertMetric, {QStringLiteral("loss"), 0.125, t0 + 6, childUid, 4, 0});
    db.exec(insertMetric, {QStringLiteral("loss"), 0.125, t0 + 7, childUid, 4, 0});
    db.exec(insertMetric, {QStringLiteral("acc"), 0.8, t0 + 8, parentUid, 1, 0});
    db.exec(QStringLiteral("UPDATE runs SET status = 'FINISHED', end_time = ? WHERE run_uuid = ?"),
            {t0 + 9, parentUid});
    db.exec(QStringLiteral("UPDATE model_versions SET current_stage = 'Production' WHERE version = 1"));
    db.exec(QStringLiteral("UPDATE registered_model_aliases SET version = 1"));

    const MlflowImportSummary next = MlflowImporter::importStore(w, source);
    CHECK(next.pointsAdded == 3);
    CHECK(next.runsAdded == 0);
    CHECK(next.runsUpdated == 2);
    CHECK(next.modelsUpdated == 1);
    CHECK(seriesOf(w, childUid, QStringLiteral("loss")).size() == 7);
    CHECK(seriesOf(w, parentUid, QStringLiteral("acc")).values == std::vector<double>{0.7, 0.8});
    CHECK(runOf(w, parentUid).status == RunStatus::Finished);
    const Registry registry(w);
    const qint64 model = registry.modelByName(QStringLiteral("churn-model"))->id;
    CHECK(registry.aliasVersion(model, QStringLiteral("champion")) == 1);
    CHECK(registry.versions(model).last().stage == QLatin1String("Production"));
}

TEST_CASE("An MLflow database from before steps and is_nan reads the columns it has", "[mlflow]") {
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("old.db"));
    {
        // The tables of MLflow's first SQL store, before later migrations added columns.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old-mlflow"));
        db.setDatabaseName(source);
        REQUIRE(db.open());
        for (const char* statement :
             {"CREATE TABLE experiments (experiment_id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(256) NOT "
              "NULL, "
              "artifact_location VARCHAR(256), lifecycle_stage VARCHAR(32))",
              "CREATE TABLE runs (run_uuid VARCHAR(32) NOT NULL PRIMARY KEY, name VARCHAR(250), source_type "
              "VARCHAR(20), source_name VARCHAR(500), entry_point_name VARCHAR(50), user_id VARCHAR(256), "
              "status "
              "VARCHAR(20), start_time BIGINT, end_time BIGINT, source_version VARCHAR(50), lifecycle_stage "
              "VARCHAR(20), artifact_uri VARCHAR(200), experiment_id INTEGER)",
              "CREATE TABLE metrics (key VARCHAR(250) NOT NULL, value FLOAT NOT NULL, timestamp BIGINT NOT "
              "NULL, "
              "run_uuid VARCHAR(32) NOT NULL, PRIMARY KEY (key, timestamp, run_uuid))",
              "CREATE TABLE params (key VARCHAR(250) NOT NULL, value VARCHAR(250) NOT NULL, run_uuid "
              "VARCHAR(32) "
              "NOT NULL, PRIMARY KEY (key, run_uuid))",
              "CREATE TABLE tags (key VARCHAR(250) NOT NULL, value VARCHAR(250), run_uuid VARCHAR(32) NOT "
              "NULL, "
              "PRIMARY KEY (key, run_uuid))",
              "INSERT INTO experiments VALUES (0, 'Default', 'x', 'active')",
              "INSERT INTO runs VALUES ('r1', '', 'LOCAL', 'train.py', '', 'dee', 'FINISHED', 1000, 2000, "
              "'c0ffee', "
              "'active', 'x', 0)",
              "INSERT INTO metrics VALUES ('m', 1.5, 1001, 'r1'), ('m', 2.5, 1002, 'r1')",
              "INSERT INTO params VALUES ('p', 'v', 'r1')"}) {
            QSqlQuery query(db);
            REQUIRE(query.exec(QString::fromLatin1(statement)));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old-mlflow"));
    TemporaryWorkspace ws;
    const MlflowImportSummary summary = MlflowImporter::importStore(ws.workspace(), source);
    CHECK(summary.description == QLatin1String("MLflow SQLite database"));
    CHECK(summary.runsAdded == 1);
    const MetricSeries m = seriesOf(ws.workspace(), QStringLiteral("r1"), QStringLiteral("m"));
    CHECK(m.steps == std::vector<qint64>{0, 0});
    CHECK(m.values == std::vector<double>{1.5, 2.5});
    const Run run = runOf(ws.workspace(), QStringLiteral("r1"));
    CHECK(run.sourceCommit == QLatin1String("c0ffee")); // source_version, without the tag
    CHECK(run.sourceName == QLatin1String("train.py"));
    CHECK(run.user == QLatin1String("dee"));
}

TEST_CASE("An SQLite file that is not an MLflow store is refused and left untouched", "[mlflow]") {
    QTemporaryDir dir;
    TemporaryWorkspace ws;
    const qint64 events = count(ws.workspace(), QStringLiteral("SELECT count(*) FROM audit_log"));

    SECTION("another application's database") {
        const QString other = dir.filePath(QStringLiteral("notes.db"));
        REQUIRE(assay::test::runCommand(QStringLiteral("sqlite3"),
                                        {other, QStringLiteral("CREATE TABLE notes (id INTEGER, text TEXT); "
                                                               "INSERT INTO notes VALUES (1, 'hello');")}) ==
                0);
        const QByteArray before = sha256OfFile(other);
        try {
            MlflowImporter::importStore(ws.workspace(), other);
            FAIL("the file was not refused");
        } catch (const AssayError& error) {
            CHECK(error.message().startsWith(QFileInfo(other).canonicalFilePath()));
            CHECK(error.message().contains(QLatin1String("is not an MLflow tracking database")));
            CHECK(error.message().contains(QLatin1String("its tables: notes")));
            CHECK(error.message().contains(QLatin1String("The file was not changed.")));
        }
        CHECK(sha256OfFile(other) == before);
        CHECK_FALSE(QFileInfo::exists(other + QStringLiteral("-journal")));
        CHECK_FALSE(QFileInfo::exists(other + QStringLiteral("-wal")));
    }
    SECTION("an Assay workspace") {
        TemporaryWorkspace other;
        const QString path = other.path();
        other.close();
        const QByteArray before = sha256OfFile(path);
        CHECK_THROWS_WITH(MlflowImporter::importStore(ws.workspace(), path),
                          Catch::Contains("is not an MLflow tracking database"));
        CHECK(sha256OfFile(path) == before);
    }
    SECTION("a file that is not SQLite at all") {
        const QString text = dir.filePath(QStringLiteral("runs.csv"));
        assay::test::MlflowStoreWriter::write(text, "run,loss\n1,0.5\n");
        CHECK_THROWS_WITH(
            MlflowImporter::importStore(ws.workspace(), text),
            Catch::Contains("is neither an MLflow file store (an mlruns/ folder) nor an SQLite database"));
    }
    CHECK(count(ws.workspace(), QStringLiteral("SELECT count(*) FROM audit_log")) == events);
    CHECK(Tracking(ws.workspace()).experiments().isEmpty());
}

TEST_CASE("A workspace of schema 2 is migrated, then imports", "[mlflow][workspace]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v2.assay"));
    {
        WorkspaceOptions options;
        options.createAtVersion = 2;
        REQUIRE(Workspace::create(path, options)->schemaVersion() == 2);
    }
    const auto workspace = Workspace::open(path);
    CHECK(workspace->schemaVersion() == WorkspaceSchema::currentVersion());
    const QString source = copyOf(dir, QStringLiteral("mlflow-1.2-with-metrics.db"));
    CHECK(MlflowImporter::importStore(*workspace, source).runsAdded == 26);
    CHECK(count(*workspace, QStringLiteral("SELECT count(*) FROM mlflow_metric_imports")) == 101);
}
