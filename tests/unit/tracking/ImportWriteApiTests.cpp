// The write calls that imports use to keep a workspace in step with another store: run updates,
// experiment lifecycle and tags, numbered model versions, stages and model tags.
#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"
#include "core/registry/Registry.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::TemporaryWorkspace;

namespace {

qint64 events(Workspace& workspace, const char* action) {
    return SqlQuery::scalar(workspace.database(),
                            QStringLiteral("SELECT count(*) FROM audit_log WHERE action = ?"),
                            {QString::fromLatin1(action)})
        .toLongLong();
}

QJsonObject lastPayload(Workspace& workspace, const char* action) {
    return QJsonDocument::fromJson(
               SqlQuery::scalar(
                   workspace.database(),
                   QStringLiteral("SELECT payload FROM audit_log WHERE action = ? ORDER BY seq DESC"),
                   {QString::fromLatin1(action)})
                   .toString()
                   .toUtf8())
        .object();
}

} // namespace

TEST_CASE("updateRun writes and audits only the attributes that changed", "[tracking]") {
    TemporaryWorkspace ws;
    Run run;
    ws->write([&](WriteTransaction& tx) {
        run.experimentId = Tracking::createExperiment(tx, QStringLiteral("e"), {}, 1234);
        run.uid = QStringLiteral("r1");
        run.name = QStringLiteral("first");
        run.startTime = 1000;
        run.id = Tracking::createRun(tx, run);
    });
    CHECK(Tracking(ws.workspace()).experimentByName(QStringLiteral("e"))->createdAt == 1234);

    bool changed = true;
    ws->write([&](WriteTransaction& tx) {
        changed = Tracking::updateRun(tx, run);
        tx.audit(QStringLiteral("test.noop"), QStringLiteral("test"), {});
    });
    CHECK_FALSE(changed);
    CHECK(events(ws.workspace(), "run.update") == 0);

    run.status = RunStatus::Finished;
    run.endTime = 2000;
    run.deleted = true;
    ws->write([&](WriteTransaction& tx) { changed = Tracking::updateRun(tx, run); });
    CHECK(changed);
    const Run stored = *Tracking(ws.workspace()).run(run.id);
    CHECK(stored.status == RunStatus::Finished);
    CHECK(stored.endTime == 2000);
    CHECK(stored.deleted);
    CHECK(stored.name == QLatin1String("first"));
    CHECK(events(ws.workspace(), "run.update") == 1);
    const QJsonObject payload = lastPayload(ws.workspace(), "run.update");
    CHECK(payload.keys() ==
          QStringList{QStringLiteral("end_time"), QStringLiteral("lifecycle"), QStringLiteral("status")});
}

TEST_CASE("An experiment's lifecycle and tags are set and audited", "[tracking]") {
    TemporaryWorkspace ws;
    qint64 id = 0;
    ws->write([&](WriteTransaction& tx) {
        id = Tracking::createExperiment(tx, QStringLiteral("e"));
        Tracking::setExperimentDeleted(tx, id, true);
        Tracking::setExperimentTags(tx, id, {{QStringLiteral("team"), QStringLiteral("a")}});
    });
    const Tracking tracking(ws.workspace());
    CHECK(tracking.experimentByName(QStringLiteral("e"))->deleted);
    CHECK(tracking.experimentTags(id) ==
          QMap<QString, QString>{{QStringLiteral("team"), QStringLiteral("a")}});
    ws->write([&](WriteTransaction& tx) { Tracking::setExperimentDeleted(tx, id, false); });
    CHECK_FALSE(tracking.experimentByName(QStringLiteral("e"))->deleted);
    CHECK(events(ws.workspace(), "experiment.delete") == 1);
    CHECK(events(ws.workspace(), "experiment.restore") == 1);
    CHECK(events(ws.workspace(), "experiment.tags.set") == 1);
}

TEST_CASE("A numbered version keeps its number, gaps included — stages and model tags are audited",
          "[registry]") {
    TemporaryWorkspace ws;
    qint64 model = 0;
    ws->write([&](WriteTransaction& tx) {
        model = Registry::createModel(tx, QStringLiteral("m"));
        Registry::createNumberedVersion(tx, model, 3, std::nullopt, QStringLiteral("Staging"),
                                        QStringLiteral("d"), 500);
        Registry::setModelTags(tx, model, {{QStringLiteral("owner"), QStringLiteral("ann")}});
    });
    CHECK_THROWS_WITH(ws->write([&](WriteTransaction& tx) {
        Registry::createNumberedVersion(tx, model, 3, std::nullopt, QStringLiteral("None"));
    }),
                      Catch::Contains("has a version 3 already"));
    int next = 0;
    ws->write([&](WriteTransaction& tx) {
        next = Registry::createVersion(tx, model, std::nullopt);
        Registry::setStage(tx, model, 3, QStringLiteral("Production"));
    });
    CHECK(next == 4); // after the highest number, not the count
    const Registry registry(ws.workspace());
    const QList<ModelVersion> versions = registry.versions(model);
    REQUIRE(versions.size() == 2);
    CHECK(versions[1].version == 3);
    CHECK(versions[1].stage == QLatin1String("Production"));
    CHECK(versions[1].createdAt == 500);
    CHECK(versions[0].stage == QLatin1String("None"));
    CHECK(registry.modelTags(model).value(QStringLiteral("owner")) == QLatin1String("ann"));
    CHECK(lastPayload(ws.workspace(), "version.stage").value(QStringLiteral("previous_stage")).toString() ==
          QLatin1String("Staging"));
    CHECK(events(ws.workspace(), "model.tags.set") == 1);
}
