#include "tests/support/CliRunner.h"
// assay-cli runs --filter through the built binary, on a demo workspace.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <catch2/catch.hpp>
#include <functional>

using assay::test::CliResult;
using assay::test::runCli;

namespace {

const QString& demoWorkspace() {
    static QTemporaryDir dir;
    static const QString path = [] {
        const QString file = dir.filePath(QStringLiteral("demo.assay"));
        REQUIRE(runCli({QStringLiteral("demo"), file}).status == 0);
        return file;
    }();
    return path;
}

QJsonArray runsAsJson(const QStringList& options) {
    const CliResult result = runCli(QStringList{QStringLiteral("runs"), QStringLiteral("-w"), demoWorkspace(),
                                                QStringLiteral("--format"), QStringLiteral("json")} +
                                    options);
    REQUIRE(result.status == 0);
    return QJsonDocument::fromJson(result.out.toUtf8()).array();
}

QString param(const QJsonValue& run, const char* key) {
    return run.toObject().value(QStringLiteral("params")).toObject().value(QLatin1String(key)).toString();
}

// A NaN is written "nan", which reads as no number here and fails every comparison, as in a filter.
std::optional<double> metric(const QJsonValue& run, const char* key) {
    const QJsonValue value =
        run.toObject().value(QStringLiteral("metrics")).toObject().value(QLatin1String(key));
    return value.isDouble() ? std::optional(value.toDouble()) : std::nullopt;
}

QStringList uidsWhere(const QJsonArray& runs, const std::function<bool(const QJsonValue&)>& keep) {
    QStringList uids;
    for (const QJsonValue& run : runs) {
        if (keep(run))
            uids << run.toObject().value(QStringLiteral("run_id")).toString();
    }
    uids.sort();
    return uids;
}

} // namespace

TEST_CASE("runs --filter lists exactly the runs the filter selects", "[cli][filter]") {
    const QJsonArray all = runsAsJson({});
    REQUIRE(all.size() >= 300);
    const QJsonArray good = runsAsJson(
        {QStringLiteral("--filter"), QStringLiteral("params.model = 'xgboost' and metrics.val_auc > 0.8")});
    const QStringList expected = uidsWhere(all, [](const QJsonValue& run) {
        return param(run, "model") == QLatin1String("xgboost") && metric(run, "val_auc").value_or(0) > 0.8;
    });
    CHECK_FALSE(expected.isEmpty());
    CHECK(expected.size() < all.size() / 4);
    CHECK(uidsWhere(good, [](const QJsonValue&) { return true; }) == expected);

    const QJsonArray either = runsAsJson(
        {QStringLiteral("--filter"),
         QStringLiteral(
             "(params.model IN ('mlp', 'lightgbm') OR NOT metrics.val_rmse >= 0) AND status = 'FINISHED'")});
    const QStringList expectedEither = uidsWhere(all, [](const QJsonValue& run) {
        const QString model = param(run, "model");
        const bool family = model == QLatin1String("mlp") || model == QLatin1String("lightgbm");
        const bool noRmse = !metric(run, "val_rmse").has_value() || !(*metric(run, "val_rmse") >= 0);
        return (family || noRmse) &&
               run.toObject().value(QStringLiteral("status")).toString() == QLatin1String("FINISHED");
    });
    CHECK_FALSE(expectedEither.isEmpty());
    CHECK(uidsWhere(either, [](const QJsonValue&) { return true; }) == expectedEither);
}

TEST_CASE("runs --filter combines with --order-by and --limit", "[cli][filter]") {
    const QJsonArray best =
        runsAsJson({QStringLiteral("--filter"), QStringLiteral("params.model ILIKE 'LIGHT%'"),
                    QStringLiteral("--order-by"), QStringLiteral("metrics.val_auc DESC"),
                    QStringLiteral("--limit"), QStringLiteral("10")});
    REQUIRE(best.size() == 10);
    double previous = 2.0;
    for (const QJsonValue& run : best) {
        CHECK(param(run, "model") == QLatin1String("lightgbm"));
        const double auc = metric(run, "val_auc").value_or(-1);
        CHECK(auc <= previous);
        previous = auc;
    }
}

TEST_CASE("runs --filter shows only the columns of the runs it keeps", "[cli][filter]") {
    const CliResult csv =
        runCli({QStringLiteral("runs"), QStringLiteral("-w"), demoWorkspace(), QStringLiteral("--filter"),
                QStringLiteral("params.model = 'logistic_regression'"), QStringLiteral("--format"),
                QStringLiteral("csv")});
    REQUIRE(csv.status == 0);
    const QString header = csv.out.section(QStringLiteral("\r\n"), 0, 0);
    CHECK(header.contains(QLatin1String("params.penalty")));
    CHECK_FALSE(header.contains(QLatin1String("params.hidden_units")));
}

TEST_CASE("A filter that does not parse exits 2 and points at the column", "[cli][filter]") {
    const CliResult bad = runCli({QStringLiteral("runs"), QStringLiteral("-w"), demoWorkspace(),
                                  QStringLiteral("--filter"), QStringLiteral("params.model =")});
    CHECK(bad.status == 2);
    CHECK(bad.out.isEmpty());
    CHECK(bad.err == QLatin1String("assay-cli: --filter: expected a value after '=' at column 15\n"
                                   "  params.model =\n"
                                   "                ^\n"));

    // checked before the workspace is opened: a missing workspace is not the complaint
    const CliResult unknown =
        runCli({QStringLiteral("runs"), QStringLiteral("-w"), QStringLiteral("/nonexistent/w.assay"),
                QStringLiteral("--filter"), QStringLiteral("metrix.auc > 1")});
    CHECK(unknown.status == 2);
    CHECK(unknown.err.startsWith(QLatin1String("assay-cli: --filter: unknown prefix 'metrix'")));
}

TEST_CASE("A filter written as an injection matches nothing and changes nothing", "[cli][filter]") {
    const int before = static_cast<int>(runsAsJson({}).size());
    CHECK(
        runsAsJson({QStringLiteral("--filter"), QStringLiteral("params.model = 'x'' OR 1=1 --'")}).isEmpty());
    CHECK(
        runsAsJson({QStringLiteral("--filter"), QStringLiteral("params.model = 'x''); DROP TABLE runs; --'")})
            .isEmpty());
    CHECK(runsAsJson({}).size() == before);
}
