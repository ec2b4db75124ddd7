#include "core/base/AssayError.h"
#include "core/registry/Registry.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/AuditLog.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::TemporaryWorkspace;

namespace {

struct RegistryFixture {
    TemporaryWorkspace ws;
    qint64 modelId = 0;
    QList<qint64> runIds;

    RegistryFixture() {
        ws->write([&](WriteTransaction& tx) {
            Run run;
            run.experimentId = Tracking::createExperiment(tx, QStringLiteral("e"));
            for (int i = 0; i < 3; ++i)
                runIds << Tracking::createRun(tx, run);
            modelId = Registry::createModel(tx, QStringLiteral("churn"), QStringLiteral("Churn classifier"));
            for (qint64 runId : runIds)
                Registry::createVersion(tx, modelId, runId);
        });
    }

    void moveAlias(int version, qint64 at) {
        ws.now = at;
        ws->write([&](WriteTransaction& tx) {
            Registry::setAlias(tx, modelId, QStringLiteral("production"), version);
        });
    }
};

} // namespace

TEST_CASE("Versions are numbered per model and linked to their runs", "[registry]") {
    RegistryFixture f;
    const QList<ModelVersion> versions = Registry(f.ws.workspace()).versions(f.modelId);
    REQUIRE(versions.size() == 3);
    CHECK(versions.first().version == 3); // newest first
    CHECK(versions.last().version == 1);
    CHECK(versions.last().runId == f.runIds.first());
    CHECK(versions.last().runUid == Tracking(f.ws.workspace()).run(f.runIds.first())->uid);
    CHECK(versions.last().createdBy == QLatin1String("tester"));
}

TEST_CASE("Moving an alias records its history and answers 'which version on date D'", "[registry]") {
    RegistryFixture f;
    f.moveAlias(1, 1000);
    f.moveAlias(2, 2000);
    f.moveAlias(3, 3000);
    const Registry registry(f.ws.workspace());
    CHECK(registry.aliasVersion(f.modelId, QStringLiteral("production")) == 3);

    const QList<AliasChange> history = registry.aliasHistory(f.modelId, QStringLiteral("production"));
    REQUIRE(history.size() == 3);
    CHECK_FALSE(history[0].previousVersion.has_value());
    CHECK(history[1].previousVersion == 1);
    CHECK(history[1].version == 2);
    CHECK(history[2].changedAt == 3000);

    CHECK_FALSE(registry.aliasVersionAt(f.modelId, QStringLiteral("production"), 999).has_value());
    CHECK(registry.aliasVersionAt(f.modelId, QStringLiteral("production"), 1000) == 1);
    CHECK(registry.aliasVersionAt(f.modelId, QStringLiteral("production"), 2500) == 2);
    CHECK(registry.aliasVersionAt(f.modelId, QStringLiteral("production"), 99999) == 3);

    const QList<ModelVersion> versions = registry.versions(f.modelId);
    CHECK(versions.first().aliases == QStringList{QStringLiteral("production")});
    CHECK(versions.last().aliases.isEmpty());
}

TEST_CASE("Removing an alias leaves a gap in the timeline", "[registry]") {
    RegistryFixture f;
    f.moveAlias(2, 1000);
    f.ws.now = 2000;
    f.ws->write([&](WriteTransaction& tx) {
        Registry::removeAlias(tx, f.modelId, QStringLiteral("production"), QStringLiteral("incident"));
    });
    const Registry registry(f.ws.workspace());
    CHECK_FALSE(registry.aliasVersion(f.modelId, QStringLiteral("production")).has_value());
    CHECK(registry.aliasVersionAt(f.modelId, QStringLiteral("production"), 1500) == 2);
    CHECK_FALSE(registry.aliasVersionAt(f.modelId, QStringLiteral("production"), 2500).has_value());
    CHECK(registry.aliasHistory(f.modelId, QStringLiteral("production")).last().reason ==
          QLatin1String("incident"));
}

TEST_CASE("A model's alias names include aliases it no longer has", "[registry]") {
    RegistryFixture f;
    CHECK(Registry(f.ws.workspace()).aliasNames(f.modelId).isEmpty());
    f.moveAlias(1, 1000);
    f.ws->write([&](WriteTransaction& tx) {
        Registry::setAlias(tx, f.modelId, QStringLiteral("challenger"), 2);
        Registry::setAlias(tx, f.modelId, QStringLiteral("staging"), 3);
        Registry::removeAlias(tx, f.modelId, QStringLiteral("staging"));
    });
    CHECK(Registry(f.ws.workspace()).aliasNames(f.modelId) ==
          QStringList{QStringLiteral("challenger"), QStringLiteral("production"), QStringLiteral("staging")});
}

TEST_CASE("Registry writes refuse bad input and are audited", "[registry][audit]") {
    RegistryFixture f;
    CHECK_THROWS_WITH(f.ws->write([&](WriteTransaction& tx) {
        Registry::setAlias(tx, f.modelId, QStringLiteral("production"), 9);
    }),
                      Catch::Contains("has no version 9"));
    CHECK_THROWS_WITH(f.ws->write([&](WriteTransaction& tx) {
        Registry::setAlias(tx, f.modelId, QStringLiteral("no spaces"), 1);
    }),
                      Catch::Contains("not a valid alias"));
    CHECK_THROWS_WITH(
        f.ws->write([&](WriteTransaction& tx) { Registry::createModel(tx, QStringLiteral("churn")); }),
        Catch::Contains("registered already"));
    CHECK_THROWS_WITH(
        f.ws->write([&](WriteTransaction& tx) { Registry::createVersion(tx, f.modelId, 12345); }),
        Catch::Contains("no run with id 12345"));
    const AuditVerification audit = AuditLog::verify(f.ws->database());
    CHECK(audit.intact);
    CHECK(audit.eventCount == 2 + 1 + 3 + 1 + 3); // create and first admin, experiment, runs, model, versions
}
