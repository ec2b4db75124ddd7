#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/AuditLog.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::runCommand;
using assay::test::TemporaryWorkspace;

namespace {

// Seven events: workspace.create, user.add (the first admin), experiment.create, four run.create.
void fillSevenEvents(Workspace& workspace) {
    workspace.write([](WriteTransaction& tx) {
        Run run;
        run.experimentId = Tracking::createExperiment(tx, QStringLiteral("e"));
        for (int i = 0; i < 4; ++i)
            Tracking::createRun(tx, run);
    });
}

// What someone with the sqlite3 shell can do: drop the guard triggers and edit the table.
void tamper(const QString& path, const QString& sql) {
    REQUIRE(runCommand(QStringLiteral("sqlite3"),
                       {path, QStringLiteral(
                                  "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; ") +
                                  sql}) == 0);
}

} // namespace

TEST_CASE("The canonical form and hash of an event are fixed", "[audit]") {
    AuditEvent event;
    event.seq = 1;
    event.at = 1000;
    event.actor = QStringLiteral("alice");
    event.action = QStringLiteral("x.do");
    event.entity = QStringLiteral("run:r1");
    event.payload = {{QStringLiteral("b"), 2}, {QStringLiteral("a"), QStringLiteral("z")}};
    CHECK(
        AuditLog::canonicalJson(event) ==
        R"({"action":"x.do","actor":"alice","at":1000,"entity":"run:r1","payload":{"a":"z","b":2},"seq":1})");
    // Computed independently: sha256("0"*64 + json.dumps(event, sort_keys=True, separators=(",", ":"))).
    CHECK(AuditLog::chainHash(AuditLog::genesisHash(), event) ==
          "89d31849e037e3d368f80babec9a870f84aec99ebfc64da8a99617197f95353b");
}

TEST_CASE("Every write appends a chained event naming the actor", "[audit]") {
    TemporaryWorkspace ws(QStringLiteral("alice"));
    ws.now = 1'800'000'000'000;
    fillSevenEvents(ws.workspace());
    const AuditVerification result = AuditLog::verify(ws->database());
    CHECK(result.intact);
    CHECK(result.eventCount == 7);
    CHECK(result.verifiedThrough == 7);

    QSqlQuery query =
        SqlQuery::run(ws->database(), QStringLiteral("SELECT actor, action, entity, at FROM audit_log "
                                                     "WHERE seq = 3"));
    REQUIRE(query.next());
    CHECK(query.value(0).toString() == QLatin1String("alice"));
    CHECK(query.value(1).toString() == QLatin1String("experiment.create"));
    CHECK(query.value(2).toString() == QLatin1String("experiment:e"));
    CHECK(query.value(3).toLongLong() == 1'800'000'000'000);
}

TEST_CASE("Triggers refuse UPDATE and DELETE on the audit log", "[audit]") {
    TemporaryWorkspace ws;
    fillSevenEvents(ws.workspace());
    CHECK_THROWS_WITH(SqlQuery::run(ws->database(), QStringLiteral("UPDATE audit_log SET actor = 'mallory'")),
                      Catch::Contains("append-only"));
    CHECK_THROWS_WITH(SqlQuery::run(ws->database(), QStringLiteral("DELETE FROM audit_log WHERE seq = 3")),
                      Catch::Contains("append-only"));
    CHECK(AuditLog::verify(ws->database()).intact);
}

TEST_CASE("Tampering with the sqlite3 shell is found at the right sequence number", "[audit]") {
    TemporaryWorkspace ws;
    fillSevenEvents(ws.workspace());
    const QString path = ws.path();
    ws.close();

    SECTION("an edited payload") {
        tamper(path, QStringLiteral("UPDATE audit_log SET payload = '{\"name\":\"forged\"}' WHERE seq = 3;"));
        const AuditVerification result = AuditLog::verify(ws.reopen()->database());
        CHECK_FALSE(result.intact);
        CHECK(result.brokenAt == 3);
        CHECK(result.verifiedThrough == 2);
        CHECK_THAT(result.problem.toStdString(), Catch::Contains("altered"));
    }
    SECTION("an edited actor with a recomputed-looking hash left alone") {
        tamper(path, QStringLiteral("UPDATE audit_log SET actor = 'mallory' WHERE seq = 5;"));
        CHECK(AuditLog::verify(ws.reopen()->database()).brokenAt == 5);
    }
    SECTION("a deleted event") {
        tamper(path, QStringLiteral("DELETE FROM audit_log WHERE seq = 4;"));
        const AuditVerification result = AuditLog::verify(ws.reopen()->database());
        CHECK(result.brokenAt == 4);
        CHECK_THAT(result.problem.toStdString(), Catch::Contains("missing"));
    }
    SECTION("a forged event appended with a wrong link") {
        tamper(path, QStringLiteral(
                         "INSERT INTO audit_log VALUES (8, 0, 'mallory', 'x', 'y', '{}', 'abc', 'def');"));
        const AuditVerification result = AuditLog::verify(ws.reopen()->database());
        CHECK(result.brokenAt == 8);
        CHECK_THAT(result.problem.toStdString(), Catch::Contains("does not link"));
    }
    SECTION("a payload that is no longer JSON") {
        tamper(path, QStringLiteral("UPDATE audit_log SET payload = 'garbage' WHERE seq = 2;"));
        CHECK(AuditLog::verify(ws.reopen()->database()).brokenAt == 2);
    }
}
