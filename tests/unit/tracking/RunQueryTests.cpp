#include "core/tracking/MetricStore.h"
#include "core/tracking/RunQuery.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::TemporaryWorkspace;

namespace {

// Two experiments; runs in "a" get auc = i/10 except run 3, which has no auc, and a "depth"
// param that sorts numerically (2, 10, 100 ...).
struct Runs {
    TemporaryWorkspace ws;
    qint64 a = 0;
    qint64 b = 0;

    Runs() {
        ws->write([&](WriteTransaction& tx) {
            a = Tracking::createExperiment(tx, QStringLiteral("a"));
            b = Tracking::createExperiment(tx, QStringLiteral("b"));
            for (int i = 0; i < 8; ++i) {
                Run run;
                run.experimentId = i < 6 ? a : b;
                run.name = QStringLiteral("run-%1").arg(i);
                run.startTime = 1000 + i;
                run.deleted = i == 5;
                const qint64 id = Tracking::createRun(tx, run);
                Tracking::logParams(
                    tx, id, {{QStringLiteral("depth"), QString::number(i % 2 ? 2 * (i + 1) : 10 * (i + 1))}});
                if (i != 3) {
                    MetricSeries auc;
                    auc.append(0, 0, i / 10.0);
                    MetricStore::log(tx, id, {{QStringLiteral("auc"), auc}});
                }
            }
        });
    }
};

QStringList names(const QList<RunRow>& rows) {
    QStringList result;
    for (const RunRow& row : rows)
        result << row.run.name;
    return result;
}

} // namespace

TEST_CASE("Counts and keys follow the scope — deleted runs are hidden by default", "[runquery]") {
    Runs f;
    const RunQuery query(f.ws.workspace());
    CHECK(query.count({}) == 7);
    CHECK(query.count({{f.a}, false}) == 5);
    CHECK(query.count({{f.a}, true}) == 6);
    CHECK(query.count({{f.b}, false}) == 2);
    CHECK(query.count({{f.a, f.b}, false}) == 7);
    // The experiment list counts the same way.
    const QList<Experiment> experiments = Tracking(f.ws.workspace()).experiments();
    REQUIRE(experiments.size() == 2);
    CHECK(experiments.at(0).runCount == 5);
    CHECK(experiments.at(1).runCount == 2);
    CHECK(query.metricKeys({}) == QStringList{QStringLiteral("auc")});
    CHECK(query.paramKeys({}) == QStringList{QStringLiteral("depth")});
}

TEST_CASE("Pages default to newest first and carry params and latest metrics", "[runquery]") {
    Runs f;
    const RunQuery query(f.ws.workspace());
    const QList<RunRow> first = query.page({}, {}, 0, 3);
    CHECK(names(first) ==
          QStringList{QStringLiteral("run-7"), QStringLiteral("run-6"), QStringLiteral("run-4")});
    CHECK(first.first().experimentName == QLatin1String("b"));
    CHECK(first.first().metrics.value(QStringLiteral("auc")) == Approx(0.7));
    CHECK(first.first().params.value(QStringLiteral("depth")) == QLatin1String("16"));
    const QList<RunRow> rest = query.page({}, {}, 3, 100);
    CHECK(rest.size() == 4);
}

TEST_CASE("Sorting by a metric puts runs without it last, in both directions", "[runquery]") {
    Runs f;
    const RunQuery query(f.ws.workspace());
    RunSort byAuc{RunSort::Field::Metric, QStringLiteral("auc"), Qt::AscendingOrder};
    QStringList ascending = names(query.page({{f.a}, false}, byAuc, 0, 100));
    CHECK(ascending == QStringList{QStringLiteral("run-0"), QStringLiteral("run-1"), QStringLiteral("run-2"),
                                   QStringLiteral("run-4"), QStringLiteral("run-3")});
    byAuc.order = Qt::DescendingOrder;
    CHECK(names(query.page({{f.a}, false}, byAuc, 0, 100)) ==
          QStringList{QStringLiteral("run-4"), QStringLiteral("run-2"), QStringLiteral("run-1"),
                      QStringLiteral("run-0"), QStringLiteral("run-3")});
}

TEST_CASE("Numeric params sort as numbers", "[runquery]") {
    Runs f;
    const RunQuery query(f.ws.workspace());
    const RunSort byDepth{RunSort::Field::Param, QStringLiteral("depth"), Qt::AscendingOrder};
    QStringList depths;
    for (const RunRow& row : query.page({}, byDepth, 0, 100))
        depths << row.params.value(QStringLiteral("depth"));
    CHECK(depths == QStringList{QStringLiteral("4"), QStringLiteral("8"), QStringLiteral("10"),
                                QStringLiteral("16"), QStringLiteral("30"), QStringLiteral("50"),
                                QStringLiteral("70")});
}

TEST_CASE("Sort specifications parse like MLflow's order_by", "[runquery]") {
    CHECK(RunSort::parse(QStringLiteral("metrics.val_auc DESC"))->field == RunSort::Field::Metric);
    CHECK(RunSort::parse(QStringLiteral("metrics.val_auc DESC"))->key == QLatin1String("val_auc"));
    CHECK(RunSort::parse(QStringLiteral("params.`max depth` asc"))->key == QLatin1String("max depth"));
    CHECK(RunSort::parse(QStringLiteral("params.`max depth` asc"))->order == Qt::AscendingOrder);
    CHECK(RunSort::parse(QStringLiteral("start_time"))->order == Qt::DescendingOrder);
    CHECK(RunSort::parse(QStringLiteral("attributes.user"))->field == RunSort::Field::User);
    CHECK_FALSE(RunSort::parse(QStringLiteral("colour")).has_value());
    CHECK_FALSE(RunSort::parse(QStringLiteral("name; DROP TABLE runs")).has_value());
}

TEST_CASE("Runs group by a param or tag value with each group's best metric", "[runquery][groups]") {
    TemporaryWorkspace ws;
    ws->write([&](WriteTransaction& tx) {
        const qint64 experiment = Tracking::createExperiment(tx, QStringLiteral("g"));
        const QStringList models{QStringLiteral("xgb"), QStringLiteral("xgb"), QStringLiteral("xgb"),
                                 QStringLiteral("mlp"), QStringLiteral("mlp"), QString()};
        for (qsizetype i = 0; i < models.size(); ++i) {
            Run run;
            run.experimentId = experiment;
            const qint64 id = Tracking::createRun(tx, run);
            if (!models[i].isEmpty())
                Tracking::logParams(tx, id, {{QStringLiteral("model"), models[i]}});
            Tracking::setTags(tx, id,
                              {{QStringLiteral("team"), i % 2 ? QStringLiteral("a") : QStringLiteral("b")}});
            MetricSeries auc;
            auc.append(0, 0, 0.5 + 0.05 * double(i));
            MetricStore::log(tx, id, {{QStringLiteral("auc"), auc}});
        }
    });
    const RunQuery query(ws.workspace());
    const QList<RunGroup> byModel =
        query.groups({}, {RunGrouping::Kind::Param, QStringLiteral("model"), QStringLiteral("auc"), true});
    REQUIRE(byModel.size() == 3);
    CHECK(byModel[0].value == QStringLiteral("xgb"));
    CHECK(byModel[0].runCount == 3);
    CHECK(*byModel[0].bestMetric == Approx(0.6));
    CHECK(byModel[1].value == QStringLiteral("mlp"));
    CHECK(*byModel[1].bestMetric == Approx(0.7));
    CHECK_FALSE(byModel[2].value.has_value()); // the run without the param
    CHECK(byModel[2].runCount == 1);

    const QList<RunGroup> lowest =
        query.groups({}, {RunGrouping::Kind::Param, QStringLiteral("model"), QStringLiteral("auc"), false});
    CHECK(*lowest[0].bestMetric == Approx(0.5));

    // The scope's filter applies before grouping.
    RunScope filtered;
    filtered.filter = QStringLiteral("metrics.auc >= 0.6");
    const QList<RunGroup> byTeam =
        query.groups(filtered, {RunGrouping::Kind::Tag, QStringLiteral("team"), {}, true});
    REQUIRE(byTeam.size() == 2);
    CHECK(byTeam[0].runCount + byTeam[1].runCount == 4);
    CHECK_FALSE(byTeam[0].bestMetric.has_value());
}
