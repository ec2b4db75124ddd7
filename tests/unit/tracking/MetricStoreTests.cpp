#include "core/base/SqlQuery.h"
#include "core/tracking/MetricChunkCodec.h"
#include "core/tracking/MetricStore.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"

#include <bit>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>

using namespace assay;
using assay::test::TemporaryWorkspace;

namespace {

constexpr double notANumber = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();

qint64 makeRun(Workspace& workspace) {
    qint64 runId = 0;
    workspace.write([&](WriteTransaction& tx) {
        Run run;
        run.experimentId = Tracking::ensureExperiment(tx, QStringLiteral("e"));
        runId = Tracking::createRun(tx, run);
    });
    return runId;
}

void log(Workspace& workspace, qint64 runId, const QString& key, const MetricSeries& points) {
    workspace.write([&](WriteTransaction& tx) { MetricStore::log(tx, runId, {{key, points}}); });
}

MetricSeries points(std::initializer_list<std::tuple<qint64, qint64, double>> list) {
    MetricSeries series;
    for (const auto& [step, timestamp, value] : list)
        series.append(step, timestamp, value);
    return series;
}

int chunkCount(const Workspace& workspace, qint64 runId) {
    return SqlQuery::scalar(workspace.database(),
                            QStringLiteral("SELECT count(*) FROM metric_chunks WHERE run_id = ?"), {runId})
        .toInt();
}

} // namespace

TEST_CASE("Latest value follows MLflow: largest (step, timestamp, value)", "[metrics][latest]") {
    TemporaryWorkspace ws;
    const qint64 runId = makeRun(ws.workspace());
    const MetricStore store(ws.workspace());

    SECTION("a larger step wins over a later timestamp") {
        log(ws.workspace(), runId, QStringLiteral("m"), points({{5, 100, 1.0}, {3, 900, 2.0}}));
        CHECK(store.summary(runId, QStringLiteral("m"))->latest == 1.0);
    }
    SECTION("on equal steps the later timestamp wins") {
        log(ws.workspace(), runId, QStringLiteral("m"), points({{5, 200, 1.0}, {5, 100, 2.0}}));
        CHECK(store.summary(runId, QStringLiteral("m"))->latest == 1.0);
    }
    SECTION("on equal step and timestamp the larger value wins, in either order") {
        log(ws.workspace(), runId, QStringLiteral("a"),
            points({{5, 100, 1.0}, {5, 100, 3.0}, {5, 100, 2.0}}));
        log(ws.workspace(), runId, QStringLiteral("b"), points({{5, 100, 3.0}, {5, 100, 1.0}}));
        CHECK(store.summary(runId, QStringLiteral("a"))->latest == 3.0);
        CHECK(store.summary(runId, QStringLiteral("b"))->latest == 3.0);
    }
    SECTION("negative steps count as smaller") {
        log(ws.workspace(), runId, QStringLiteral("m"), points({{0, 100, 1.0}, {-1, 900, 2.0}}));
        CHECK(store.summary(runId, QStringLiteral("m"))->latest == 1.0);
    }
    SECTION("a later append with a smaller step does not replace the latest") {
        log(ws.workspace(), runId, QStringLiteral("m"), points({{10, 100, 1.0}}));
        log(ws.workspace(), runId, QStringLiteral("m"), points({{9, 999, 5.0}}));
        CHECK(store.summary(runId, QStringLiteral("m"))->latest == 1.0);
        log(ws.workspace(), runId, QStringLiteral("m"), points({{11, 50, 7.0}}));
        CHECK(store.summary(runId, QStringLiteral("m"))->latest == 7.0);
    }
    SECTION("a NaN at a later step is the latest value") {
        log(ws.workspace(), runId, QStringLiteral("m"), points({{1, 100, 1.0}, {2, 100, notANumber}}));
        const auto summary = store.summary(runId, QStringLiteral("m"));
        CHECK(std::isnan(summary->latest));
        CHECK(summary->latestStep == 2);
    }
    SECTION("a NaN tied on step and timestamp never displaces a number") {
        log(ws.workspace(), runId, QStringLiteral("m"), points({{1, 100, 4.0}, {1, 100, notANumber}}));
        CHECK(store.summary(runId, QStringLiteral("m"))->latest == 4.0);
    }
}

TEST_CASE("Summaries keep min, max and count over non-NaN values", "[metrics]") {
    TemporaryWorkspace ws;
    const qint64 runId = makeRun(ws.workspace());
    log(ws.workspace(), runId, QStringLiteral("loss"),
        points({{0, 1, 0.9}, {1, 2, notANumber}, {2, 3, 0.2}, {3, 4, inf}}));
    const auto summary = MetricStore(ws.workspace()).summary(runId, QStringLiteral("loss"));
    REQUIRE(summary);
    CHECK(summary->count == 4);
    CHECK(*summary->min == 0.2);
    CHECK(*summary->max == inf);
    CHECK(summary->latest == inf);

    log(ws.workspace(), runId, QStringLiteral("all-nan"), points({{0, 1, notANumber}, {1, 2, notANumber}}));
    const auto allNan = MetricStore(ws.workspace()).summary(runId, QStringLiteral("all-nan"));
    CHECK_FALSE(allNan->min.has_value());
    CHECK_FALSE(allNan->max.has_value());
    CHECK(allNan->count == 2);
}

TEST_CASE("A stored series reads back bit-exact, across chunks", "[metrics]") {
    TemporaryWorkspace ws;
    const qint64 runId = makeRun(ws.workspace());
    const std::size_t total = MetricChunkCodec::chunkCapacity * 2 + 123;
    MetricSeries series;
    for (std::size_t i = 0; i < total; ++i) {
        const double value = i % 97 == 0 ? notANumber : (i % 89 == 0 ? -inf : std::cos(double(i)));
        series.append(static_cast<qint64>(i % 1000) - 5, 1'700'000'000'000 + static_cast<qint64>(i) * 13,
                      value);
    }
    log(ws.workspace(), runId, QStringLiteral("curve"), series);
    CHECK(chunkCount(ws.workspace(), runId) == 3);

    const MetricSeries back = MetricStore(ws.workspace()).series(runId, QStringLiteral("curve"));
    REQUIRE(back.size() == total);
    CHECK(back.steps == series.steps);
    CHECK(back.timestamps == series.timestamps);
    for (std::size_t i = 0; i < total; ++i) {
        INFO("point " << i);
        CHECK(std::bit_cast<std::uint64_t>(back.values[i]) == std::bit_cast<std::uint64_t>(series.values[i]));
    }
}

TEST_CASE("Point-by-point logging tops up the last chunk instead of adding tiny ones", "[metrics]") {
    TemporaryWorkspace ws;
    const qint64 runId = makeRun(ws.workspace());
    const int total = static_cast<int>(MetricChunkCodec::chunkCapacity) + 10;
    ws->write([&](WriteTransaction& tx) {
        for (int i = 0; i < total; ++i)
            MetricStore::log(tx, runId, {{QStringLiteral("m"), points({{i, i, double(i)}})}});
    });
    CHECK(chunkCount(ws.workspace(), runId) == 2);
    const MetricSeries back = MetricStore(ws.workspace()).series(runId, QStringLiteral("m"));
    REQUIRE(back.size() == std::size_t(total));
    CHECK(back.values[4100] == 4100.0);
    CHECK(MetricStore(ws.workspace()).summary(runId, QStringLiteral("m"))->count == total);
}

TEST_CASE("Logging metrics records one audit event per batch naming the run", "[metrics][audit]") {
    TemporaryWorkspace ws;
    const qint64 runId = makeRun(ws.workspace());
    ws->write([&](WriteTransaction& tx) {
        MetricStore::log(
            tx, runId,
            {{QStringLiteral("a"), points({{0, 0, 1.0}})}, {QStringLiteral("b"), points({{0, 0, 2.0}})}});
    });
    const QString payload =
        SqlQuery::scalar(ws->database(), QStringLiteral("SELECT payload FROM audit_log WHERE "
                                                        "action = 'metrics.log'"))
            .toString();
    CHECK(payload == QLatin1String(R"({"points":{"a":1,"b":1}})"));
}
