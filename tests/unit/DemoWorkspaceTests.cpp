#include "AssayError.h"
#include "AuditLog.h"
#include "DemoWorkspace.h"
#include "MetricStore.h"
#include "ModelCatalog.h"
#include "PromotionRequests.h"
#include "Registry.h"
#include "RiskAssessments.h"
#include "RunQuery.h"
#include "SqlQuery.h"
#include "TemporaryWorkspace.h"
#include "Tracking.h"

#include <QSet>

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::TemporaryWorkspace;

namespace {

int scalar(const Workspace& workspace, const char* sql) {
    return SqlQuery::scalar(workspace.database(), QString::fromLatin1(sql)).toInt();
}

} // namespace

TEST_CASE("The demo workspace is realistic and verifiable", "[demo]") {
    TemporaryWorkspace ws;
    ws.now = 1'790'000'000'000;
    DemoWorkspace::populate(ws.workspace());
    const Workspace& workspace = ws.workspace();

    CHECK(Tracking(workspace).experiments().size() >= 3);
    CHECK(RunQuery(workspace).count({}) >= 300);
    CHECK(scalar(workspace, "SELECT count(DISTINCT user) FROM runs") >= 4);
    CHECK(scalar(workspace,
                 "SELECT min(n) FROM (SELECT count(*) n FROM params p JOIN runs r ON r.id = p.run_id "
                 "WHERE r.name NOT LIKE 'sweep-%' GROUP BY run_id)") >= 10);
    CHECK(scalar(workspace, "SELECT max(n) FROM (SELECT count(*) n FROM params GROUP BY run_id)") <= 20);
    CHECK(scalar(workspace, "SELECT min(n) FROM (SELECT count(*) n FROM metric_summaries GROUP BY run_id)") >=
          5);
    CHECK(scalar(workspace, "SELECT max(n) FROM (SELECT count(*) n FROM metric_summaries GROUP BY run_id)") <=
          10);
    // Finished runs log their full curve of 100..5,000 steps.
    CHECK(scalar(workspace, "SELECT min(point_count) FROM metric_summaries s JOIN runs r ON r.id = s.run_id "
                            "WHERE r.status = 'FINISHED'") >= 100);
    CHECK(scalar(workspace, "SELECT max(point_count) FROM metric_summaries") <= 5000);
    CHECK(scalar(workspace, "SELECT count(*) FROM runs WHERE status = 'FAILED'") > 5);
    CHECK(scalar(workspace, "SELECT count(*) FROM metric_summaries WHERE latest_is_nan = 1") >
          0); // diverged runs
    CHECK(scalar(workspace, "SELECT count(*) FROM tags") > 300);
    CHECK(scalar(workspace, "SELECT count(*) FROM datasets") >= 6);
    CHECK(scalar(workspace, "SELECT count(*) FROM runs WHERE parent_run_id IS NOT NULL") > 0);

    const Registry registry(workspace);
    const QList<RegisteredModel> models = registry.models();
    REQUIRE(models.size() == 4); // three from the experiments, one legacy model without runs
    for (const RegisteredModel& model : models) {
        INFO(model.name.toStdString());
        if (model.name == QLatin1String("aml-alert-triage"))
            continue;
        CHECK(registry.versions(model.id).size() >= 2);
        CHECK(registry.aliasVersion(model.id, QStringLiteral("production")).has_value());
    }

    CHECK(AuditLog::verify(workspace.database()).intact);
}

TEST_CASE("Losses decay and AUCs saturate in the demo curves", "[demo]") {
    TemporaryWorkspace ws;
    DemoWorkspace::populate(ws.workspace());
    const Workspace& workspace = ws.workspace();
    const qint64 runId =
        SqlQuery::scalar(workspace.database(),
                         QStringLiteral("SELECT r.id FROM runs r JOIN metric_summaries s ON "
                                        "s.run_id = r.id WHERE r.status = 'FINISHED' AND s.key = "
                                        "'val_auc' ORDER BY s.latest_value DESC LIMIT 1"))
            .toLongLong();
    const MetricStore store(workspace);
    const MetricSeries loss = store.series(runId, QStringLiteral("train_loss"));
    const MetricSeries auc = store.series(runId, QStringLiteral("val_auc"));
    REQUIRE(loss.size() >= 100);
    CHECK(loss.values.back() < loss.values.front() * 0.6);
    CHECK(auc.values.back() > 0.85);
    CHECK(auc.values.back() > auc.values.front() + 0.2);
}

TEST_CASE("A cancelled demo fill writes nothing; a non-empty workspace is refused", "[demo]") {
    TemporaryWorkspace ws;
    const qint64 eventsBefore = AuditLog::verify(ws->database()).eventCount;
    CHECK_THROWS_WITH(DemoWorkspace::populate(ws.workspace(), [](int done, int) { return done < 50; }),
                      Catch::Contains("cancelled"));
    CHECK(Tracking(ws.workspace()).experiments().isEmpty());
    CHECK(AuditLog::verify(ws->database()).eventCount == eventsBefore);

    int lastDone = 0;
    DemoWorkspace::populate(ws.workspace(), [&](int done, int total) {
        lastDone = done;
        return total == DemoWorkspace::totalRuns();
    });
    CHECK(lastDone == DemoWorkspace::totalRuns());
    CHECK_THROWS_WITH(DemoWorkspace::populate(ws.workspace()), Catch::Contains("has experiments already"));
}

TEST_CASE("The demo's governance: all tiers, signed champions, waiting requests, a stale decision, an "
          "overdue review",
          "[demo][governance]") {
    TemporaryWorkspace ws(QStringLiteral("reviewer"));
    ws.now = 1'790'000'000'000;
    DemoWorkspace::populate(ws.workspace());
    const Workspace& workspace = ws.workspace();

    QSet<int> tiers;
    int overdue = 0;
    for (const ModelOverview& overview : ModelCatalog(workspace).overviews(ws.now)) {
        INFO(overview.model.name.toStdString());
        REQUIRE(overview.tier.has_value());
        tiers.insert(*overview.tier);
        CHECK(overview.productionVersion.has_value());
        CHECK_FALSE(overview.model.owner.isEmpty());
        overdue += overview.reviewOverdue ? 1 : 0;
    }
    CHECK(tiers == QSet<int>{1, 2, 3});
    CHECK(overdue == 1);

    const PromotionRequests requests(workspace);
    int executed = 0;
    int stale = 0;
    for (const PromotionRequest& request : requests.requests()) {
        executed += request.status == PromotionRequest::Status::Executed ? 1 : 0;
        for (const Decision& decision : requests.decisions(request)) {
            CHECK(decision.status != Decision::Status::Invalid);
            stale += decision.status == Decision::Status::Stale ? 1 : 0;
        }
    }
    CHECK(executed == 4);
    CHECK(stale == 1);
    for (const SignatureCheck& check : requests.verifySignatures())
        CHECK_FALSE(check.isProblem());

    // Open requests wait on different people: the one opening the demo (a validator and risk
    // officer) has two in their inbox, a model owner has one of their own.
    CHECK(requests.openRequests().size() == 3);
    CHECK(requests.inbox(QStringLiteral("reviewer")).size() == 2);
    CHECK(requests.inbox(QStringLiteral("nora")).size() == 1);
    CHECK(RiskAssessments(workspace).pendingOverrides().size() == 1);
    CHECK(AuditLog::verify(workspace.database()).intact);
}
