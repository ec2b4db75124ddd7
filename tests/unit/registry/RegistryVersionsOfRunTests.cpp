#include "core/registry/Registry.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::TemporaryWorkspace;

TEST_CASE("versionsOfRun lists the versions made from a run, with model name, stage and aliases",
          "[registry]") {
    TemporaryWorkspace ws;
    qint64 runA = 0;
    qint64 runB = 0;
    qint64 runC = 0;
    ws->write([&](WriteTransaction& tx) {
        Run run;
        run.experimentId = Tracking::createExperiment(tx, QStringLiteral("e"));
        runA = Tracking::createRun(tx, run);
        runB = Tracking::createRun(tx, run);
        runC = Tracking::createRun(tx, run);
        const qint64 churn = Registry::createModel(tx, QStringLiteral("churn"));
        const qint64 credit = Registry::createModel(tx, QStringLiteral("credit"));
        Registry::createVersion(tx, churn, runA);          // churn v1
        Registry::createVersion(tx, churn, runB);          // churn v2
        Registry::createVersion(tx, churn, runA);          // churn v3
        Registry::createVersion(tx, credit, runA);         // credit v1
        Registry::createVersion(tx, credit, std::nullopt); // credit v2, from no run
        Registry::setAlias(tx, churn, QStringLiteral("production"), 3);
        Registry::setAlias(tx, churn, QStringLiteral("champion"), 3);
        Registry::setStage(tx, credit, 1, QStringLiteral("Staging"));
    });
    const Registry registry(ws.workspace());

    const QList<ModelVersionRef> ofA = registry.versionsOfRun(runA);
    REQUIRE(ofA.size() == 3);
    CHECK(ofA.at(0).modelName == QLatin1String("churn"));
    CHECK(ofA.at(0).version == 1);
    CHECK(ofA.at(0).aliases.isEmpty());
    CHECK(ofA.at(1).modelName == QLatin1String("churn"));
    CHECK(ofA.at(1).version == 3);
    CHECK(ofA.at(1).aliases == QStringList{QStringLiteral("champion"), QStringLiteral("production")});
    CHECK(ofA.at(2).modelName == QLatin1String("credit"));
    CHECK(ofA.at(2).version == 1);
    CHECK(ofA.at(2).stage == QLatin1String("Staging"));
    CHECK(ofA.at(2).modelId != ofA.at(0).modelId);

    const QList<ModelVersionRef> ofB = registry.versionsOfRun(runB);
    REQUIRE(ofB.size() == 1);
    CHECK(ofB.first().version == 2);
    CHECK(ofB.first().stage == QLatin1String("None"));

    CHECK(registry.versionsOfRun(runC).isEmpty());
    CHECK(registry.versionsOfRun(9999).isEmpty());
}
