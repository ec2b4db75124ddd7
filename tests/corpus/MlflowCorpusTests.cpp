// Real mlruns/ trees from public projects, read in place from shared/fixtures/mlflow/filestore.
// Each test asserts the verified facts that SOURCES.txt lists for its tree (J1-J6, L1-L5,
// M1-M6), then that importing the tree again adds nothing.
#include "core/base/SqlQuery.h"
#include "core/mlflow/MlflowImporter.h"
#include "core/registry/Registry.h"
#include "core/tracking/MetricStore.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/AuditLog.h"
#include "tests/support/TemporaryWorkspace.h"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace assay;
using assay::test::TemporaryWorkspace;

namespace {

QString tree(const char* name) {
    return QStringLiteral(ASSAY_MLFLOW_FILESTORES "/") + QLatin1String(name) + QStringLiteral("/mlruns");
}

struct Imported {
    TemporaryWorkspace ws;
    MlflowImportSummary summary;

    explicit Imported(const char* name)
        : summary(MlflowImporter::importStore(ws.workspace(), tree(name))) {}

    Workspace& w() { return ws.workspace(); }
    Run run(const char* uid) {
        const std::optional<Run> found = Tracking(w()).runByUid(QLatin1String(uid));
        REQUIRE(found.has_value());
        return *found;
    }
    MetricSeries series(const char* uid, const char* key) {
        return MetricStore(w()).series(run(uid).id, QLatin1String(key));
    }
    QMap<QString, QString> params(const char* uid) { return Tracking(w()).params(run(uid).id); }
    QMap<QString, QString> tags(const char* uid) { return Tracking(w()).tags(run(uid).id); }
    Experiment experiment(const QString& name) {
        const std::optional<Experiment> found = Tracking(w()).experimentByName(name);
        REQUIRE(found.has_value());
        return *found;
    }
    // (active, deleted) runs of the experiment.
    std::pair<int, int> runCounts(const QString& name) {
        int active = 0;
        int deleted = 0;
        for (const Run& r : Tracking(w()).runs(experiment(name).id))
            ++(r.deleted ? deleted : active);
        return {active, deleted};
    }
    qint64 scalar(const char* sql) {
        return SqlQuery::scalar(w().database(), QString::fromLatin1(sql)).toLongLong();
    }
    void reimportAddsNothing() {
        const qint64 events = scalar("SELECT count(*) FROM audit_log");
        const qint64 points = scalar("SELECT sum(point_count) FROM metric_chunks");
        const MlflowImportSummary again = MlflowImporter::importStore(w(), summary.source);
        CHECK(again.experimentsAdded + again.experimentsUpdated + again.runsAdded + again.runsUpdated == 0);
        CHECK(again.pointsAdded == 0);
        CHECK(again.modelsAdded + again.modelsUpdated + again.versionsAdded == 0);
        CHECK(scalar("SELECT count(*) FROM audit_log") == events);
        CHECK(scalar("SELECT sum(point_count) FROM metric_chunks") == points);
        CHECK(AuditLog::verify(w().database()).intact);
    }
};

QString skippedText(const MlflowImportSummary& summary) {
    QStringList lines;
    for (const MlflowSkippedItem& item : summary.skipped)
        lines << item.toString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace

TEST_CASE("Jefidev: many runs, long step-0 histories, deleted runs and .trash", "[mlflow][corpus]") {
    Imported store("Jefidev__Gesture-Recognition-Experiments");
    INFO(skippedText(store.summary).toStdString());
    CHECK(store.summary.skipped.isEmpty());
    CHECK(store.summary.experimentsAdded == 4);
    CHECK(store.summary.runsAdded == 104);
    CHECK(store.summary.pointsAdded == 1909); // nothing lost to repeated steps

    SECTION("J1: runs per experiment, active and deleted") {
        CHECK(store.runCounts(QStringLiteral("ConvNet + GRU")) == std::pair<int, int>{8, 61});
        CHECK(store.runCounts(QStringLiteral("C3D")) == std::pair<int, int>{4, 30});
        CHECK(store.runCounts(QStringLiteral("Default")) == std::pair<int, int>{0, 0});
        CHECK(store.scalar("SELECT count(*) FROM runs WHERE status = 'FAILED'") == 83);
        CHECK(store.scalar("SELECT count(*) FROM runs WHERE status = 'FINISHED'") == 15);
        CHECK(store.scalar("SELECT count(*) FROM runs WHERE status = 'RUNNING'") == 6);
    }
    SECTION("J2: the experiment in .trash and its run are deleted") {
        const Experiment trashed = store.experiment(QStringLiteral("ConvNet + GRU - unfrozen cnn layer"));
        CHECK(trashed.deleted);
        CHECK(store.runCounts(QStringLiteral("ConvNet + GRU - unfrozen cnn layer")) ==
              std::pair<int, int>{0, 1});
        const Run run = store.run("0d320013b8de4cb38223b3b529d9c82d");
        CHECK(run.deleted);
        CHECK(run.status == RunStatus::Failed);
        CHECK_FALSE(store.params("0d320013b8de4cb38223b3b529d9c82d").isEmpty());
        CHECK_FALSE(store.tags("0d320013b8de4cb38223b3b529d9c82d").isEmpty());
        CHECK(MetricStore(store.w()).summaries(run.id).isEmpty());
    }
    SECTION("J3: 30 points per metric, all at step 0, in file order") {
        const char* uid = "13473fe98cac4097a237e27a038c51cd";
        const Run run = store.run(uid);
        CHECK(run.name == QLatin1String("LSFB-25 frame limited"));
        CHECK(run.status == RunStatus::Finished);
        for (const char* key : {"eval_acc", "eval_loss", "train_acc", "train_loss"}) {
            const MetricSeries series = store.series(uid, key);
            CHECK(series.size() == 30);
            CHECK(std::all_of(series.steps.cbegin(), series.steps.cend(),
                              [](qint64 step) { return step == 0; }));
        }
        const MetricSeries evalAcc = store.series(uid, "eval_acc");
        CHECK(evalAcc.timestamps.front() == 1598540421909);
        CHECK(evalAcc.values.front() == 0.10236794171220401);
        CHECK(evalAcc.timestamps.back() == 1598556711610);
        CHECK(evalAcc.values.back() == 0.09763205828779599);
        CHECK(store.series(uid, "train_loss").values.back() == 3.0564139159684327);
        // MLflow's latest at one step is the point with the largest timestamp.
        CHECK(MetricStore(store.w()).summary(run.id, QStringLiteral("eval_acc"))->latest ==
              0.09763205828779599);
    }
    SECTION("J4: params verbatim, the source name from its tag") {
        const char* uid = "13473fe98cac4097a237e27a038c51cd";
        CHECK(store.params(uid) ==
              QMap<QString, QString>{{QStringLiteral("batch_size"), QStringLiteral("15")},
                                     {QStringLiteral("epochs"), QStringLiteral("30")},
                                     {QStringLiteral("img_size"), QStringLiteral("(144, 180)")},
                                     {QStringLiteral("l_r"), QStringLiteral("0.001")},
                                     {QStringLiteral("n_class"), QStringLiteral("25")}});
        CHECK(store.run(uid).sourceName == QLatin1String("lstm-train.py"));
    }
    SECTION("J5: a run left RUNNING without an end time") {
        const char* uid = "587e99601f364e9aa716a0efdf86de91";
        const Run run = store.run(uid);
        CHECK(run.name == QLatin1String("most_frequents_25"));
        CHECK_FALSE(run.deleted);
        CHECK(run.status == RunStatus::Running);
        CHECK_FALSE(run.endTime.has_value());
        CHECK(store.params(uid).size() == 9);
        CHECK(store.series(uid, "eval_acc").size() == 5);
        CHECK(store.series(uid, "train_acc").size() == 6);
        CHECK(store.series(uid, "train_acc").values.back() == 0.11042342076824836);
    }
    SECTION("J6: 20 points per metric") {
        const char* uid = "4262893a6a3d45daab33e6899d609f93";
        const Run run = store.run(uid);
        CHECK_FALSE(run.deleted);
        CHECK(run.status == RunStatus::Finished);
        for (const MetricSummary& summary : MetricStore(store.w()).summaries(run.id))
            CHECK(summary.count == 20);
        CHECK(store.series(uid, "eval_acc").values.back() == 0.10601092896174863);
        const QMap<QString, QString> params = store.params(uid);
        CHECK(params.value(QStringLiteral("dataset")) == QLatin1String("most_frequents_25"));
        CHECK(params.value(QStringLiteral("max_frames")) == QLatin1String("20"));
        CHECK(params.value(QStringLiteral("width")) == QLatin1String("180"));
    }
    SECTION("importing it again adds nothing") {
        store.reimportAddsNothing();
    }
}

TEST_CASE("lucaruzzola: a pre-1.0 store of 2-field lines with timestamps in seconds", "[mlflow][corpus]") {
    Imported store("lucaruzzola__mlops");
    INFO(skippedText(store.summary).toStdString());
    CHECK(store.summary.skipped.isEmpty());
    CHECK(store.summary.runsAdded == 4);
    CHECK(store.summary.pointsAdded == 18);

    SECTION("L1: Default and wine, two active runs each") {
        CHECK(store.runCounts(QStringLiteral("Default")) == std::pair<int, int>{2, 0});
        CHECK(store.runCounts(QStringLiteral("wine")) == std::pair<int, int>{2, 0});
        CHECK(Tracking(store.w()).experiments().size() == 2);
    }
    SECTION("L2: nine points at one timestamp, read as step 0, seconds made milliseconds") {
        const char* uid = "5b8bfbb83f674db0ab21cf0582f7f42b";
        const MetricSeries loss = store.series(uid, "loss_function");
        REQUIRE(loss.size() == 9);
        CHECK(std::all_of(loss.timestamps.cbegin(), loss.timestamps.cend(),
                          [](qint64 timestamp) { return timestamp == 1552417036000; }));
        CHECK(std::all_of(loss.steps.cbegin(), loss.steps.cend(), [](qint64 step) { return step == 0; }));
        CHECK(loss.values.front() == 1.0142852576247392);
        CHECK(loss.values.back() == 0.12703038221479226);
        CHECK(store.params(uid).value(QStringLiteral("num_steps")) == QLatin1String("10"));
    }
    SECTION("L3: foo = [1, 2, 3], a param and a note") {
        const char* uid = "a5ac167098754e60ace52678515040a2";
        const MetricSeries foo = store.series(uid, "foo");
        CHECK(foo.values == std::vector<double>{1, 2, 3});
        CHECK(foo.timestamps == std::vector<qint64>(3, 1552416858000));
        CHECK(store.params(uid).value(QStringLiteral("param1")) == QLatin1String("5"));
        CHECK(store.tags(uid).value(QStringLiteral("mlflow.note.content")) == QLatin1String("Hello world!"));
    }
    SECTION("L4: one point per metric") {
        const char* uid = "4ae427330a51409e822f8067c16da526";
        CHECK(store.params(uid).value(QStringLiteral("alpha")) == QLatin1String("0.1"));
        CHECK(store.params(uid).value(QStringLiteral("l1_ratio")) == QLatin1String("1.9"));
        CHECK(store.series(uid, "rmse").values == std::vector<double>{0.8008614421065388});
        CHECK(store.series(uid, "r2").values == std::vector<double>{0.17161039226431196});
        CHECK(store.series(uid, "mae").values == std::vector<double>{0.6215339293635124});
        CHECK(store.run(uid).experimentId == store.experiment(QStringLiteral("wine")).id);
    }
    SECTION("L5: run_uuid without run_id is the uid; run times in ms as they are") {
        const char* uid = "a88084eb6dbd418bbe6aa55167089274";
        CHECK(store.params(uid).value(QStringLiteral("alpha")) == QLatin1String("0.2"));
        CHECK(store.params(uid).value(QStringLiteral("l1_ratio")) == QLatin1String("1.77"));
        CHECK(store.series(uid, "rmse").values == std::vector<double>{0.8442722944179337});
        const Run run = store.run("5b8bfbb83f674db0ab21cf0582f7f42b");
        CHECK(run.startTime == 1552417036343);
        CHECK(run.endTime == 1552417036467);
        CHECK(run.user == QLatin1String("luca"));
    }
    SECTION("importing it again adds nothing") {
        store.reimportAddsNothing();
    }
}

TEST_CASE("mjm3853: MLflow 3 layout, nested keys, datasets, a registry with an alias", "[mlflow][corpus]") {
    Imported store("mjm3853__try-mlflow");
    INFO(skippedText(store.summary).toStdString());
    CHECK(store.summary.skipped.isEmpty());
    CHECK(store.summary.runsAdded == 25);
    CHECK(store.summary.pointsAdded == 67);
    CHECK(store.summary.modelsAdded == 4);
    CHECK(store.summary.versionsAdded == 12);

    SECTION("M1: 8 experiments, 25 active runs; runs with and without run_uuid") {
        CHECK(Tracking(store.w()).experiments().size() == 8);
        CHECK(store.scalar("SELECT count(*) FROM runs WHERE lifecycle = 'active'") == 25);
        CHECK(store.runCounts(QStringLiteral("MLflow Quickstart")) == std::pair<int, int>{8, 0});
        CHECK(store.runCounts(QStringLiteral("nl-to-sql-tutorial")) == std::pair<int, int>{4, 0});
        CHECK(store.runCounts(QStringLiteral("Three Demo")) == std::pair<int, int>{0, 0});
        CHECK(store.runCounts(QStringLiteral("Default")) == std::pair<int, int>{0, 0});
        CHECK(store.runCounts(QStringLiteral("Pong")) == std::pair<int, int>{3, 0});
        CHECK(store.runCounts(QStringLiteral("Introduction to Sentence Transformers")) ==
              std::pair<int, int>{6, 0});
        CHECK(store.scalar("SELECT count(*) FROM runs WHERE name = ''") == 0);
    }
    SECTION("M2: nl-to-sql-tutorial, versions 1-3, alias test -> 3") {
        const Registry registry(store.w());
        const std::optional<RegisteredModel> model =
            registry.modelByName(QStringLiteral("nl-to-sql-tutorial"));
        REQUIRE(model);
        const QList<ModelVersion> versions = registry.versions(model->id);
        REQUIRE(versions.size() == 3);
        CHECK(versions[0].version == 3);
        CHECK(versions[2].version == 1);
        CHECK(versions[0].runUid == QLatin1String("bdd2158df74c40efbb00f8a640ba98fe"));
        CHECK(versions[0].aliases == QStringList{QStringLiteral("test")});
        CHECK(registry.aliasVersion(model->id, QStringLiteral("test")) == 3);
    }
    SECTION("M3: tracking-quickstart's 8 versions from 8 runs; a model with a space; a version without run") {
        const Registry registry(store.w());
        const std::optional<RegisteredModel> quickstart =
            registry.modelByName(QStringLiteral("tracking-quickstart"));
        REQUIRE(quickstart);
        const QList<ModelVersion> versions = registry.versions(quickstart->id);
        REQUIRE(versions.size() == 8);
        QSet<QString> runs;
        const qint64 experiment = store.experiment(QStringLiteral("MLflow Quickstart")).id;
        for (const ModelVersion& version : versions) {
            runs.insert(version.runUid);
            CHECK(store.run(version.runUid.toLatin1().constData()).experimentId == experiment);
            CHECK(version.stage == QLatin1String("None"));
        }
        CHECK(runs.size() == 8);
        CHECK(versions[0].version == 8);
        CHECK(versions[0].runUid == QLatin1String("c8bac6446c1247bf9cec8b87bcf82651"));

        const std::optional<RegisteredModel> threeDemo = registry.modelByName(QStringLiteral("three demo"));
        REQUIRE(threeDemo);
        CHECK(registry.versions(threeDemo->id).isEmpty());
        const std::optional<RegisteredModel> sentence =
            registry.modelByName(QStringLiteral("SentenceTransformerFromTutorial"));
        REQUIRE(sentence);
        REQUIRE(registry.versions(sentence->id).size() == 1);
        CHECK_FALSE(registry.versions(sentence->id).first().runId.has_value());
    }
    SECTION("M4: nested metric keys with real steps") {
        const char* uid = "594bef164b7e4d418d807476222af6a9";
        CHECK(store.run(uid).name == QLatin1String("placid-vole-899"));
        const QList<MetricSummary> summaries = MetricStore(store.w()).summaries(store.run(uid).id);
        CHECK(summaries.size() == 12);
        CHECK(std::all_of(summaries.cbegin(), summaries.cend(), [](const MetricSummary& summary) {
            return summary.key.contains(QLatin1Char('/'));
        }));
        const MetricSeries valueLoss = store.series(uid, "train/value_loss");
        CHECK(valueLoss.steps == std::vector<qint64>{10000, 20000});
        CHECK(valueLoss.values == std::vector<double>{0.007404121104627848, 0.1501854658126831});
        CHECK(store.series(uid, "rollout/ep_rew_mean").values == std::vector<double>{-21.0, -21.0});
        const MetricSeries policyLoss = store.series(uid, "train/policy_loss");
        REQUIRE(policyLoss.steps.front() == 10000);
        CHECK(policyLoss.values.front() == 1.6908670659177005e-06);
    }
    SECTION("M5: experiment tags, a dataset used as training input by two runs") {
        const Experiment apples = store.experiment(QStringLiteral("Apple_Models"));
        const QMap<QString, QString> tags = Tracking(store.w()).experimentTags(apples.id);
        CHECK(tags.size() == 5);
        CHECK(tags.value(QStringLiteral("project_name")) == QLatin1String("grocery-forecasting"));
        CHECK(tags.value(QStringLiteral("team")) == QLatin1String("stores-ml"));
        CHECK(tags.value(QStringLiteral("project_quarter")) == QLatin1String("Q3-2023"));
        CHECK(tags.value(QStringLiteral("store_dept")) == QLatin1String("produce"));
        CHECK(apples.description == tags.value(QStringLiteral("mlflow.note.content")));
        for (const char* uid : {"b9380a0846e3482daefb2ff0ad45b84f", "be612e0c9ac94ef8b1817cf9b2b00623"}) {
            const QList<DatasetInput> inputs = Tracking(store.w()).inputs(store.run(uid).id);
            REQUIRE(inputs.size() == 1);
            CHECK(inputs[0].name == QLatin1String("apple_sales"));
            CHECK(inputs[0].digest == QLatin1String("1f1484c1"));
            CHECK(inputs[0].context == QLatin1String("training"));
            CHECK(inputs[0].source == QLatin1String("{\"uri\": \"data/apple_sales.pkl\"}"));
        }
        CHECK(store.scalar("SELECT count(*) FROM run_inputs") == 2);
    }
    SECTION("M6: logged-model folders are not runs") {
        CHECK(store.scalar("SELECT count(*) FROM runs") == 25);
        CHECK(store.scalar("SELECT count(*) FROM runs WHERE uid LIKE 'm-%'") == 0);
    }
    SECTION("importing it again adds nothing") {
        store.reimportAddsNothing();
    }
}
