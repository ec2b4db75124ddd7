#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"
#include "core/tracking/MetricStore.h"
#include "core/tracking/RunLog.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/AuditLog.h"
#include "tests/support/TemporaryWorkspace.h"

#include <QBuffer>

#include <catch2/catch.hpp>
#include <cmath>

using namespace assay;
using assay::test::TemporaryWorkspace;

namespace {

QList<RunLogEntry> parse(const QByteArray& text) {
    QByteArray copy = text;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    return RunLog::parse(buffer, QStringLiteral("batch.jsonl"));
}

RunLog::Summary logText(Workspace& workspace, const QByteArray& text) {
    return RunLog::commit(workspace, parse(text), QStringLiteral("batch.jsonl"));
}

qint64 auditCount(const Workspace& workspace) {
    return AuditLog::verify(workspace.database()).eventCount;
}

const QByteArray goodBatch =
    R"({"experiment": "churn", "run": "r1", "name": "xgb-1", "user": "alice", "status": "FINISHED", "start_time": 1700000000000, "end_time": 1700000360000, "source_commit": "abc123", "source_name": "train.py", "params": {"lr": 0.1, "depth": "6", "balanced": true}, "tags": {"team": "retention"}, "metrics": {"loss": [[0, 0.9, 1700000001000], [1, "nan"], [2, "-inf"], [3, 0.4]], "auc": [{"step": 0, "value": 0.7}]}, "inputs": [{"name": "customers", "digest": "d1", "source": "s3://x", "context": "training"}]}
{"experiment": "churn", "run": "r2", "parent_run": "r1", "params": {"lr": 0.2}}

{"run": "r1", "metrics": {"loss": [[4, 0.35]]}}
)";

} // namespace

TEST_CASE("A JSON-lines batch logs runs, params, tags, inputs and metrics", "[log]") {
    TemporaryWorkspace ws;
    const RunLog::Summary summary = logText(ws.workspace(), goodBatch);
    CHECK(summary.lines == 3);
    CHECK(summary.runsCreated == 2);
    CHECK(summary.runsUpdated == 1);
    CHECK(summary.points == 6);

    const Tracking tracking(ws.workspace());
    const auto r1 = tracking.runByUid(QStringLiteral("r1"));
    REQUIRE(r1);
    CHECK(r1->name == QLatin1String("xgb-1"));
    CHECK(r1->user == QLatin1String("alice"));
    CHECK(r1->status == RunStatus::Finished);
    CHECK(r1->sourceCommit == QLatin1String("abc123"));
    CHECK(*r1->endTime == 1700000360000);
    CHECK(tracking.params(r1->id).value(QStringLiteral("lr")) == QLatin1String("0.10000000000000001"));
    CHECK(tracking.params(r1->id).value(QStringLiteral("balanced")) == QLatin1String("true"));
    CHECK(tracking.tags(r1->id).value(QStringLiteral("team")) == QLatin1String("retention"));
    REQUIRE(tracking.inputs(r1->id).size() == 1);
    CHECK(tracking.inputs(r1->id).first().digest == QLatin1String("d1"));
    CHECK(tracking.runByUid(QStringLiteral("r2"))->parentRunId == r1->id);

    const MetricSeries loss = MetricStore(ws.workspace()).series(r1->id, QStringLiteral("loss"));
    REQUIRE(loss.size() == 5);
    CHECK(loss.timestamps[0] == 1700000001000);
    CHECK(loss.timestamps[1] == 1700000000000); // defaults to the run's start time
    CHECK(std::isnan(loss.values[1]));
    CHECK(loss.values[2] == -std::numeric_limits<double>::infinity());
    CHECK(MetricStore(ws.workspace()).summary(r1->id, QStringLiteral("loss"))->latest == 0.35);
    CHECK(AuditLog::verify(ws->database()).intact);
}

TEST_CASE("One malformed line rejects the whole batch with its line number", "[log]") {
    TemporaryWorkspace ws;
    const qint64 before = auditCount(ws.workspace());
    const auto rejected = [&](const QByteArray& text) {
        try {
            logText(ws.workspace(), text);
        } catch (const AssayError& error) {
            return error.message();
        }
        return QString();
    };
    const QByteArray valid = R"({"experiment": "e", "run": "a", "params": {"x": 1}})";

    CHECK(rejected(valid + "\n" + valid + "\n{not json}\n")
              .startsWith(QLatin1String("batch.jsonl:3: not valid JSON")));
    CHECK(rejected(valid + "\n" + R"({"experiment": "e", "colour": "red"})")
              .contains(QLatin1String("batch.jsonl:2: unknown field \"colour\"")));
    CHECK(rejected(valid + "\n" + R"({"experiment": "e", "status": "DONE"})")
              .contains(QLatin1String("batch.jsonl:2:")));
    CHECK(rejected(valid + "\n" + R"({"experiment": "e", "metrics": {"m": [[1.5, 2]]}})")
              .contains(QLatin1String("batch.jsonl:2: metrics.m[0] step must be a whole number")));
    CHECK(rejected(valid + "\n" + R"({"experiment": "e", "metrics": {"m": [[1, "lots"]]}})")
              .contains(QLatin1String("batch.jsonl:2: metrics.m[0] value")));
    CHECK(rejected(R"({"name": "no experiment"})").contains(QLatin1String("batch.jsonl:1:")));
    CHECK(rejected(valid + "\n" + R"({"run": "ghost", "params": {"x": 1}})")
              .contains(QLatin1String("batch.jsonl:2: run \"ghost\" does not exist")));

    CHECK(Tracking(ws.workspace()).experiments().isEmpty());
    CHECK(auditCount(ws.workspace()) == before);
}

TEST_CASE("A line that conflicts with stored data rolls back the lines before it", "[log]") {
    TemporaryWorkspace ws;
    logText(ws.workspace(), R"({"experiment": "e", "run": "a", "params": {"lr": "0.1"}})");
    const qint64 before = auditCount(ws.workspace());
    const QByteArray conflicting = R"({"experiment": "e", "run": "b", "metrics": {"m": [[0, 1]]}}
{"run": "a", "params": {"lr": "0.5"}}
)";
    CHECK_THROWS_WITH(logText(ws.workspace(), conflicting), Catch::StartsWith("batch.jsonl:2:") &&
                                                                Catch::Contains("params cannot change") &&
                                                                Catch::Contains("Nothing was written"));
    CHECK_FALSE(Tracking(ws.workspace()).runByUid(QStringLiteral("b")).has_value());
    CHECK(auditCount(ws.workspace()) == before);
}

TEST_CASE("An empty batch is refused", "[log]") {
    CHECK_THROWS_WITH(parse("\n\n"), Catch::Contains("batch.jsonl: no runs to log"));
}
