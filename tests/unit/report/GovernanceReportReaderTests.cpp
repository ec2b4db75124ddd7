#include "core/audit/ModelAuditTrail.h"
#include "core/base/AssayError.h"
#include "core/registry/Registry.h"
#include "core/report/GovernanceReportReader.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::TemporaryWorkspace;

TEST_CASE("The model audit trail holds the model's and the chosen version's events only", "[report][audit]") {
    TemporaryWorkspace ws;
    ws->write([&](WriteTransaction& tx) {
        const qint64 model = Registry::createModel(tx, QStringLiteral("churn"));
        Registry::createVersion(tx, model, std::nullopt);
        Registry::createVersion(tx, model, std::nullopt);
        // A model whose name extends this one's is another model.
        const qint64 other = Registry::createModel(tx, QStringLiteral("churn-eu"));
        Registry::createVersion(tx, other, std::nullopt);
    });
    const ModelAuditTrail trail(ws.workspace());
    QStringList all;
    for (const AuditEvent& event : trail.events(QStringLiteral("churn")))
        all << event.entity;
    CHECK(all == QStringList{QStringLiteral("model:churn"), QStringLiteral("model:churn/1"),
                             QStringLiteral("model:churn/2")});
    QStringList second;
    for (const AuditEvent& event : trail.events(QStringLiteral("churn"), 2))
        second << event.entity;
    CHECK(second == QStringList{QStringLiteral("model:churn"), QStringLiteral("model:churn/2")});
}

TEST_CASE("The governance report reader names a missing model or version", "[report]") {
    TemporaryWorkspace ws;
    ws->write([&](WriteTransaction& tx) {
        Registry::createVersion(tx, Registry::createModel(tx, QStringLiteral("churn")), std::nullopt);
    });
    const GovernanceReportReader reader(ws.workspace());
    const GovernanceReportData data = reader.read(QStringLiteral("churn"), 1);
    CHECK(data.model.name == QStringLiteral("churn"));
    CHECK(data.version.version == 1);
    CHECK_FALSE(data.assessment);
    CHECK(data.requests.isEmpty());
    CHECK(data.audit.size() == 2);
    CHECK_THROWS_WITH(reader.read(QStringLiteral("fraud"), 1), "There is no model named \"fraud\".");
    CHECK_THROWS_WITH(reader.read(QStringLiteral("churn"), 4), "Model \"churn\" has no version 4.");
}
