#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"
#include "core/demo/DemoMonitoring.h"
#include "core/demo/DemoWorkspace.h"
#include "core/drift/DriftMonitors.h"
#include "core/governance/ModelCatalog.h"
#include "core/governance/PromotionGates.h"
#include "core/governance/PromotionRequests.h"
#include "core/governance/RiskAssessments.h"
#include "core/registry/Registry.h"
#include "core/tracking/MetricStore.h"
#include "core/tracking/RunQuery.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/AuditLog.h"
#include "tests/support/TemporaryWorkspace.h"

#include <QDateTime>
#include <QSet>
#include <QTemporaryDir>
#include <QTimeZone>

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

TEST_CASE("A cancelled demo fill writes nothing — a non-empty workspace is refused", "[demo]") {
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

TEST_CASE(
    "The demo's production credit model is monitored, drifts after week 8 and is flagged for retraining",
    "[demo][drift]") {
    TemporaryWorkspace ws(QStringLiteral("reviewer"));
    ws.now = 1'790'000'000'000;
    DemoWorkspace::populate(ws.workspace());
    const Workspace& workspace = ws.workspace();
    const Registry registry(workspace);
    const RegisteredModel model = *registry.modelByName(QStringLiteral("credit-default-pd"));
    const std::optional<int> production = registry.aliasVersion(model.id, QStringLiteral("production"));
    REQUIRE(production.has_value());
    const DriftMonitors monitors(workspace);
    const std::optional<DriftMonitor> monitor =
        monitors.monitor(registry.version(model.id, *production)->id, QStringLiteral("production"));
    REQUIRE(monitor.has_value());
    CHECK_FALSE(monitor->afterApproval); // set up before the promotion, so part of its evidence
    CHECK(monitor->referenceRows == 5000);
    CHECK(monitor->period == DriftPeriod::Week);
    CHECK(monitor->metric == PerformanceMetric::Accuracy);
    REQUIRE(monitor->features.size() == 6);
    REQUIRE(monitor->feature(QStringLiteral("employment_type")));
    CHECK(monitor->feature(QStringLiteral("employment_type"))->type == CsvColumnType::Categorical);
    for (const DriftFeature& feature : monitor->features)
        CHECK(feature.key == (feature.name == QLatin1String("income")));

    const QList<DriftWindow> windows = monitors.windows(monitor->id);
    REQUIRE(windows.size() == DemoMonitoring::weeks);
    const QDate today = QDateTime::fromMSecsSinceEpoch(ws.now, QTimeZone::utc()).date();
    CHECK(windows.last().last == today.addDays(-today.dayOfWeek())); // the last complete week
    for (qsizetype i = 0; i < windows.size(); ++i) {
        CHECK(windows[i].rows == 1500);
        CHECK(windows[i].first.dayOfWeek() == 1);
        if (i > 0)
            CHECK(windows[i].first == windows[i - 1].first.addDays(7));
    }

    QMap<qint64, int> weekOf;
    for (qsizetype i = 0; i < windows.size(); ++i)
        weekOf.insert(windows[i].id, static_cast<int>(i) + 1);
    int judged = 0;
    for (const DriftResult& result : monitors.results(monitor->id)) {
        if (!result.monitored)
            continue;
        ++judged;
        const int week = weekOf.value(result.windowId);
        INFO(result.feature.toStdString() << " in week " << week << ": " << result.score());
        const bool drifts =
            result.feature == QLatin1String("income") || result.feature == QLatin1String("utilization");
        if (!drifts || week <= 8)
            CHECK_FALSE(result.drifted.value_or(true));
        else if (week >= 10)
            CHECK(result.drifted.value_or(false));
    }
    CHECK(judged == 6 * DemoMonitoring::weeks);
    for (qsizetype i = 0; i < windows.size(); ++i) {
        INFO("week " << i + 1);
        CHECK_FALSE(windows[i].datasetDrift); // two features of six
        if (i < 8)
            CHECK_FALSE(windows[i].retrainingRecommended);
        if (i >= 9) {
            CHECK(windows[i].retrainingRecommended);
            CHECK(windows[i].driftedKeyFeatures == QStringList{QStringLiteral("income")});
        }
        REQUIRE(windows[i].performance.has_value());
    }
    // Accuracy holds for eight weeks, then slips.
    CHECK(*windows[11].performance < *windows[7].performance - 0.04);
    CHECK(*windows[11].performance < *windows[9].performance);

    const DriftStatus status = monitors.status(model.id);
    CHECK(status.retrainingRecommended);
    CHECK(status.latestWindow == windows.last().label);
    for (const ModelOverview& overview : ModelCatalog(workspace).overviews(ws.now)) {
        INFO(overview.model.name.toStdString());
        CHECK(overview.drift.retrainingRecommended == (overview.model.id == model.id));
    }

    // The champion's approval covered the monitor and still verifies; the candidate's drift gate
    // says the model it would replace is flagged.
    const PromotionRequests requests(workspace);
    for (const PromotionRequest& request : requests.requests(model.id)) {
        if (request.status == PromotionRequest::Status::Executed) {
            CHECK(request.version == *production);
            for (const auto& [key, present] : PromotionGates::evidenceItems(workspace, request))
                CHECK((present || key != QLatin1String("drift_monitor")));
            for (const Decision& decision : requests.decisions(request))
                CHECK(decision.status == Decision::Status::Verified);
        } else if (request.isOpen()) {
            for (const Gate& gate : PromotionGates::compute(workspace, request)) {
                if (gate.key == QLatin1String("drift"))
                    CHECK(gate.detail.contains(QLatin1String("retraining recommended")));
            }
        }
    }
    for (const SignatureCheck& check : requests.verifySignatures())
        CHECK_FALSE(check.isProblem());
    CHECK(AuditLog::verify(workspace.database()).intact);
}

TEST_CASE("The demo's audit trail runs forward in time, as a real workspace's would", "[demo][audit]") {
    const auto backwardSteps = [](const Workspace& workspace, qint64 afterSeq) {
        return SqlQuery::scalar(
                   workspace.database(),
                   QStringLiteral("SELECT count(*) FROM audit_log a JOIN audit_log b ON b.seq = a.seq + 1 "
                                  "WHERE a.seq > ? AND b.at < a.at"),
                   {afterSeq})
            .toInt();
    };
    SECTION("a new demo workspace, from its creation on") {
        QTemporaryDir dir;
        WorkspaceOptions options = DemoWorkspace::newFileOptions();
        options.actor = QStringLiteral("tester");
        const auto workspace = Workspace::open(dir.filePath(QStringLiteral("demo.assay")), options);
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        DemoWorkspace::populate(*workspace);
        CHECK(backwardSteps(*workspace, 0) == 0);
        CHECK(SqlQuery::scalar(workspace->database(),
                               QStringLiteral("SELECT action FROM audit_log WHERE seq = 1"))
                  .toString() == QLatin1String("workspace.create"));
        // The history reaches back years and nothing in it lies in the future.
        CHECK(SqlQuery::scalar(workspace->database(), QStringLiteral("SELECT min(at) FROM audit_log"))
                  .toLongLong() < before - 800LL * 86'400'000);
        CHECK(SqlQuery::scalar(workspace->database(), QStringLiteral("SELECT max(at) FROM audit_log"))
                  .toLongLong() <= QDateTime::currentMSecsSinceEpoch());
        // Causes come first: no version before its run ended or before its model, no decision
        // before its request.
        CHECK(scalar(*workspace, "SELECT count(*) FROM model_versions v JOIN runs r ON r.id = v.run_id "
                                 "WHERE v.created_at < r.end_time") == 0);
        CHECK(scalar(*workspace, "SELECT count(*) FROM model_versions v JOIN registered_models m "
                                 "ON m.id = v.model_id WHERE v.created_at < m.created_at") == 0);
        CHECK(scalar(*workspace, "SELECT count(*) FROM decisions d JOIN promotion_requests p "
                                 "ON p.id = d.request_id WHERE d.decided_at < p.submitted_at") == 0);
        // Decisions, registry and runs are stamped when they happened, not when the demo was filled.
        CHECK(scalar(*workspace, "SELECT count(*) FROM audit_log WHERE action = 'decision.sign'") >= 8);
        CHECK(SqlQuery::scalar(workspace->database(),
                               QStringLiteral("SELECT count(*) FROM audit_log WHERE at > ?"),
                               {before - 86'400'000})
                  .toInt() < 200);
    }
    SECTION("filled into an existing workspace, the demo's own events") {
        TemporaryWorkspace ws;
        const qint64 existing =
            SqlQuery::scalar(ws->database(), QStringLiteral("SELECT max(seq) FROM audit_log")).toLongLong();
        DemoWorkspace::populate(ws.workspace());
        CHECK(backwardSteps(ws.workspace(), existing) == 0);
    }
}
