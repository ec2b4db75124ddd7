#include "core/tracking/Tracking.h"
#include "core/workspace/Workspace.h"
#include "tests/support/TemporaryWorkspace.h"
#include "tests/ui/support/UiTestData.h"
#include "ui/explore/RunStatusStyle.h"
#include "ui/explore/RunTableModel.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/RunValueFormat.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QIcon>
#include <QSignalSpy>

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

using namespace assay;
using assay::test::TemporaryWorkspace;

namespace {

constexpr int alphaRuns = 450;
constexpr int betaRuns = 20;

// 450 runs in "alpha" (with a "depth" param) and 20 older ones in "beta", opened by a session
// on its own connection, as the GUI would.
struct Fixture {
    TemporaryWorkspace ws;
    WorkspaceSession session;

    Fixture() {
        test::addRuns(ws.workspace(), QStringLiteral("alpha"), QStringLiteral("a"), alphaRuns,
                      1'700'000'000'000, true);
        test::addRuns(ws.workspace(), QStringLiteral("beta"), QStringLiteral("b"), betaRuns,
                      1'600'000'000'000, false);
        session.setWorkspace(ws.reopen());
    }

    RunScope scopeOf(const QString& experiment) const {
        return {{Tracking(*session.workspace()).experimentByName(experiment)->id}, false};
    }
};

int columnOf(const RunTableModel& model, const QString& key) {
    for (int column = 0; column < model.columnCount(); ++column) {
        if (model.headerData(column, Qt::Horizontal, RunTableModel::ColumnKeyRole).toString() == key)
            return column;
    }
    return -1;
}

void fetchAll(RunTableModel& model) {
    while (model.canFetchMore({}))
        model.fetchMore({});
}

QString text(const RunTableModel& model, int row, int column) {
    return model.data(model.index(row, column)).toString();
}

int rowOfRun(const RunTableModel& model, const QString& name) {
    for (int row = 0; row < model.rowCount(); ++row) {
        if (text(model, row, RunTableModel::NameColumn) == name)
            return row;
    }
    return -1;
}

// The auc column read back as numbers: "∞" and "-∞" included, "NaN" and empty cells left out.
struct MetricColumn {
    std::vector<double> values;
    int empty = 0;
    bool valueAfterEmpty = false;
};

MetricColumn readMetricColumn(const RunTableModel& model, int column) {
    MetricColumn result;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString cell = text(model, row, column);
        if (cell.isEmpty()) {
            ++result.empty;
            continue;
        }
        if (cell == QLatin1String("NaN"))
            continue;
        result.valueAfterEmpty = result.valueAfterEmpty || result.empty > 0;
        if (cell == QStringLiteral("∞"))
            result.values.push_back(std::numeric_limits<double>::infinity());
        else if (cell == QStringLiteral("-∞"))
            result.values.push_back(-std::numeric_limits<double>::infinity());
        else
            result.values.push_back(cell.toDouble());
    }
    return result;
}

int runsWithoutAuc(int count) {
    int missing = 0;
    for (int i = 0; i < count; ++i)
        missing += test::hasAuc(i) ? 0 : 1;
    return missing;
}

} // namespace

TEST_CASE("The runs table loads a page at a time, newest first, until every run is there", "[runtable]") {
    Fixture f;
    RunTableModel model(f.session);
    CHECK(model.totalCount() == alphaRuns + betaRuns);
    CHECK(model.rowCount() == RunTableModel::pageSize);
    REQUIRE(model.canFetchMore({}));
    CHECK(text(model, 0, RunTableModel::NameColumn) == QLatin1String("a-449"));
    CHECK(text(model, 0, RunTableModel::ExperimentColumn) == QLatin1String("alpha"));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.fetchMore({});
    CHECK(model.rowCount() == 2 * RunTableModel::pageSize);
    CHECK(inserted.size() == 1);
    model.fetchMore({});
    CHECK(model.rowCount() == alphaRuns + betaRuns);
    CHECK_FALSE(model.canFetchMore({}));
    CHECK(text(model, model.rowCount() - 1, RunTableModel::NameColumn) == QLatin1String("b-000"));
}

TEST_CASE("Headers name the run attributes, then three columns per metric key and one per param key",
          "[runtable]") {
    Fixture f;
    RunTableModel model(f.session);
    QStringList titles;
    for (int column = 0; column < RunTableModel::attributeColumnCount; ++column)
        titles << model.headerData(column, Qt::Horizontal).toString();
    CHECK(titles == QStringList{QStringLiteral("Name"), QStringLiteral("Experiment"),
                                QStringLiteral("Status"), QStringLiteral("User"), QStringLiteral("Start"),
                                QStringLiteral("Duration")});
    // auc and loss, each as latest, min and max; then depth, lr and model.
    CHECK(model.columnCount() == RunTableModel::attributeColumnCount + 2 * 3 + 3);
    const int minLoss = columnOf(model, QStringLiteral("metrics.min(loss)"));
    CHECK(minLoss == columnOf(model, QStringLiteral("metrics.loss")) + 1);
    CHECK(columnOf(model, QStringLiteral("metrics.max(loss)")) == minLoss + 1);
    CHECK(model.headerData(minLoss, Qt::Horizontal, RunTableModel::ColumnGroupRole).toString() ==
          QStringLiteral("metrics.min"));

    const int lr = columnOf(model, QStringLiteral("params.lr"));
    const int auc = columnOf(model, QStringLiteral("metrics.auc"));
    REQUIRE(lr >= RunTableModel::attributeColumnCount);
    REQUIRE(auc >= RunTableModel::attributeColumnCount);
    CHECK(columnOf(model, QStringLiteral("params.depth")) >= 0);
    CHECK(columnOf(model, QStringLiteral("params.model")) >= 0);
    CHECK(columnOf(model, QStringLiteral("metrics.loss")) >= 0);
    CHECK(model.headerData(lr, Qt::Horizontal).toString() == QLatin1String("lr"));
    CHECK(model.headerData(lr, Qt::Horizontal, Qt::ToolTipRole)
              .toString()
              .contains(QLatin1String("params.lr")));
    CHECK(model.headerData(auc, Qt::Horizontal).toString() == QLatin1String("auc"));
    CHECK(model.headerData(auc, Qt::Horizontal, Qt::ToolTipRole)
              .toString()
              .contains(QLatin1String("metrics.auc")));
    // Param and metric headers carry different badges, so that a key logged as both is told apart.
    const auto badge = [&](int column) {
        return qvariant_cast<QIcon>(model.headerData(column, Qt::Horizontal, Qt::DecorationRole))
            .pixmap(16)
            .toImage();
    };
    CHECK_FALSE(badge(lr).isNull());
    CHECK(badge(lr) != badge(auc));
}

TEST_CASE("Sorting by a metric re-queries core: values in order, runs without the metric last",
          "[runtable]") {
    Fixture f;
    RunTableModel model(f.session);
    const int auc = columnOf(model, QStringLiteral("metrics.auc"));
    REQUIRE(auc >= 0);
    const int expectedEmpty = runsWithoutAuc(alphaRuns) + runsWithoutAuc(betaRuns);

    SECTION("ascending") {
        model.sort(auc, Qt::AscendingOrder);
        fetchAll(model);
        const MetricColumn column = readMetricColumn(model, auc);
        CHECK(std::is_sorted(column.values.begin(), column.values.end()));
        CHECK(column.values.front() == -std::numeric_limits<double>::infinity());
        CHECK(column.empty == expectedEmpty);
        CHECK_FALSE(column.valueAfterEmpty);
        CHECK(model.runSort().order == Qt::AscendingOrder);
    }
    SECTION("descending") {
        model.sort(auc, Qt::DescendingOrder);
        fetchAll(model);
        const MetricColumn column = readMetricColumn(model, auc);
        CHECK(std::is_sorted(column.values.rbegin(), column.values.rend()));
        CHECK(column.values.front() == std::numeric_limits<double>::infinity());
        CHECK(column.empty == expectedEmpty);
        CHECK_FALSE(column.valueAfterEmpty);
    }
    CHECK(model.rowCount() == alphaRuns + betaRuns);
    CHECK(model.runSort().field == RunSort::Field::Metric);
    CHECK(model.runSort().key == QLatin1String("auc"));
    CHECK(model.sortColumn() == auc);
}

TEST_CASE("A param sort orders numeric values as numbers", "[runtable]") {
    Fixture f;
    RunTableModel model(f.session);
    model.setScope(f.scopeOf(QStringLiteral("alpha")));
    model.sort(columnOf(model, QStringLiteral("params.depth")), Qt::AscendingOrder);
    CHECK(text(model, 0, RunTableModel::NameColumn) == QLatin1String("a-000"));
    CHECK(text(model, 9, RunTableModel::NameColumn) == QLatin1String("a-009"));
    CHECK(text(model, 10, RunTableModel::NameColumn) == QLatin1String("a-010"));
    CHECK(text(model, 100, RunTableModel::NameColumn) == QLatin1String("a-100"));
}

TEST_CASE("Metric cells show NaN, infinities and four significant digits, right-aligned", "[runtable]") {
    Fixture f;
    RunTableModel model(f.session);
    model.setScope(f.scopeOf(QStringLiteral("alpha")));
    fetchAll(model);
    const int auc = columnOf(model, QStringLiteral("metrics.auc"));
    const int loss = columnOf(model, QStringLiteral("metrics.loss"));
    CHECK(text(model, rowOfRun(model, QStringLiteral("a-003")), auc) == QLatin1String("NaN"));
    CHECK(text(model, rowOfRun(model, QStringLiteral("a-004")), auc) == QStringLiteral("∞"));
    CHECK(text(model, rowOfRun(model, QStringLiteral("a-005")), auc) == QStringLiteral("-∞"));
    CHECK(text(model, rowOfRun(model, QStringLiteral("a-006")), auc).isEmpty());
    CHECK(text(model, rowOfRun(model, QStringLiteral("a-007")), auc) == QLatin1String("0.57"));
    // The latest value of the series (its last step), not the first.
    CHECK(text(model, rowOfRun(model, QStringLiteral("a-002")), loss) == QLatin1String("0.3333"));
    const QVariant alignment = model.data(model.index(0, auc), Qt::TextAlignmentRole);
    CHECK(alignment.value<Qt::Alignment>().testFlag(Qt::AlignRight));
}

TEST_CASE("Status cells are coloured by status — duration reads as minutes and seconds", "[runtable]") {
    Fixture f;
    RunTableModel model(f.session);
    model.setScope(f.scopeOf(QStringLiteral("alpha")));
    fetchAll(model);
    const QModelIndex failed =
        model.index(rowOfRun(model, QStringLiteral("a-010")), RunTableModel::StatusColumn);
    CHECK(failed.data().toString() == QLatin1String("Failed"));
    CHECK(qvariant_cast<QBrush>(failed.data(Qt::ForegroundRole)).color() ==
          RunStatusStyle::color(RunStatus::Failed));
    CHECK_FALSE(qvariant_cast<QIcon>(failed.data(Qt::DecorationRole)).isNull());
    const QModelIndex finished =
        model.index(rowOfRun(model, QStringLiteral("a-013")), RunTableModel::StatusColumn);
    CHECK(finished.data().toString() == QLatin1String("Finished"));
    CHECK_FALSE(finished.data(Qt::ForegroundRole).isValid());
    CHECK(RunStatusStyle::color(RunStatus::Failed) != RunStatusStyle::color(RunStatus::Running));

    // a-193 ran 193 s (UiTestData: run i ends i seconds after it starts).
    CHECK(text(model, rowOfRun(model, QStringLiteral("a-193")), RunTableModel::DurationColumn) ==
          QLatin1String("3m 13s"));
    // A run still going has no duration yet.
    CHECK(text(model, rowOfRun(model, QStringLiteral("a-012")), RunTableModel::DurationColumn).isEmpty());
    CHECK(model.data(model.index(0, RunTableModel::DurationColumn), Qt::TextAlignmentRole)
              .value<Qt::Alignment>()
              .testFlag(Qt::AlignRight));
}

TEST_CASE("A new scope keeps the sort only when it still has the sorted column", "[runtable]") {
    Fixture f;
    RunTableModel model(f.session);
    model.sort(columnOf(model, QStringLiteral("params.depth")), Qt::AscendingOrder);
    REQUIRE(model.runSort().field == RunSort::Field::Param);

    model.setScope(f.scopeOf(QStringLiteral("beta")));
    CHECK(model.totalCount() == betaRuns);
    CHECK(model.rowCount() == betaRuns);
    CHECK_FALSE(model.canFetchMore({}));
    CHECK(columnOf(model, QStringLiteral("params.depth")) == -1);
    CHECK(model.runSort().field == RunSort::Field::StartTime);
    CHECK(model.sortColumn() == RunTableModel::StartColumn);

    model.sort(RunTableModel::NameColumn, Qt::DescendingOrder);
    model.setScope(f.scopeOf(QStringLiteral("alpha")));
    CHECK(model.runSort().field == RunSort::Field::Name);
    CHECK(text(model, 0, RunTableModel::NameColumn) == QLatin1String("a-449"));
}

TEST_CASE("A commit on the session's workspace reloads the table and keeps the sort", "[runtable]") {
    Fixture f;
    RunTableModel model(f.session);
    model.sort(RunTableModel::NameColumn, Qt::DescendingOrder);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    test::addRuns(*f.session.workspace(), QStringLiteral("gamma"), QStringLiteral("z"), 1, 1'500'000'000'000,
                  false);
    CHECK(reset.size() == 1);
    CHECK(model.totalCount() == alphaRuns + betaRuns + 1);
    CHECK(text(model, 0, RunTableModel::NameColumn) == QLatin1String("z-000"));
    CHECK(model.runSort().field == RunSort::Field::Name);

    f.session.close();
    CHECK(model.rowCount() == 0);
    CHECK(model.columnCount() == RunTableModel::attributeColumnCount);
}

TEST_CASE("The runs table keeps QAbstractItemModelTester's invariants through fetches, sorts and reloads",
          "[runtable]") {
    Fixture f;
    RunTableModel model(f.session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    fetchAll(model);
    CHECK(model.rowCount() == alphaRuns + betaRuns);
    for (int column = 0; column < model.columnCount(); ++column)
        model.sort(column, column % 2 ? Qt::DescendingOrder : Qt::AscendingOrder);
    model.setScope(f.scopeOf(QStringLiteral("beta")));
    test::addRuns(*f.session.workspace(), QStringLiteral("beta"), QStringLiteral("c"), 3, 1'500'000'000'000,
                  false);
    CHECK(model.totalCount() == betaRuns + 3);
    model.setScope({});
    model.fetchMore({});
    f.session.close();
    CHECK(model.rowCount() == 0);
}

TEST_CASE("Values are written the way the runs table promises", "[format]") {
    CHECK(RunValueFormat::metric(0.123456) == QLatin1String("0.1235"));
    CHECK(RunValueFormat::metric(2.0) == QLatin1String("2"));
    CHECK(RunValueFormat::metric(1234567.0) == QLatin1String("1.235e+06"));
    CHECK(RunValueFormat::metric(std::nan("")) == QLatin1String("NaN"));
    CHECK(RunValueFormat::metric(-std::numeric_limits<double>::infinity()) == QStringLiteral("-∞"));
    CHECK(RunValueFormat::metricExact(0.1) == QLatin1String("0.10000000000000001"));
    CHECK(RunValueFormat::duration(850) == QLatin1String("850 ms"));
    CHECK(RunValueFormat::duration(42'000) == QLatin1String("42s"));
    CHECK(RunValueFormat::duration(192'000) == QLatin1String("3m 12s"));
    CHECK(RunValueFormat::duration(7'500'000) == QLatin1String("2h 05m"));
    CHECK(RunValueFormat::duration(3 * 86'400'000LL + 4 * 3'600'000LL) == QLatin1String("3d 4h"));
    CHECK(RunValueFormat::duration(1000, std::nullopt).isEmpty());
    CHECK(RunValueFormat::statusLabel(QStringLiteral("RUNNING")) == QLatin1String("Running"));
}
