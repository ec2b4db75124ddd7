#include "core/base/SqlQuery.h"
#include "core/search/RunFilterCompiler.h"
#include "core/search/RunFilterError.h"
#include "core/search/RunFilterLexer.h"
#include "core/search/RunFilterParser.h"
#include "core/tracking/MetricStore.h"
#include "core/tracking/RunQuery.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

using namespace assay;
using assay::test::TemporaryWorkspace;

namespace {

constexpr double notANumber = std::numeric_limits<double>::quiet_NaN();
constexpr double infinity = std::numeric_limits<double>::infinity();

struct RunSpec {
    const char* name;
    const char* experiment;
    RunStatus status;
    const char* user;
    qint64 start;
    std::optional<qint64> end;
    QMap<QString, QString> params;
    QMap<QString, QString> tags;
    std::map<QString, std::vector<double>> metrics; // values at steps 0, 1, 2 ...
    QList<DatasetInput> inputs;
    bool deleted = false;
};

QMap<QString, QString> pairs(std::initializer_list<std::pair<const char*, const char*>> list) {
    QMap<QString, QString> map;
    for (const auto& [key, value] : list)
        map.insert(QString::fromUtf8(key), QString::fromUtf8(value));
    return map;
}

// Seven runs in two experiments, chosen so that each condition below tells them apart: a NaN
// latest value (tree-b), infinities (inf), a run without metrics (linear), keys with spaces and
// quotes, a param that looks like SQL, a deleted run that would match almost everything.
std::vector<RunSpec> specs() {
    std::vector<RunSpec> runs;
    runs.push_back({"tree-a",
                    "alpha",
                    RunStatus::Finished,
                    "alice",
                    1'700'000'000'000,
                    1'700'000'060'000,
                    pairs({{"model", "tree"}, {"depth", "5"}, {"lr", "0.1"}}),
                    pairs({{"task", "classification"}, {"team", "risk"}}),
                    {{QStringLiteral("rmse"), {1.2, 0.8}},
                     {QStringLiteral("auc"), {0.7, 0.91}},
                     {QStringLiteral("f1 score"), {0.85}}},
                    {{QStringLiteral("credit_train"), QStringLiteral("abc123"),
                      QStringLiteral("s3://d/train"), QStringLiteral("training")}}});
    runs.push_back({"tree-b",
                    "alpha",
                    RunStatus::Failed,
                    "bob",
                    1'700'000'100'000,
                    1'700'000'400'000,
                    pairs({{"model", "tree"}, {"depth", "12"}, {"lr", "1e-2"}}),
                    pairs({{"task", "Classification"}}),
                    {{QStringLiteral("rmse"), {1.5}}, {QStringLiteral("auc"), {0.75, notANumber}}},
                    {{QStringLiteral("credit_train"), QStringLiteral("def456"),
                      QStringLiteral("s3://d/train2"), QStringLiteral("training")},
                     {QStringLiteral("credit_valid"), QStringLiteral("fff000"),
                      QStringLiteral("s3://d/valid"), QStringLiteral("validation")}}});
    runs.push_back({"nn",
                    "beta",
                    RunStatus::Running,
                    "alice",
                    1'700'000'200'000,
                    std::nullopt,
                    pairs({{"model", "nn"}, {"depth", "deep"}, {"x", "a' OR 1=1 --"}}),
                    pairs({{"task", "regression"}}),
                    {{QStringLiteral("rmse"), {0.5}}, {QStringLiteral("loss"), {2.0, 0.1, 0.3}}},
                    {}});
    runs.push_back({"linear",
                    "beta",
                    RunStatus::Killed,
                    "carol",
                    1'600'000'000'000,
                    1'600'000'000'500,
                    pairs({{"model", "linear"}, {"pattern", "x*y?[z]"}}),
                    pairs({{"quote's", "say \"hi\""}}),
                    {},
                    {}});
    runs.push_back({"inf",
                    "alpha",
                    RunStatus::Finished,
                    "dave",
                    1'700'000'300'000,
                    1'700'000'300'010,
                    pairs({{"model", "tree"}, {"depth", " 7 "}, {"x", "a"}}),
                    {},
                    {{QStringLiteral("rmse"), {infinity}}, {QStringLiteral("auc"), {-infinity}}},
                    {}});
    runs.push_back({"percent",
                    "alpha",
                    RunStatus::Scheduled,
                    "erin",
                    1'700'000'400'000,
                    std::nullopt,
                    pairs({{"model", "Tree"}, {"depth", "8 trees"}, {"note", "100% done_now"}}),
                    {},
                    {},
                    {}});
    runs.push_back({"deleted",
                    "alpha",
                    RunStatus::Finished,
                    "alice",
                    1'700'000'500'000,
                    1'700'000'600'000,
                    pairs({{"model", "tree"}, {"depth", "5"}}),
                    pairs({{"task", "classification"}}),
                    {{QStringLiteral("rmse"), {0.1}}, {QStringLiteral("auc"), {0.99}}},
                    {},
                    true});
    return runs;
}

struct Fixture {
    TemporaryWorkspace ws;
    QMap<QString, QString> uids; // run name → uid

    Fixture() {
        ws->write([&](WriteTransaction& tx) {
            const qint64 alpha = Tracking::createExperiment(tx, QStringLiteral("alpha"));
            const qint64 beta = Tracking::createExperiment(tx, QStringLiteral("beta"));
            for (const RunSpec& spec : specs())
                add(tx, spec, QLatin1String(spec.experiment) == QLatin1String("alpha") ? alpha : beta);
        });
    }

    void add(WriteTransaction& tx, const RunSpec& spec, qint64 experiment) {
        Run run;
        run.experimentId = experiment;
        run.name = QString::fromUtf8(spec.name);
        run.status = spec.status;
        run.user = QString::fromUtf8(spec.user);
        run.startTime = spec.start;
        run.endTime = spec.end;
        run.deleted = spec.deleted;
        const qint64 id = Tracking::createRun(tx, run);
        uids.insert(run.name, Tracking(ws.workspace()).run(id)->uid);
        Tracking::logParams(tx, id, spec.params);
        Tracking::setTags(tx, id, spec.tags);
        Tracking::logInputs(tx, id, spec.inputs);
        std::map<QString, MetricSeries> metrics;
        for (const auto& [key, values] : spec.metrics) {
            MetricSeries series;
            for (std::size_t i = 0; i < values.size(); ++i)
                series.append(static_cast<qint64>(i), 1000 + static_cast<qint64>(i), values[i]);
            metrics.emplace(key, series);
        }
        MetricStore::log(tx, id, metrics);
    }

    QStringList matching(const QString& filter, bool includeDeleted = false) {
        RunScope scope;
        scope.filter = filter;
        scope.includeDeleted = includeDeleted;
        const RunQuery query(ws.workspace());
        QStringList names;
        for (const RunRow& row : query.page(scope, {}, 0, 100))
            names << row.run.name;
        names.sort();
        CHECK(query.count(scope) == names.size());
        return names;
    }
};

QStringList sorted(QStringList names) {
    names.sort();
    return names;
}

QStringList list(const std::vector<const char*>& names) {
    QStringList result;
    for (const char* name : names)
        result << QString::fromUtf8(name);
    return sorted(result);
}

int errorColumn(const QString& filter, QString* message = nullptr) {
    try {
        RunFilterParser::parse(filter);
    } catch (const RunFilterError& error) {
        if (message)
            *message = error.message();
        return error.column();
    }
    return 0;
}

} // namespace

TEST_CASE("Filters select the runs the grammar says they select", "[filter]") {
    Fixture f;
    struct Case {
        const char* filter;
        std::vector<const char*> runs;
    };
    const std::vector<Case> cases{
        // MLflow's own examples and its prefixes
        {"metrics.rmse < 1 and params.model = \"tree\"", {"tree-a"}},
        {"metric.rmse < 1 AND param.model = 'tree'", {"tree-a"}},
        {"tags.task ILIKE 'classif%'", {"tree-a", "tree-b"}},
        {"tags.task LIKE 'classif%'", {"tree-a"}},
        {"tag.task = 'Classification'", {"tree-b"}},
        {"attributes.status = 'FAILED'", {"tree-b"}},
        {"attribute.status != 'FAILED'", {"tree-a", "nn", "linear", "inf", "percent"}},
        {"attr.user_id = 'alice'", {"tree-a", "nn"}},
        {"run.user = 'alice'", {"tree-a", "nn"}},
        {"metrics.`f1 score` >= 0.8", {"tree-a"}},
        {"metrics.\"f1 score\" >= 0.8", {"tree-a"}},
        {"created > 1700000000000", {"tree-b", "nn", "inf", "percent"}},
        {"attributes.start_time <= 1700000000000", {"tree-a", "linear"}},
        {"end_time < 1700000000000", {"linear"}},
        {"duration >= 300000", {"tree-b"}},
        {"duration < 100", {"inf"}},
        {"run_name = 'nn'", {"nn"}},
        {"attributes.name LIKE 'tree-%'", {"tree-a", "tree-b"}},
        {"name LIKE 'TREE-%'", {}},
        {"name ILIKE 'TREE-_'", {"tree-a", "tree-b"}},
        {"experiment = 'beta'", {"nn", "linear"}},
        {"attributes.experiment_name != 'beta'", {"tree-a", "tree-b", "inf", "percent"}},
        {"status IN ('RUNNING', 'KILLED')", {"nn", "linear"}},
        {"status NOT IN ('RUNNING', 'KILLED', 'FINISHED')", {"tree-b", "percent"}},
        {"parameter.model != 'tree'", {"nn", "linear", "percent"}},
        {"params.model = 'Tree'", {"percent"}},
        {"params.model ILIKE 'tree'", {"tree-a", "tree-b", "inf", "percent"}},
        // keywords ignore case, values do not
        {"METRICS.rmse > 1 Or Params.model = 'nn'", {"tree-b", "inf", "nn"}},
        // numbers: negative, decimals, exponents
        {"metrics.auc > -1", {"tree-a"}},
        {"metrics.auc > 7e-1", {"tree-a"}},
        {"metrics.rmse < .6", {"nn"}},
        {"metrics.rmse >= 1.5E0", {"tree-b", "inf"}},
        // infinities are values like any other
        {"metrics.rmse > 1e300", {"inf"}},
        {"metrics.auc < -1e300", {"inf"}},
        // metrics compare numbers; a run without the metric never matches
        {"metrics.rmse != 0.5", {"tree-a", "tree-b", "inf"}},
        {"metrics.rmse = 0.5", {"nn"}},
        {"metrics.rmse IN (0.5, 0.8)", {"tree-a", "nn"}},
        {"metrics.rmse NOT IN (0.5, 0.8)", {"tree-b", "inf"}},
        // params compared with a number read as numbers, and only well-formed numbers take part
        {"params.depth > 6", {"tree-b", "inf"}},
        {"params.depth = 5", {"tree-a"}},
        {"params.depth = 5.0", {"tree-a"}},
        {"params.lr = 0.01", {"tree-b"}},
        {"params.lr < 1", {"tree-a", "tree-b"}},
        {"params.depth != 5", {"tree-b", "inf"}},
        {"params.depth IN (5, 7)", {"tree-a", "inf"}},
        {"params.depth = '5'", {"tree-a"}},
        {"params.depth = '5.0'", {}},
        // LIKE: % and _ are the wildcards, GLOB's own are literal characters
        {"params.pattern LIKE 'x*y?[z]'", {"linear"}},
        {"params.pattern LIKE 'x_y_[z]'", {"linear"}},
        {"params.pattern LIKE 'xay?[z]'", {}},
        {"params.note LIKE '100% done%'", {"percent"}},
        {"params.note LIKE '100_ done_now'", {"percent"}},
        // IN and NOT IN for params and tags (beyond MLflow)
        {"params.model IN ('tree', 'nn')", {"tree-a", "tree-b", "nn", "inf"}},
        {"params.model NOT IN ('tree', 'nn')", {"linear", "percent"}},
        {"tags.task IN ('regression', 'Classification')", {"tree-b", "nn"}},
        {"tags.task not in ('regression')", {"tree-a", "tree-b"}},
        // keys with spaces and quotes
        {"tags.`quote's` = 'say \"hi\"'", {"linear"}},
        {"tags.\"quote's\" = \"say \"\"hi\"\"\"", {"linear"}},
        {"tags.'quote''s' LIKE 'say%'", {"linear"}},
        // run ids
        {"run_id IN ('@tree-a', '@nn')", {"tree-a", "nn"}},
        {"attributes.run_id = '@inf'", {"inf"}},
        {"run_id NOT IN ('@tree-a', '@nn')", {"tree-b", "linear", "inf", "percent"}},
        // aggregates read the series' extremes; NaN points are skipped
        {"metrics.min(loss) < 0.2", {"nn"}},
        {"metrics.max(loss) = 2", {"nn"}},
        {"metrics.loss < 0.2", {}},
        {"metrics.max(auc) >= 0.9", {"tree-a"}},
        {"metrics.MIN(auc) = 0.75", {"tree-b"}},
        {"metrics.min(`f1 score`) > 0.8", {"tree-a"}},
        // a NaN latest value matches no comparison
        {"metrics.auc != 0", {"tree-a", "inf"}},
        {"metrics.auc < 100", {"tree-a", "inf"}},
        // datasets
        {"datasets.name = 'credit_train'", {"tree-a", "tree-b"}},
        {"dataset.digest IN ('abc123', 'fff000')", {"tree-a", "tree-b"}},
        {"datasets.context = 'validation'", {"tree-b"}},
        {"datasets.name LIKE 'credit%' AND datasets.digest = 'def456'", {"tree-b"}},
        {"datasets.source ILIKE 'S3://D/TRAIN'", {"tree-a"}},
        // OR, NOT, parentheses
        {"params.model = 'nn' OR params.model = 'linear'", {"nn", "linear"}},
        {"NOT params.model = 'tree'", {"nn", "linear", "percent"}},
        {"NOT metrics.auc > 0", {"tree-b", "nn", "linear", "inf", "percent"}},
        {"NOT end_time > 0", {"nn", "percent"}},
        {"NOT NOT params.model = 'nn'", {"nn"}},
        {"(params.model = 'nn' OR params.model = 'tree') AND metrics.rmse < 1", {"tree-a", "nn"}},
        {"params.model = 'nn' OR params.model = 'tree' AND metrics.rmse < 1", {"tree-a", "nn"}},
        {"params.model = 'nn' OR (params.model = 'tree' AND metrics.rmse > 1)", {"tree-b", "nn", "inf"}},
        {"((status = 'FAILED'))", {"tree-b"}},
        // several keyed conditions in one AND: one finds the candidates, the others check them
        {"datasets.name = 'credit_train' AND metrics.max(auc) > 0.8 AND tags.task = 'classification'",
         {"tree-a"}},
        {"params.model = 'tree' AND NOT datasets.context = 'validation' AND metrics.rmse > 0",
         {"tree-a", "inf"}},
        {"metrics.rmse > 0 AND params.depth > 6 AND tags.task ILIKE 'c%' AND user = 'bob'", {"tree-b"}},
        {"(metrics.rmse > 0 AND params.model IN ('tree', 'nn')) AND datasets.digest != 'x'",
         {"tree-a", "tree-b"}},
        {"", {"tree-a", "tree-b", "nn", "linear", "inf", "percent"}},
        {"   ", {"tree-a", "tree-b", "nn", "linear", "inf", "percent"}},
        {"tags.team = 'risk'", {"tree-a"}},
    };
    for (const Case& c : cases) {
        QString filter = QString::fromUtf8(c.filter);
        // run ids are generated: @name stands for the run's uid
        for (auto it = f.uids.cbegin(); it != f.uids.cend(); ++it)
            filter.replace(QLatin1Char('@') + it.key() + QLatin1Char('\''), it.value() + QLatin1Char('\''));
        INFO(filter.toStdString());
        // joined, so that a failure prints the names
        CHECK(f.matching(filter).join(QStringLiteral(", ")).toStdString() ==
              list(c.runs).join(QStringLiteral(", ")).toStdString());
    }
}

TEST_CASE("Deleted runs match filters only when the scope includes them", "[filter]") {
    Fixture f;
    CHECK(f.matching(QStringLiteral("metrics.auc > 0.95")).isEmpty());
    CHECK(f.matching(QStringLiteral("metrics.auc > 0.95"), true) == QStringList{QStringLiteral("deleted")});
}

TEST_CASE("Filter errors name the column where parsing failed", "[filter]") {
    struct Case {
        const char* filter;
        int column;
        const char* message;
    };
    const std::vector<Case> cases{
        {"params.model =", 15, "expected a value after '=' at column 15"},
        {"params.model = ", 16, "expected a value after '=' at column 16"},
        {"metrics.rmse", 13, "expected an operator"},
        {"metrics.rmse 5", 14, "after 'metrics.rmse' at column 14"},
        {"metrics.auc > 'high'", 15, "expected a number after '>' at column 15"},
        {"params.depth < '5'", 16, "expected a number after '<'"},
        {"metrics.auc LIKE '%'", 13, "LIKE does not apply to metrics, which are numbers"},
        {"created ILIKE '17%'", 9, "ILIKE does not apply to attributes.start_time, which is a number"},
        {"status > 'A'", 8, "'>' does not apply to attributes.status, which is text"},
        {"status = 1", 10, "expected a quoted string after '='"},
        {"created > '2024'", 11, "expected a number after '>'"},
        {"foo = 1", 1, "unknown column 'foo'"},
        {"metrix.auc > 1", 1, "unknown prefix 'metrix'"},
        {"attributes.colour = 'red'", 12, "unknown attribute 'colour'"},
        {"artifact_uri = 'x'", 1, "unknown column 'artifact_uri'"},
        {"datasets.size = 'x'", 10, "unknown dataset field 'size'"},
        {"(metrics.a > 1", 15, "expected ')' to match the '(' in column 1 after '1'"},
        {"metrics.a > 1)", 14, "found ')' without a matching '('"},
        {"metrics.a > 1 metrics.b > 2", 15, "expected AND, OR or the end of the filter, found 'metrics'"},
        {"params.x = 'abc", 12, "unterminated string at column 12"},
        {"metrics.`f1 > 1", 9, "unterminated backtick-quoted key"},
        {"metrics.a > 1 AND", 18, "expected a condition such as metrics.KEY > 1 after 'AND'"},
        {"metrics.a > 1 AND OR metrics.b > 1", 19, "after 'AND'"},
        {"NOT", 4, "after 'NOT'"},
        {"()", 2, "expected a condition"},
        {"run_id IN 'a'", 11, "expected '(' to open the list after 'IN'"},
        {"run_id IN ('a' 'b')", 16, "expected ',' or ')' after ''a''"},
        {"run_id IN ()", 12, "expected a quoted string after '('"},
        {"params.x IN ('a', 1)", 19, "expected a quoted string after ','"},
        {"params.x IN (1, 'a')", 17, "expected a number after ','"},
        {"metrics.a ! 1", 11, "unexpected character '!'"},
        {"metrics.a NOT 1", 15, "expected IN after 'NOT'"},
        {"metrics.max(auc > 1", 17, "expected ')' after 'auc'"},
        {"metrics. > 1", 10, "expected a key after '.'"},
        {"metrics.`` > 1", 9, "a key must not be empty"},
        {"metrics.a > 1e999", 13, "the number 1e999 is out of range"},
        {"params.x = 'a' AND params.y = 'b", 31, "unterminated string"},
        {"params.x == 'a' && params.y = 'b'", 17, "unexpected character '&'"},
        // the first problem is the one reported, even if the text goes wrong later
        {"params.x = = 'abc", 12, "expected a value after '='"},
        {"params.model = xgboost", 16, "expected a quoted string such as 'xgboost' after '='"},
    };
    for (const Case& c : cases) {
        INFO(c.filter);
        QString message;
        CHECK(errorColumn(QString::fromUtf8(c.filter), &message) == c.column);
        CHECK(message.contains(QString::fromUtf8(c.message)));
    }
}

TEST_CASE("A filter error carries its reason apart from its column", "[filter]") {
    try {
        RunFilterParser::parse(QStringLiteral("metrics.auc >"));
        FAIL("no error");
    } catch (const RunFilterError& error) {
        CHECK(error.reason() == QLatin1String("expected a number after '>'"));
        CHECK(error.column() == 14);
        CHECK(error.message() == QLatin1String("expected a number after '>' at column 14"));
    }
}

TEST_CASE("RunQuery reports a bad filter as a RunFilterError", "[filter]") {
    Fixture f;
    const RunQuery query(f.ws.workspace());
    RunScope scope;
    scope.filter = QStringLiteral("metrics.auc >");
    CHECK_THROWS_AS(query.count(scope), RunFilterError);
    CHECK_THROWS_AS(query.page(scope, {}, 0, 10), RunFilterError);
    CHECK_THROWS_AS(query.paramKeys(scope), RunFilterError);
}

TEST_CASE("Injection attempts are values, never SQL", "[filter]") {
    Fixture f;
    const qint64 runsBefore =
        SqlQuery::scalar(f.ws->database(), QStringLiteral("SELECT count(*) FROM runs")).toLongLong();

    // The doubled quote is a quote inside the string: only the param that is literally
    // "a' OR 1=1 --" matches.
    CHECK(f.matching(QStringLiteral("params.x = 'a'' OR 1=1 --'")) == QStringList{QStringLiteral("nn")});
    CHECK(f.matching(QStringLiteral("params.x = \"a' OR 1=1 --\"")) == QStringList{QStringLiteral("nn")});
    CHECK(f.matching(QStringLiteral("params.x = 'a'")) == QStringList{QStringLiteral("inf")});

    const RunFilterCompiler::Sql sql =
        RunFilterCompiler::compile(QStringLiteral("params.x = 'a'' OR 1=1 --'"));
    CHECK_FALSE(sql.condition.contains(QLatin1String("1=1")));
    CHECK(sql.values == QVariantList{QStringLiteral("x"), QStringLiteral("a' OR 1=1 --")});

    for (const char* attempt : {"params.x = 'x''); DROP TABLE runs; --'", "params.`x' OR '1'='1` = 'a'",
                                "tags.`a``; DROP TABLE tags; --` = 'b'", "run_id IN ('x'' OR 1=1) --', 'y')",
                                "name LIKE '%'' OR ''1''=''1'", "datasets.name = ''' OR 1=1 --'"}) {
        INFO(attempt);
        CHECK(f.matching(QString::fromUtf8(attempt)).isEmpty());
    }
    const RunFilterCompiler::Sql key =
        RunFilterCompiler::compile(QStringLiteral("params.`x' OR '1'='1` = 'a'"));
    CHECK(key.values.first() == QStringLiteral("x' OR '1'='1"));
    CHECK_FALSE(key.condition.contains(QLatin1String("'1'")));

    CHECK(SqlQuery::scalar(f.ws->database(), QStringLiteral("SELECT count(*) FROM runs")).toLongLong() ==
          runsBefore);
    CHECK(SqlQuery::scalar(f.ws->database(), QStringLiteral("SELECT count(*) FROM tags")).toLongLong() > 0);
}

TEST_CASE("NOT binds tighter than AND, and AND tighter than OR", "[filter]") {
    using Kind = RunFilterNode::Kind;
    const RunFilterNode orOfAnd =
        *RunFilterParser::parse(QStringLiteral("metrics.a > 1 OR metrics.b > 1 AND metrics.c > 1"));
    REQUIRE(orOfAnd.kind == Kind::Or);
    REQUIRE(orOfAnd.operands.size() == 2);
    CHECK(orOfAnd.operands[0].kind == Kind::Comparison);
    CHECK(orOfAnd.operands[1].kind == Kind::And);

    const RunFilterNode andOfNot =
        *RunFilterParser::parse(QStringLiteral("NOT metrics.a > 1 AND metrics.b > 1"));
    REQUIRE(andOfNot.kind == Kind::And);
    CHECK(andOfNot.operands[0].kind == Kind::Not);
    CHECK(andOfNot.operands[1].kind == Kind::Comparison);

    const RunFilterNode grouped =
        *RunFilterParser::parse(QStringLiteral("NOT (metrics.a > 1 OR metrics.b > 1)"));
    REQUIRE(grouped.kind == Kind::Not);
    CHECK(grouped.operands[0].kind == Kind::Or);

    const RunFilterNode flat =
        *RunFilterParser::parse(QStringLiteral("metrics.a > 1 and metrics.b > 1 AND status = 'X'"));
    CHECK(flat.kind == Kind::And);
    CHECK(flat.operands.size() == 3);
    const RunFilterNode nested = *RunFilterParser::parse(
        QStringLiteral("(metrics.a > 1 and metrics.b > 1) AND (status = 'X' or status = 'Y')"));
    CHECK(nested.kind == Kind::And);
    REQUIRE(nested.operands.size() == 3);
    CHECK(nested.operands[2].kind == Kind::Or);

    Fixture f;
    // (NOT tree) AND rmse < 1, not NOT (tree AND rmse < 1)
    CHECK(f.matching(QStringLiteral("NOT params.model = 'tree' AND metrics.rmse < 1")) ==
          QStringList{QStringLiteral("nn")});
    CHECK(f.matching(QStringLiteral("NOT (params.model = 'tree' AND metrics.rmse < 1)")) ==
          list({"tree-b", "nn", "linear", "inf", "percent"}));
}

TEST_CASE("In the top-level AND the cheapest condition lists the runs and the others check them",
          "[filter]") {
    const RunFilterCompiler::Sql both =
        RunFilterCompiler::compile(QStringLiteral("metrics.auc > 0.8 and params.model = 'xgb'"));
    CHECK(both.condition.contains(QLatin1String("r.id IN (SELECT run_id FROM params WHERE key = ?")));
    CHECK(
        both.condition.contains(QLatin1String("EXISTS (SELECT 1 FROM metric_summaries WHERE run_id = r.id")));
    // values stay in the order of their placeholders
    CHECK(both.values ==
          QVariantList{QStringLiteral("auc"), 0.8, QStringLiteral("model"), QStringLiteral("xgb")});

    const RunFilterCompiler::Sql either =
        RunFilterCompiler::compile(QStringLiteral("metrics.auc > 0.8 or params.model = 'xgb'"));
    CHECK_FALSE(either.condition.contains(QLatin1String("EXISTS")));

    const RunFilterCompiler::Sql alone = RunFilterCompiler::compile(QStringLiteral("metrics.auc > 0.8"));
    CHECK(alone.condition.startsWith(QLatin1String("r.id IN (SELECT run_id FROM metric_summaries")));
}

TEST_CASE("The parser records entity, key, aggregate, operator and typed values", "[filter]") {
    using Comparison = RunFilterComparison;
    const RunFilterNode min = *RunFilterParser::parse(QStringLiteral("  metrics.min(`val loss`) <= -2.5e-3"));
    CHECK(min.comparison.entity == Comparison::Entity::Metric);
    CHECK(min.comparison.aggregate == Comparison::Aggregate::Min);
    CHECK(min.comparison.key == QLatin1String("val loss"));
    CHECK(min.comparison.op == Comparison::Operator::LessOrEqual);
    CHECK(min.comparison.values == QVariantList{-2.5e-3});
    CHECK(min.comparison.column == 3);

    const RunFilterNode dotted = *RunFilterParser::parse(QStringLiteral("tags.mlflow.runName != 'x'"));
    CHECK(dotted.comparison.entity == Comparison::Entity::Tag);
    CHECK(dotted.comparison.key == QLatin1String("mlflow.runName"));

    // a metric named like an aggregate, or a keyword, is still a key after the dot
    CHECK(RunFilterParser::parse(QStringLiteral("metrics.min < 1"))->comparison.key == QLatin1String("min"));
    CHECK(RunFilterParser::parse(QStringLiteral("params.in = 'a'"))->comparison.key == QLatin1String("in"));
    CHECK(RunFilterParser::parse(QStringLiteral("metrics.2nd_loss < 1"))->comparison.key ==
          QLatin1String("2nd_loss"));
    CHECK(RunFilterParser::parse(QStringLiteral("metrics.val-loss < 1"))->comparison.key ==
          QLatin1String("val-loss"));
    CHECK(RunFilterParser::parse(QStringLiteral("metrics.eval/auc>-1"))->comparison.key ==
          QLatin1String("eval/auc"));

    const RunFilterNode created = *RunFilterParser::parse(QStringLiteral("created > 1700000000000"));
    CHECK(created.comparison.entity == Comparison::Entity::Attribute);
    CHECK(created.comparison.key == QLatin1String("start_time"));
    CHECK(created.comparison.values.first().typeId() == QMetaType::LongLong);
    CHECK(created.comparison.values.first().toLongLong() == 1'700'000'000'000);

    const RunFilterNode list = *RunFilterParser::parse(QStringLiteral("params.m not IN ('a', \"b\")"));
    CHECK(list.comparison.op == Comparison::Operator::NotIn);
    CHECK(list.comparison.values == QVariantList{QStringLiteral("a"), QStringLiteral("b")});

    CHECK_FALSE(RunFilterParser::parse(QStringLiteral(" \t\n")).has_value());
}

TEST_CASE("The lexer gives the filter bar positioned tokens and never throws", "[filter]") {
    using Kind = RunFilterToken::Kind;
    const QList<RunFilterToken> tokens =
        RunFilterLexer::tokenize(QStringLiteral("metrics.`f1 score` >= 0.8 and params.x IN ('a''b')"));
    const std::vector<std::pair<Kind, QString>> expected{
        {Kind::Word, QStringLiteral("metrics")},
        {Kind::Dot, QStringLiteral(".")},
        {Kind::QuotedKey, QStringLiteral("f1 score")},
        {Kind::Operator, QStringLiteral(">=")},
        {Kind::Number, QStringLiteral("0.8")},
        {Kind::Keyword, QStringLiteral("AND")},
        {Kind::Word, QStringLiteral("params")},
        {Kind::Dot, QStringLiteral(".")},
        {Kind::Word, QStringLiteral("x")},
        {Kind::Keyword, QStringLiteral("IN")},
        {Kind::OpenParen, QStringLiteral("(")},
        {Kind::String, QStringLiteral("a'b")},
        {Kind::CloseParen, QStringLiteral(")")},
        {Kind::End, QString()},
    };
    REQUIRE(tokens.size() == static_cast<qsizetype>(expected.size()));
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(tokens[static_cast<qsizetype>(i)].kind == expected[i].first);
        CHECK(tokens[static_cast<qsizetype>(i)].text == expected[i].second);
    }
    CHECK(tokens[2].position == 8);
    CHECK(tokens[2].length == 10);
    CHECK(tokens[11].position == 43);
    CHECK(tokens[11].length == 6);

    const QList<RunFilterToken> broken = RunFilterLexer::tokenize(QStringLiteral("a ! 'open"));
    REQUIRE(broken.size() == 4);
    CHECK(broken[1].kind == Kind::Invalid);
    CHECK(broken[2].kind == Kind::Invalid);
    CHECK(broken[2].text == QLatin1String("unterminated string"));
    CHECK(broken[2].length == 5);
    CHECK(broken[3].kind == Kind::End);
}

TEST_CASE("Keys, counts and sorted pages honour the filter", "[filter]") {
    Fixture f;
    const RunQuery query(f.ws.workspace());
    RunScope scope;
    scope.filter = QStringLiteral("params.model = 'nn' OR attributes.status = 'KILLED'");
    CHECK(query.count(scope) == 2);
    CHECK(query.paramKeys(scope) == QStringList{QStringLiteral("depth"), QStringLiteral("model"),
                                                QStringLiteral("pattern"), QStringLiteral("x")});
    CHECK(query.metricKeys(scope) == QStringList{QStringLiteral("loss"), QStringLiteral("rmse")});
    CHECK(query.tagKeys(scope) == QStringList{QStringLiteral("quote's"), QStringLiteral("task")});

    CHECK(query.tagKeys({}) ==
          QStringList{QStringLiteral("quote's"), QStringLiteral("task"), QStringLiteral("team")});
    CHECK(query.metricKeys({}) == QStringList{QStringLiteral("auc"), QStringLiteral("f1 score"),
                                              QStringLiteral("loss"), QStringLiteral("rmse")});
    RunScope none;
    none.filter = QStringLiteral("params.model = 'absent'");
    CHECK(query.paramKeys(none).isEmpty());
    CHECK(query.metricKeys(none).isEmpty());

    RunScope trees;
    trees.filter = QStringLiteral("params.model ILIKE 'tree'");
    const RunSort byRmse{RunSort::Field::Metric, QStringLiteral("rmse"), Qt::AscendingOrder};
    QStringList names;
    for (const RunRow& row : query.page(trees, byRmse, 0, 10))
        names << row.run.name;
    CHECK(names == QStringList{QStringLiteral("tree-a"), QStringLiteral("tree-b"), QStringLiteral("inf"),
                               QStringLiteral("percent")});
    CHECK(query.page(trees, byRmse, 1, 2).size() == 2);
}

TEST_CASE("Pages carry tags and the metric extremes — sorts read tags and extremes", "[filter]") {
    Fixture f;
    const RunQuery query(f.ws.workspace());
    RunScope scope;
    scope.filter = QStringLiteral("run_name IN ('tree-a', 'tree-b', 'nn')");
    const RunSort byMinAuc{RunSort::Field::MetricMin, QStringLiteral("auc"), Qt::AscendingOrder};
    const QList<RunRow> rows = query.page(scope, byMinAuc, 0, 10);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].run.name == QLatin1String("tree-a"));
    CHECK(rows[0].metricMins.value(QStringLiteral("auc")) == Approx(0.7));
    CHECK(rows[0].metricMaxes.value(QStringLiteral("auc")) == Approx(0.91));
    CHECK(rows[0].tags.value(QStringLiteral("team")) == QLatin1String("risk"));
    CHECK(rows[1].run.name == QLatin1String("tree-b"));
    CHECK(std::isnan(rows[1].metrics.value(QStringLiteral("auc"))));
    CHECK(rows[1].metricMins.value(QStringLiteral("auc")) == Approx(0.75));
    CHECK(rows[2].run.name == QLatin1String("nn"));
    CHECK_FALSE(rows[2].metricMins.contains(QStringLiteral("auc")));

    const RunSort byMaxLoss{RunSort::Field::MetricMax, QStringLiteral("loss"), Qt::DescendingOrder};
    CHECK(query.page(scope, byMaxLoss, 0, 1).first().run.name == QLatin1String("nn"));
    const RunSort byTask{RunSort::Field::Tag, QStringLiteral("task"), Qt::AscendingOrder};
    QStringList tasks;
    for (const RunRow& row : query.page(scope, byTask, 0, 10))
        tasks << row.tags.value(QStringLiteral("task"));
    CHECK(tasks == QStringList{QStringLiteral("Classification"), QStringLiteral("classification"),
                               QStringLiteral("regression")});
}

TEST_CASE("Sort specifications read tags, metric extremes and end_time", "[filter]") {
    const std::optional<RunSort> min = RunSort::parse(QStringLiteral("metrics.min(val_loss) ASC"));
    REQUIRE(min);
    CHECK(min->field == RunSort::Field::MetricMin);
    CHECK(min->key == QLatin1String("val_loss"));
    CHECK(min->order == Qt::AscendingOrder);
    CHECK(RunSort::parse(QStringLiteral("metrics.max(`val loss`)"))->field == RunSort::Field::MetricMax);
    CHECK(RunSort::parse(QStringLiteral("metrics.max(`val loss`)"))->key == QLatin1String("val loss"));
    CHECK(RunSort::parse(QStringLiteral("metrics.min"))->field == RunSort::Field::Metric);
    CHECK(RunSort::parse(QStringLiteral("tags.team desc"))->field == RunSort::Field::Tag);
    CHECK(RunSort::parse(QStringLiteral("tags.team desc"))->key == QLatin1String("team"));
    CHECK(RunSort::parse(QStringLiteral("end_time"))->field == RunSort::Field::EndTime);
    CHECK_FALSE(RunSort::parse(QStringLiteral("params.min(x)")).has_value());
    CHECK_FALSE(RunSort::parse(QStringLiteral("min(x)")).has_value());
    CHECK_FALSE(RunSort::parse(QStringLiteral("tags.")).has_value());
}
