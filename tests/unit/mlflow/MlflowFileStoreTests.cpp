// Importing MLflow's file store (mlruns/) from trees written by the tests, one for each edge case
// the format has: 2-, 3- and 5-field metric lines, nan and infinities, duplicate points, negative
// steps, keys with '/', malformed meta.yaml files and metric lines, deleted runs, .trash/.
#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"
#include "core/mlflow/MlflowFileStoreReader.h"
#include "core/mlflow/MlflowImporter.h"
#include "core/registry/Registry.h"
#include "core/tracking/MetricStore.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/AuditLog.h"
#include "tests/support/MlflowStoreWriter.h"
#include "tests/support/TemporaryWorkspace.h"

#include <QTemporaryDir>

#include <catch2/catch.hpp>
#include <cmath>

using namespace assay;
using assay::test::MlflowStoreWriter;
using assay::test::TemporaryWorkspace;

namespace {

using Point = MlflowFileStoreReader::MetricPoint;

std::optional<Point> parse(const char* line, QString* error = nullptr) {
    QString ignored;
    return MlflowFileStoreReader::parseMetricLine(QByteArrayView(line), error ? error : &ignored);
}

const QString runA = QStringLiteral("aaaa0000000000000000000000000001");
const QString runB = QStringLiteral("bbbb0000000000000000000000000002"); // a child of C, read before it
const QString runC = QStringLiteral("cccc0000000000000000000000000003");
const QString runD = QStringLiteral("dddd0000000000000000000000000004"); // malformed meta.yaml
const QString runE = QStringLiteral("eeee0000000000000000000000000005"); // no meta.yaml
const QString runF = QStringLiteral("ffff0000000000000000000000000006"); // in .trash
const QString runW = QStringLiteral("9999000000000000000000000000000w"); // unknown status
constexpr qint64 t0 = 1'700'000'000'000;

// An mlruns/ folder with every edge case of the format.
struct EdgeStore {
    QTemporaryDir dir;
    QString root = dir.filePath(QStringLiteral("mlruns"));

    QString path(const QString& relative) const { return root + QLatin1Char('/') + relative; }
    void write(const QString& relative, const QByteArray& content) const {
        MlflowStoreWriter::write(path(relative), content);
    }
    void write(const QString& relative, const char* content) const { write(relative, QByteArray(content)); }
    void append(const QString& relative, const char* content) const {
        MlflowStoreWriter::append(path(relative), QByteArray(content));
    }
    QString run(const QString& uid, const QString& relative = {}) const {
        return QStringLiteral("1/") + uid + (relative.isEmpty() ? QString() : QLatin1Char('/') + relative);
    }

    EdgeStore() {
        write(QStringLiteral("0/meta.yaml"),
              MlflowStoreWriter::experimentMeta(QStringLiteral("0"), QStringLiteral("Default")));
        write(QStringLiteral("1/meta.yaml"),
              MlflowStoreWriter::experimentMeta(QStringLiteral("1"), QStringLiteral("edge cases")));
        write(QStringLiteral("1/tags/team"), "forecasting");
        write(QStringLiteral("1/tags/mlflow.note.content"), "Edge cases of the file store");
        write(QStringLiteral("1/datasets/d1/meta.yaml"),
              "digest: 1f1484c1\nname: sales\nprofile: '{}'\nschema: '{}'\n"
              "source: '{\"uri\": \"data/sales.csv\"}'\nsource_type: local\n");

        write(run(runA, QStringLiteral("meta.yaml")),
              MlflowStoreWriter::runMeta(runA, QStringLiteral("1"), 3, t0, t0 + 100'000,
                                         QStringLiteral("alpha"), QStringLiteral("active"),
                                         QStringLiteral("bob")));
        write(run(runA, QStringLiteral("params/lr")), "0.1");
        write(run(runA, QStringLiteral("params/optimizer/name")), "adam");
        write(run(runA, QStringLiteral("params/shape")), "(144, 180)");
        write(run(runA, QStringLiteral("tags/mlflow.user")), "alice");
        write(run(runA, QStringLiteral("tags/mlflow.source.git.commit")), "abc123");
        write(run(runA, QStringLiteral("tags/mlflow.source.name")), "train.py");
        write(run(runA, QStringLiteral("tags/team/owner")), "ml");
        write(run(runA, QStringLiteral("inputs/i1/meta.yaml")),
              "destination_id: d1\ndestination_type: RUN\nsource_id: d1\nsource_type: DATASET\ntags:\n"
              "  mlflow.data.context: training\n");
        write(run(runA, QStringLiteral("metrics/loss")),
              "1700000000001 0.5 0\n1700000000001 0.5 0\n1700000000002 0.25 1\n");
        write(run(runA, QStringLiteral("metrics/special")),
              "1700000000001 nan 0\n1700000000002 inf 1\n1700000000003 -inf 2\n1700000000004 NaN 3\n");
        write(run(runA, QStringLiteral("metrics/negative")), "1700000000001 1.5 -5\n1700000000002 2.5 -1\n");
        write(run(runA, QStringLiteral("metrics/legacy")), "1552417036 1.0142852576247392\n1552417036 0.5\n");
        write(run(runA, QStringLiteral("metrics/with_dataset")), "1700000000001 0.75 7 sales 1f1484c1\n");
        write(run(runA, QStringLiteral("metrics/train/loss")),
              "1700000000001 0.7 10\r\n1700000000002 0.6 20\r\n");
        write(run(runA, QStringLiteral("metrics/broken")),
              "1700000000001 0.5 0\nnot a metric line\n1700000000002 0.25 1 extra\n\n1700000000003 0.125 2");

        write(run(runB, QStringLiteral("meta.yaml")),
              MlflowStoreWriter::runMeta(runB, QStringLiteral("1"), 5, t0 + 1000, t0 + 2000,
                                         QStringLiteral("child"), QStringLiteral("deleted")));
        write(run(runB, QStringLiteral("tags/mlflow.parentRunId")), runC.toUtf8());

        write(run(runC, QStringLiteral("meta.yaml")),
              MlflowStoreWriter::runMeta(runC, QStringLiteral("1"), 1, t0 + 500, std::nullopt));
        write(run(runC, QStringLiteral("tags/mlflow.runName")), "from-tag");
        write(run(runC, QStringLiteral("metrics/loss")), "1700000000600 0.9 0\n");

        write(run(runD, QStringLiteral("meta.yaml")), "run_id: dddd\nstatus: [3\n");
        write(run(runE, QStringLiteral("params/x")), "1");
        write(run(runW, QStringLiteral("meta.yaml")),
              MlflowStoreWriter::runMeta(runW, QStringLiteral("1"), 9, t0, t0));

        write(QStringLiteral("2/meta.yaml"), "name: [broken\n");

        // An older file store deleted an experiment by moving it here, meta.yaml unchanged.
        write(QStringLiteral(".trash/3/meta.yaml"),
              MlflowStoreWriter::experimentMeta(QStringLiteral("3"), QStringLiteral("trashed")));
        write(QStringLiteral(".trash/3/") + runF + QStringLiteral("/meta.yaml"),
              MlflowStoreWriter::runMeta(runF, QStringLiteral("3"), 4, t0, t0 + 10));
        write(QStringLiteral(".trash/3/") + runF + QStringLiteral("/params/p"), "1");

        write(QStringLiteral("models/churn/meta.yaml"),
              "aliases:\n  champion: '3'\ncreation_timestamp: 1700000000000\ndescription: Churn model\n"
              "last_updated_timestamp: 1700000000000\nname: churn\n");
        write(QStringLiteral("models/churn/tags/owner"), "team-a");
        write(QStringLiteral("models/churn/aliases/champion"), "3");
        write(QStringLiteral("models/churn/version-1/meta.yaml"),
              versionMeta(1, runA, QStringLiteral("Staging")));
        write(QStringLiteral("models/churn/version-2/meta.yaml"),
              versionMeta(2, runA, QStringLiteral("Deleted_Internal")));
        write(QStringLiteral("models/churn/version-3/meta.yaml"),
              versionMeta(3, runC, QStringLiteral("Production")));
    }

    static QByteArray versionMeta(int version, const QString& runId, const QString& stage) {
        return QStringLiteral("aliases: []\ncreation_timestamp: %1\ncurrent_stage: %2\ndescription: ''\n"
                              "last_updated_timestamp: 1700000000000\nname: churn\nrun_id: %3\nrun_link: ''\n"
                              "source: file:///tmp/model\nstatus: READY\nuser_id: null\nversion: %4\n")
            .arg(t0 + version)
            .arg(stage, runId)
            .arg(version)
            .toUtf8();
    }
};

Run runOf(Workspace& workspace, const QString& uid) {
    const std::optional<Run> run = Tracking(workspace).runByUid(uid);
    REQUIRE(run.has_value());
    return *run;
}

MetricSeries seriesOf(Workspace& workspace, const QString& uid, const QString& key) {
    return MetricStore(workspace).series(runOf(workspace, uid).id, key);
}

qint64 count(Workspace& workspace, const QString& sql) {
    return SqlQuery::scalar(workspace.database(), sql).toLongLong();
}

qint64 storedPoints(Workspace& workspace) {
    return count(workspace, QStringLiteral("SELECT COALESCE(SUM(point_count), 0) FROM metric_chunks"));
}

bool hasSkipped(const MlflowImportSummary& summary, const QString& location, const QString& reasonPart) {
    return std::any_of(summary.skipped.cbegin(), summary.skipped.cend(), [&](const MlflowSkippedItem& item) {
        return item.location == location && item.reason.contains(reasonPart);
    });
}

} // namespace

TEST_CASE("Metric lines are read as MLflow writes them", "[mlflow]") {
    SECTION("3 fields: timestamp, value, step") {
        const auto point = parse("1598556711610 0.09763205828779599 0");
        REQUIRE(point);
        CHECK(point->timestamp == 1598556711610);
        CHECK(point->value == 0.09763205828779599);
        CHECK(point->step == 0);
    }
    SECTION("2 fields (MLflow before 1.0): step 0, the timestamp in seconds becomes ms") {
        const auto point = parse("1552417036 1.0142852576247392");
        REQUIRE(point);
        CHECK(point->timestamp == 1552417036000);
        CHECK(point->value == 1.0142852576247392);
        CHECK(point->step == 0);
    }
    SECTION("5 fields (MLflow 3, logged against a dataset): the third is the step") {
        const auto point = parse("1700000000001 0.75 7 sales 1f1484c1");
        REQUIRE(point);
        CHECK(point->timestamp == 1700000000001);
        CHECK(point->value == 0.75);
        CHECK(point->step == 7);
    }
    SECTION("nan, inf, -inf, exponents, negative steps and a CRLF ending") {
        CHECK(std::isnan(parse("1 nan 0")->value));
        CHECK(std::isnan(parse("1 NaN 0")->value));
        CHECK(parse("1 inf 0")->value == std::numeric_limits<double>::infinity());
        CHECK(parse("1 -inf 0")->value == -std::numeric_limits<double>::infinity());
        CHECK(parse("1 Infinity 0")->value == std::numeric_limits<double>::infinity());
        CHECK(parse("1 1.6908670659177005e-06 10000")->value == 1.6908670659177005e-06);
        CHECK(parse("1 -21.0 -1")->step == -1);
        CHECK(parse("1 +2 +3")->value == 2.0);
        CHECK(parse("1700000000001 0.7 10\r")->step == 10);
    }
    SECTION("anything else is refused with the reason") {
        QString error;
        CHECK_FALSE(parse("1 2 3 4", &error));
        CHECK(error == QLatin1String("expected 2, 3 or 5 fields, found 4"));
        CHECK_FALSE(parse("1", &error));
        CHECK(error == QLatin1String("expected 2, 3 or 5 fields, found 1"));
        CHECK_FALSE(parse("1 2 3 4 5 6", &error));
        CHECK(error.contains(QLatin1String("more than 5")));
        CHECK_FALSE(parse("1  2 3", &error)); // MLflow splits on single spaces too
        CHECK_FALSE(parse("abc 0.5 0", &error));
        CHECK(error.contains(QLatin1String("timestamp \"abc\"")));
        CHECK_FALSE(parse("1 x 0", &error));
        CHECK(error.contains(QLatin1String("value \"x\"")));
        CHECK_FALSE(parse("1 0.5 1.5", &error));
        CHECK(error.contains(QLatin1String("step \"1.5\"")));
        CHECK_FALSE(parse("1 0.5 --1", &error));
    }
}

TEST_CASE("A file store with every edge case comes over, bad items skipped by path and line", "[mlflow]") {
    EdgeStore store;
    TemporaryWorkspace ws;
    const MlflowImportSummary summary = MlflowImporter::importStore(ws.workspace(), store.root);

    CHECK(summary.source == QFileInfo(store.root).canonicalFilePath());
    CHECK(summary.description == QLatin1String("MLflow file store"));
    CHECK(summary.experimentsAdded == 3); // Default, edge cases, trashed
    CHECK(summary.runsAdded == 4);        // A, B, C, F
    CHECK(summary.pointsAdded == 3 + 4 + 2 + 2 + 1 + 2 + 2 + 1);
    CHECK(summary.modelsAdded == 1);
    CHECK(summary.versionsAdded == 2);
    CHECK_FALSE(summary.cancelled);

    // Every skipped item names its file, and its line where there is one.
    const QString canonical = QFileInfo(store.root).canonicalFilePath() + QLatin1Char('/');
    CHECK(summary.skipped.size() == 6);
    CHECK(hasSkipped(summary, canonical + QStringLiteral("2/meta.yaml:2"), QStringLiteral("not valid YAML")));
    CHECK(hasSkipped(summary, canonical + store.run(runD, QStringLiteral("meta.yaml:3")),
                     QStringLiteral("not valid YAML")));
    CHECK(hasSkipped(summary, canonical + store.run(runE), QStringLiteral("no meta.yaml")));
    CHECK(hasSkipped(summary, canonical + store.run(runW, QStringLiteral("meta.yaml:13")),
                     QStringLiteral("unknown run status \"9\"")));
    CHECK(hasSkipped(summary, canonical + store.run(runA, QStringLiteral("metrics/broken:2")),
                     QStringLiteral("expected 2, 3 or 5 fields, found 4")));
    CHECK(hasSkipped(summary, canonical + store.run(runA, QStringLiteral("metrics/broken:3")),
                     QStringLiteral("expected 2, 3 or 5 fields, found 4")));

    Workspace& w = ws.workspace();
    const Tracking tracking(w);

    SECTION("experiments, their tags and lifecycle") {
        const std::optional<Experiment> edge = tracking.experimentByName(QStringLiteral("edge cases"));
        REQUIRE(edge);
        CHECK(edge->description == QLatin1String("Edge cases of the file store"));
        CHECK(edge->createdAt == 1700000000000);
        CHECK_FALSE(edge->deleted);
        CHECK(edge->runCount == 2); // A and C; B is deleted
        CHECK(tracking.experimentTags(edge->id) ==
              QMap<QString, QString>{
                  {QStringLiteral("team"), QStringLiteral("forecasting")},
                  {QStringLiteral("mlflow.note.content"), QStringLiteral("Edge cases of the file store")}});
        const std::optional<Experiment> defaultExperiment =
            tracking.experimentByName(QStringLiteral("Default"));
        REQUIRE(defaultExperiment);
        CHECK(defaultExperiment->runCount == 0);
        const std::optional<Experiment> trashed = tracking.experimentByName(QStringLiteral("trashed"));
        REQUIRE(trashed);
        CHECK(trashed->deleted);
        CHECK(tracking.experiments().size() == 3);
    }

    SECTION("a run's fields, with the system tags mapped") {
        const Run a = runOf(w, runA);
        CHECK(a.name == QLatin1String("alpha"));
        CHECK(a.status == RunStatus::Finished);
        CHECK(a.user == QLatin1String("alice")); // the mlflow.user tag before user_id
        CHECK(a.startTime == t0);
        CHECK(a.endTime == t0 + 100'000);
        CHECK(a.sourceCommit == QLatin1String("abc123"));
        CHECK(a.sourceName == QLatin1String("train.py"));
        CHECK_FALSE(a.deleted);
        CHECK(tracking.params(a.id) ==
              QMap<QString, QString>{{QStringLiteral("lr"), QStringLiteral("0.1")},
                                     {QStringLiteral("optimizer/name"), QStringLiteral("adam")},
                                     {QStringLiteral("shape"), QStringLiteral("(144, 180)")}});
        CHECK(tracking.tags(a.id).value(QStringLiteral("team/owner")) == QLatin1String("ml"));
        CHECK(tracking.tags(a.id).size() == 4);
        const QList<DatasetInput> inputs = tracking.inputs(a.id);
        REQUIRE(inputs.size() == 1);
        CHECK(inputs[0].name == QLatin1String("sales"));
        CHECK(inputs[0].digest == QLatin1String("1f1484c1"));
        CHECK(inputs[0].source == QLatin1String("{\"uri\": \"data/sales.csv\"}"));
        CHECK(inputs[0].context == QLatin1String("training"));
    }

    SECTION("deleted runs, late parents, names from the runName tag") {
        const Run b = runOf(w, runB);
        const Run c = runOf(w, runC);
        CHECK(b.deleted);
        CHECK(b.status == RunStatus::Killed);
        CHECK(b.parentRunId == c.id); // the parent came after its child
        CHECK(c.name == QLatin1String("from-tag"));
        CHECK(c.status == RunStatus::Running);
        CHECK_FALSE(c.endTime.has_value());
        const Run f = runOf(w, runF);
        CHECK(f.deleted); // its meta.yaml says active, but its experiment is in .trash
        CHECK(f.status == RunStatus::Failed);
        CHECK_FALSE(tracking.runByUid(runD).has_value());
        CHECK_FALSE(tracking.runByUid(runE).has_value());
        CHECK_FALSE(tracking.runByUid(runW).has_value());
    }

    SECTION("metric histories, point for point") {
        const MetricSeries loss = seriesOf(w, runA, QStringLiteral("loss"));
        CHECK(loss.steps == std::vector<qint64>{0, 0, 1});
        CHECK(loss.timestamps == std::vector<qint64>{1700000000001, 1700000000001, 1700000000002});
        CHECK(loss.values == std::vector<double>{0.5, 0.5, 0.25}); // the duplicate is kept

        const MetricSeries special = seriesOf(w, runA, QStringLiteral("special"));
        REQUIRE(special.size() == 4);
        CHECK(std::isnan(special.values[0]));
        CHECK(special.values[1] == std::numeric_limits<double>::infinity());
        CHECK(special.values[2] == -std::numeric_limits<double>::infinity());
        CHECK(std::isnan(special.values[3]));

        const MetricSeries negative = seriesOf(w, runA, QStringLiteral("negative"));
        CHECK(negative.steps == std::vector<qint64>{-5, -1});
        const std::optional<MetricSummary> negativeSummary =
            MetricStore(w).summary(runOf(w, runA).id, QStringLiteral("negative"));
        REQUIRE(negativeSummary);
        CHECK(negativeSummary->latest == 2.5);
        CHECK(negativeSummary->latestStep == -1);

        const MetricSeries legacy = seriesOf(w, runA, QStringLiteral("legacy"));
        CHECK(legacy.timestamps == std::vector<qint64>{1552417036000, 1552417036000});
        CHECK(legacy.steps == std::vector<qint64>{0, 0});
        CHECK(legacy.values == std::vector<double>{1.0142852576247392, 0.5});

        CHECK(seriesOf(w, runA, QStringLiteral("with_dataset")).steps == std::vector<qint64>{7});
        CHECK(seriesOf(w, runA, QStringLiteral("train/loss")).values == std::vector<double>{0.7, 0.6});
        CHECK(seriesOf(w, runA, QStringLiteral("broken")).values == std::vector<double>{0.5, 0.125});
        CHECK(storedPoints(w) == summary.pointsAdded);
    }

    SECTION("the registry: live versions with their runs and stages, tags, aliases") {
        const Registry registry(w);
        const std::optional<RegisteredModel> churn = registry.modelByName(QStringLiteral("churn"));
        REQUIRE(churn);
        CHECK(churn->description == QLatin1String("Churn model"));
        CHECK(churn->createdAt == 1700000000000);
        CHECK(registry.modelTags(churn->id) ==
              QMap<QString, QString>{{QStringLiteral("owner"), QStringLiteral("team-a")}});
        const QList<ModelVersion> versions = registry.versions(churn->id);
        REQUIRE(versions.size() == 2); // version 2 was deleted in MLflow
        CHECK(versions[0].version == 3);
        CHECK(versions[0].runUid == runC);
        CHECK(versions[0].stage == QLatin1String("Production"));
        CHECK(versions[0].aliases == QStringList{QStringLiteral("champion")});
        CHECK(versions[1].version == 1);
        CHECK(versions[1].runUid == runA);
        CHECK(versions[1].stage == QLatin1String("Staging"));
        CHECK(versions[1].createdAt == t0 + 1);
        CHECK(registry.aliasVersion(churn->id, QStringLiteral("champion")) == 3);
    }

    SECTION("audited: one import event per transaction, an intact chain") {
        CHECK(AuditLog::verify(w.database()).intact);
        CHECK(count(w, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'import.mlflow'")) == 4);
        CHECK(count(w, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'run.create'")) == 4);
        CHECK(count(w, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'metrics.log'")) == 2);
    }
}

TEST_CASE("Importing the same file store again adds nothing", "[mlflow]") {
    EdgeStore store;
    TemporaryWorkspace ws;
    MlflowImporter::importStore(ws.workspace(), store.root);
    const qint64 events = count(ws.workspace(), QStringLiteral("SELECT count(*) FROM audit_log"));
    const qint64 points = storedPoints(ws.workspace());

    const MlflowImportSummary again = MlflowImporter::importStore(ws.workspace(), store.root);
    CHECK(again.experimentsAdded == 0);
    CHECK(again.experimentsUpdated == 0);
    CHECK(again.runsAdded == 0);
    CHECK(again.runsUpdated == 0);
    CHECK(again.pointsAdded == 0);
    CHECK(again.modelsAdded == 0);
    CHECK(again.modelsUpdated == 0);
    CHECK(again.versionsAdded == 0);
    CHECK(again.skipped.size() == 6); // still reported: they are still there
    CHECK(count(ws.workspace(), QStringLiteral("SELECT count(*) FROM audit_log")) == events);
    CHECK(storedPoints(ws.workspace()) == points);
    CHECK(count(ws.workspace(), QStringLiteral("SELECT count(*) FROM runs")) == 4);
}

TEST_CASE("Lines appended to a metric file are imported next time, and only they", "[mlflow]") {
    EdgeStore store;
    TemporaryWorkspace ws;
    Workspace& w = ws.workspace();
    MlflowImporter::importStore(w, store.root);
    const qint64 points = storedPoints(w);

    // The run goes on logging (a duplicate of the last point included), finishes another run,
    // starts a new one, changes tags and registers a version that takes the alias.
    store.append(store.run(runA, QStringLiteral("metrics/loss")),
                 "1700000000002 0.25 1\n1700000000003 0.125 2\n");
    store.append(store.run(runA, QStringLiteral("metrics/train/loss")), "1700000000003 0.5 30\r\n");
    store.write(store.run(runA, QStringLiteral("tags/stage")), "done");
    store.write(store.run(runC, QStringLiteral("meta.yaml")),
                MlflowStoreWriter::runMeta(runC, QStringLiteral("1"), 3, t0 + 500, t0 + 900));
    const QString runG = QStringLiteral("abab0000000000000000000000000007");
    store.write(store.run(runG, QStringLiteral("meta.yaml")),
                MlflowStoreWriter::runMeta(runG, QStringLiteral("1"), 3, t0 + 2000, t0 + 3000,
                                           QStringLiteral("gamma")));
    store.write(store.run(runG, QStringLiteral("metrics/loss")), "1700000002001 0.3 0\n");
    store.write(QStringLiteral("1/tags/team"), "churn");
    store.write(QStringLiteral("models/churn/version-4/meta.yaml"),
                EdgeStore::versionMeta(4, runG, QStringLiteral("None")));
    store.write(QStringLiteral("models/churn/aliases/champion"), "4");

    const MlflowImportSummary next = MlflowImporter::importStore(w, store.root);
    CHECK(next.experimentsAdded == 0);
    CHECK(next.experimentsUpdated == 1);
    CHECK(next.runsAdded == 1);
    CHECK(next.runsUpdated == 2); // A (points, tag) and C (finished)
    CHECK(next.pointsAdded == 2 + 1 + 1);
    CHECK(next.modelsUpdated == 1);
    CHECK(next.versionsAdded == 1);
    CHECK(storedPoints(w) == points + 4);

    const MetricSeries loss = seriesOf(w, runA, QStringLiteral("loss"));
    CHECK(loss.steps == std::vector<qint64>{0, 0, 1, 1, 2});
    CHECK(loss.values == std::vector<double>{0.5, 0.5, 0.25, 0.25, 0.125});
    CHECK(seriesOf(w, runA, QStringLiteral("train/loss")).steps == std::vector<qint64>{10, 20, 30});
    const std::optional<MetricSummary> lossSummary =
        MetricStore(w).summary(runOf(w, runA).id, QStringLiteral("loss"));
    REQUIRE(lossSummary);
    CHECK(lossSummary->count == 5);
    CHECK(lossSummary->latest == 0.125);

    const Run c = runOf(w, runC);
    CHECK(c.status == RunStatus::Finished);
    CHECK(c.endTime == t0 + 900);
    CHECK(c.name == QLatin1String("from-tag"));
    CHECK(Tracking(w).tags(runOf(w, runA).id).value(QStringLiteral("stage")) == QLatin1String("done"));
    const qint64 edge = Tracking(w).experimentByName(QStringLiteral("edge cases"))->id;
    CHECK(Tracking(w).experimentTags(edge).value(QStringLiteral("team")) == QLatin1String("churn"));
    CHECK(runOf(w, runG).experimentId == edge);

    const Registry registry(w);
    const qint64 churn = registry.modelByName(QStringLiteral("churn"))->id;
    CHECK(registry.aliasVersion(churn, QStringLiteral("champion")) == 4);
    const QList<AliasChange> history = registry.aliasHistory(churn, QStringLiteral("champion"));
    REQUIRE(history.size() == 2);
    CHECK(history[1].previousVersion == 3);
    CHECK(AuditLog::verify(w.database()).intact);

    // And once more: nothing new.
    const MlflowImportSummary last = MlflowImporter::importStore(w, store.root);
    CHECK(last.pointsAdded == 0);
    CHECK(last.runsAdded + last.runsUpdated + last.modelsUpdated == 0);
}

TEST_CASE("A run restored or deleted in MLflow follows on the next import", "[mlflow]") {
    EdgeStore store;
    TemporaryWorkspace ws;
    MlflowImporter::importStore(ws.workspace(), store.root);
    store.write(store.run(runB, QStringLiteral("meta.yaml")),
                MlflowStoreWriter::runMeta(runB, QStringLiteral("1"), 5, t0 + 1000, t0 + 2000,
                                           QStringLiteral("child")));
    store.write(store.run(runA, QStringLiteral("meta.yaml")),
                MlflowStoreWriter::runMeta(runA, QStringLiteral("1"), 3, t0, t0 + 100'000,
                                           QStringLiteral("alpha"), QStringLiteral("deleted"),
                                           QStringLiteral("bob")));
    const MlflowImportSummary next = MlflowImporter::importStore(ws.workspace(), store.root);
    CHECK(next.runsUpdated == 2);
    CHECK_FALSE(runOf(ws.workspace(), runB).deleted);
    CHECK(runOf(ws.workspace(), runA).deleted);
    CHECK(runOf(ws.workspace(), runB).parentRunId == runOf(ws.workspace(), runC).id);
}

TEST_CASE("A cancelled import keeps the experiments before it and leaves the rest untouched", "[mlflow]") {
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("mlruns"));
    for (int experiment = 1; experiment <= 3; ++experiment) {
        const QString id = QString::number(experiment);
        MlflowStoreWriter::write(
            root + QStringLiteral("/%1/meta.yaml").arg(id),
            MlflowStoreWriter::experimentMeta(id, QStringLiteral("experiment %1").arg(id)));
        for (int run = 0; run < 2; ++run) {
            const QString uid = QStringLiteral("%1%2").arg(experiment).arg(run).repeated(16);
            MlflowStoreWriter::write(root + QStringLiteral("/%1/%2/meta.yaml").arg(id, uid),
                                     MlflowStoreWriter::runMeta(uid, id, 3, t0, t0 + 1));
            MlflowStoreWriter::write(root + QStringLiteral("/%1/%2/metrics/loss").arg(id, uid),
                                     "1700000000001 0.5 0\n");
        }
    }
    TemporaryWorkspace ws;
    Workspace& w = ws.workspace();
    QList<std::pair<int, int>> calls;
    // Cancel on the first run of the second experiment.
    const MlflowImportSummary cancelled = MlflowImporter::importStore(w, root, [&](int done, int total) {
        calls.append({done, total});
        return done < 3;
    });
    CHECK(cancelled.cancelled);
    CHECK(calls == QList<std::pair<int, int>>{{1, 6}, {2, 6}, {3, 6}});
    CHECK(cancelled.experimentsAdded == 1);
    CHECK(cancelled.runsAdded == 2);
    const Tracking tracking(w);
    REQUIRE(tracking.experimentByName(QStringLiteral("experiment 1")));
    CHECK(tracking.experimentByName(QStringLiteral("experiment 1"))->runCount == 2);
    CHECK_FALSE(tracking.experimentByName(QStringLiteral("experiment 2")));
    CHECK_FALSE(tracking.experimentByName(QStringLiteral("experiment 3")));
    CHECK(count(w, QStringLiteral("SELECT count(*) FROM runs")) == 2);
    CHECK(storedPoints(w) == 2);
    CHECK(AuditLog::verify(w.database()).intact);

    const MlflowImportSummary resumed = MlflowImporter::importStore(w, root);
    CHECK_FALSE(resumed.cancelled);
    CHECK(resumed.experimentsAdded == 2);
    CHECK(resumed.runsAdded == 4);
    CHECK(resumed.pointsAdded == 4);
    CHECK(count(w, QStringLiteral("SELECT count(*) FROM runs")) == 6);
}

TEST_CASE("A folder that holds mlruns/ is taken for the store in it", "[mlflow]") {
    EdgeStore store;
    TemporaryWorkspace ws;
    const MlflowImportSummary summary = MlflowImporter::importStore(ws.workspace(), store.dir.path());
    CHECK(summary.source == QFileInfo(store.root).canonicalFilePath());
    CHECK(summary.runsAdded == 4);
}

TEST_CASE("A folder that is no MLflow store is refused", "[mlflow]") {
    QTemporaryDir dir;
    MlflowStoreWriter::write(dir.filePath(QStringLiteral("notes/readme.txt")), "hello");
    TemporaryWorkspace ws;
    CHECK_THROWS_WITH(MlflowImporter::importStore(ws.workspace(), dir.path()),
                      Catch::Contains("is not an MLflow file store"));
    CHECK_THROWS_WITH(MlflowImporter::importStore(ws.workspace(), dir.filePath(QStringLiteral("missing"))),
                      Catch::Contains("no such file or folder"));
}
