#include "core/tracking/MetricStore.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"
#include "tests/ui/support/UiTestData.h"
#include "ui/explore/CompareCurveChart.h"
#include "ui/explore/CompareMetricModel.h"
#include "ui/explore/ComparePage.h"
#include "ui/explore/CompareParamModel.h"
#include "ui/explore/CompareScatterChart.h"
#include "ui/explore/EmaSmoothing.h"
#include "ui/explore/ParallelCoordinatesView.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/ChartAxisTicks.h"
#include "ui/widgets/MetricDirection.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSlider>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QValueAxis>

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::TemporaryWorkspace;

namespace {

// A session on a temporary workspace, with runs written through core.
struct CompareFixture {
    TemporaryWorkspace ws;
    WorkspaceSession session;
    QList<qint64> ids;

    CompareFixture() { session.setWorkspace(ws.reopen()); }
    // Three runs from UiTestData: lr differs, model differs between odd and even, depth absent.
    void addTestRuns(int count) {
        test::addRuns(*session.workspace(), QStringLiteral("e"), QStringLiteral("r"), count,
                      1'700'000'000'000, false);
        for (const Run& run :
             Tracking(*session.workspace())
                 .runs(Tracking(*session.workspace()).experimentByName(QStringLiteral("e"))->id))
            ids.append(run.id);
        std::sort(ids.begin(), ids.end());
    }
};

int rowOfKey(const CompareParamModel& model, const QString& key) {
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.keyAt(row) == key)
            return row;
    }
    return -1;
}

struct Page {
    ComparePage page;
    explicit Page(WorkspaceSession& session)
        : page(session) {
        page.resize(1200, 800);
        page.show();
        REQUIRE(QTest::qWaitForWindowExposed(&page));
    }
};

} // namespace

TEST_CASE("Metric direction: lower is better for losses and errors, higher otherwise", "[compare]") {
    for (const char* name :
         {"loss", "val_loss", "Error", "test-RMSE", "mae", "mse", "MAPE", "logloss", "perplexity"})
        CHECK(MetricDirection::lowerIsBetterByDefault(QLatin1String(name)));
    for (const char* name : {"auc", "accuracy", "f1", "precision", "r2"})
        CHECK_FALSE(MetricDirection::lowerIsBetterByDefault(QLatin1String(name)));
}

TEST_CASE("EMA smoothing is TensorBoard's debiased average", "[compare]") {
    const QList<QPointF> raw{{0, 3.0}, {1, 2.0}, {2, 1.0}, {3, std::numeric_limits<double>::quiet_NaN()}};
    CHECK(EmaSmoothing::apply(raw, 0.0).at(1).y() == 2.0);
    const QList<QPointF> smoothed = EmaSmoothing::apply(raw, 0.5);
    REQUIRE(smoothed.size() == 4);
    CHECK(smoothed.at(0).y() == Approx(3.0));                 // debiased: the first point stays
    CHECK(smoothed.at(1).y() == Approx((3.0 + 2 * 2.0) / 3)); // (0.25·3 + 0.5·2) / 0.75
    CHECK(smoothed.at(2).y() == Approx((0.125 * 3 + 0.25 * 2 + 0.5 * 1) / 0.875));
    CHECK(std::isnan(smoothed.at(3).y()));
    CHECK(smoothed.at(2).x() == 2.0);
}

TEST_CASE("Compare models pass QAbstractItemModelTester and show params and best metrics", "[compare]") {
    CompareFixture f;
    f.addTestRuns(4); // runs 0..3: lr 0.001..0.004, model linear/tree, loss latest 1/(i+1), auc
    ComparePage page(f.session);
    QAbstractItemModelTester paramTester(page.paramModel(),
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester metricTester(page.metricModel(),
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    page.setRuns(f.ids);

    CompareParamModel& params = *page.paramModel();
    CHECK(params.columnCount() == 4);
    CHECK(params.headerData(0, Qt::Horizontal).toString() == QLatin1String("r-000"));
    CHECK(params.headerData(0, Qt::Horizontal, CompareParamModel::RunIdRole).toLongLong() == f.ids.first());

    // Only differences is on by default: lr and model both differ.
    CHECK(params.onlyDifferences());
    CHECK(params.rowCount() == 2);
    const int lr = rowOfKey(params, QStringLiteral("lr"));
    REQUIRE(lr >= 0);
    CHECK(params.index(lr, 2).data().toString() == QString::number(0.003));
    CHECK(params.index(rowOfKey(params, QStringLiteral("model")), 1).data().toString() ==
          QLatin1String("tree"));
}

TEST_CASE("The only-differences toggle hides the params every run shares", "[compare]") {
    CompareFixture f;
    // Runs 0 and 2: same model ("linear"), different lr; a shared "seed" param besides.
    f.addTestRuns(3);
    f.session.workspace()->write([&](WriteTransaction& tx) {
        for (qint64 id : f.ids)
            Tracking::logParams(tx, id, {{QStringLiteral("seed"), QStringLiteral("42")}});
    });
    ComparePage page(f.session);
    QAbstractItemModelTester tester(page.paramModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    page.setRuns({f.ids.at(0), f.ids.at(2)});
    CompareParamModel& params = *page.paramModel();

    page.onlyDifferencesBox()->setChecked(false);
    CHECK(params.rowCount() == 3);
    CHECK(params.index(rowOfKey(params, QStringLiteral("seed")), 0)
              .data(CompareParamModel::DiffersRole)
              .toBool() == false);
    CHECK(params.index(rowOfKey(params, QStringLiteral("lr")), 0)
              .data(CompareParamModel::DiffersRole)
              .toBool());

    page.onlyDifferencesBox()->setChecked(true);
    CHECK(params.rowCount() == 1);
    CHECK(params.keyAt(0) == QLatin1String("lr"));
    CHECK(rowOfKey(params, QStringLiteral("seed")) < 0);
    CHECK(rowOfKey(params, QStringLiteral("model")) < 0);

    // A run lacking a key differs from those that have it.
    f.session.workspace()->write([&](WriteTransaction& tx) {
        Tracking::logParams(tx, f.ids.at(0), {{QStringLiteral("only_here"), QStringLiteral("x")}});
    });
    CHECK(rowOfKey(params, QStringLiteral("only_here")) >= 0); // the page reloads on the commit
}

TEST_CASE("The best metric value is marked: lowest loss, highest auc, and the user can flip it",
          "[compare]") {
    CompareFixture f;
    f.addTestRuns(3); // loss latest 1, 1/2, 1/3; auc of run 0: 0, run 1: 0.37, run 2: 0.74
    ComparePage page(f.session);
    QAbstractItemModelTester tester(page.metricModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    page.setRuns(f.ids);
    CompareMetricModel& metrics = *page.metricModel();
    const int loss = metrics.rowOf(QStringLiteral("loss"));
    const int auc = metrics.rowOf(QStringLiteral("auc"));
    REQUIRE(loss >= 0);
    REQUIRE(auc >= 0);
    auto best = [&](int row) {
        QList<int> columns;
        for (int column = 0; column < metrics.columnCount(); ++column) {
            if (metrics.index(row, column).data(CompareMetricModel::IsBestRole).toBool())
                columns.append(column);
        }
        return columns;
    };
    CHECK(best(loss) == QList<int>{2});
    CHECK(best(auc) == QList<int>{2});
    CHECK(metrics.index(loss, 2).data(Qt::FontRole).value<QFont>().bold());
    CHECK(metrics.index(loss, 2).data(Qt::BackgroundRole).isValid());
    CHECK_FALSE(metrics.index(loss, 0).data(Qt::FontRole).value<QFont>().bold());
    CHECK_FALSE(metrics.index(loss, 0).data(Qt::BackgroundRole).isValid());
    CHECK(metrics.headerData(loss, Qt::Vertical, CompareMetricModel::LowerIsBetterRole).toBool());
    CHECK_FALSE(metrics.headerData(auc, Qt::Vertical, CompareMetricModel::LowerIsBetterRole).toBool());

    metrics.flipDirection(loss);
    CHECK(best(loss) == QList<int>{0});
    CHECK_FALSE(metrics.headerData(loss, Qt::Vertical, CompareMetricModel::LowerIsBetterRole).toBool());
    metrics.flipDirection(auc);
    CHECK(best(auc) == QList<int>{0});
    // The choice survives a reload of the same runs.
    page.setRuns(f.ids);
    CHECK(best(page.metricModel()->rowOf(QStringLiteral("loss"))) == QList<int>{0});
}

TEST_CASE("Non-finite values are never best", "[compare]") {
    CompareFixture f;
    f.addTestRuns(6); // auc of run 3 NaN, 4 +inf, 5 -inf; run 2: 0.74 is the best finite
    ComparePage page(f.session);
    page.setRuns(f.ids);
    CompareMetricModel& metrics = *page.metricModel();
    const int auc = metrics.rowOf(QStringLiteral("auc"));
    CHECK(metrics.bestValue(auc) == Approx(0.74));
    CHECK_FALSE(metrics.index(auc, 4).data(CompareMetricModel::IsBestRole).toBool());
    CHECK(metrics.index(auc, 2).data(CompareMetricModel::IsBestRole).toBool());
}

TEST_CASE("Chart x axes span the data, with round ticks inside", "[compare][run]") {
    CHECK(ChartAxisTicks::roundStep(249, 4) == 100);
    CHECK(ChartAxisTicks::roundStep(24.2, 5) == 5);
    CHECK(ChartAxisTicks::roundStep(0.9, 5) == Approx(0.2));
    QValueAxis axis;
    ChartAxisTicks::fitToData(&axis, 0, 249, 4);
    CHECK(axis.max() == 249); // not the 400 that applyNiceNumbers() gives
    CHECK(axis.tickType() == QValueAxis::TicksDynamic);
    CHECK(axis.tickInterval() == 100);
    CHECK(axis.tickAnchor() == 0);
}

TEST_CASE("Overlaid curves: one series per visible run, legend hides, smoothing and log scale", "[compare]") {
    CompareFixture f;
    f.addTestRuns(4);
    Page p(f.session);
    ComparePage& page = p.page;
    page.setRuns(f.ids);
    page.tabs()->setCurrentIndex(ComparePage::CurvesTab);
    CompareCurveChart* chart = page.curveChart();
    CHECK(chart->metric() == QLatin1String("loss"));
    REQUIRE(test::waitFor([&] { return !chart->isLoading(); }));
    CHECK(chart->visibleSeries().size() == 4);
    CHECK(chart->chart()->series().size() == 4);
    // In Step mode, the first shown, the y axis names the metric and x ends where the data ends.
    CHECK(chart->chart()->axes(Qt::Vertical).first()->titleText() == QLatin1String("loss"));
    double lastStep = 0;
    for (QLineSeries* series : chart->visibleSeries())
        lastStep = std::max(lastStep, series->at(series->count() - 1).x());
    auto* xAxis = qobject_cast<QValueAxis*>(chart->chart()->axes(Qt::Horizontal).first());
    REQUIRE(xAxis);
    CHECK(xAxis->max() == Approx(lastStep));
    QLineSeries* second = chart->seriesOf(f.ids.at(1));
    REQUIRE(second != nullptr);
    CHECK(second->count() == 3);
    CHECK(second->at(2).y() == Approx(0.5)); // 1/(1+1) at step 2
    CHECK(second->color() == page.runs().at(1).color);

    // The legend: a click on a run hides it on the charts, a second click shows it again.
    QStandardItemModel* legend = page.legendModel();
    REQUIRE(legend->rowCount() == 4);
    page.toggleRun(f.ids.at(1));
    CHECK_FALSE(second->isVisible());
    CHECK(chart->visibleSeries().size() == 3);
    CHECK(legend->item(1)->data(Qt::CheckStateRole).toInt() == Qt::Unchecked);
    CHECK_FALSE(page.scatterChart()->seriesOf(f.ids.at(1))->isVisible());
    page.toggleRun(f.ids.at(1));
    CHECK(second->isVisible());
    CHECK(chart->visibleSeries().size() == 4);

    // Smoothing changes the drawn values as the debiased EMA says, and leaves the fetched ones.
    const QList<QPointF> raw = chart->fetchedPoints(f.ids.at(1));
    page.smoothingSlider()->setValue(50);
    CHECK(chart->smoothing() == Approx(0.5));
    const QList<QPointF> expected = EmaSmoothing::apply(raw, 0.5);
    REQUIRE(second->count() == 3);
    CHECK(second->at(1).y() == Approx(expected.at(1).y()));
    CHECK(second->at(1).y() != Approx(raw.at(1).y()));
    CHECK(second->at(1).y() == Approx((2.5 + 2 * 1.5) / 3));
    page.smoothingSlider()->setValue(0);
    CHECK(second->at(1).y() == Approx(1.5));

    // Log scale drops nothing here (all losses positive) and swaps the axis.
    page.logScaleBox()->setChecked(true);
    CHECK(chart->logScale());
    CHECK(chart->chart()->axes(Qt::Vertical).first()->type() == QAbstractAxis::AxisTypeLogValue);
    CHECK(second->count() == 3);

    // The read-out lists each visible run's value at the cursor's x.
    const auto values = chart->valuesAt(2.0);
    CHECK(values.size() == 4);
    CHECK(chart->readoutAt(2.0).contains(QLatin1String("r-001")));

    // Wall time as x: points carry the logged timestamps.
    page.xAxisBox()->setCurrentIndex(1);
    REQUIRE(test::waitFor([&] { return !chart->isLoading(); }));
    CHECK(chart->seriesOf(f.ids.at(1))->at(0).x() == Approx(1'700'000'000'000.0 + 60'000.0));
}

TEST_CASE("A million-point curve reaches Qt Charts downsampled to the plot width", "[compare]") {
    CompareFixture f;
    f.addTestRuns(2);
    constexpr int points = 1'000'000;
    f.session.workspace()->write([&](WriteTransaction& tx) {
        MetricSeries big;
        big.reserve(points);
        for (int i = 0; i < points; ++i)
            big.append(i, 1'700'000'000'000 + i, std::sin(i / 1000.0) + (i == 123'457 ? 50.0 : 0.0));
        MetricStore::log(tx, f.ids.at(0), {{QStringLiteral("big"), big}});
    });
    Page p(f.session);
    p.page.setRuns(f.ids);
    p.page.tabs()->setCurrentIndex(ComparePage::CurvesTab);
    CompareCurveChart* chart = p.page.curveChart();
    p.page.curveMetricBox()->setCurrentText(QStringLiteral("big"));
    REQUIRE(test::waitFor([&] { return !chart->isLoading(); }));
    QLineSeries* series = chart->seriesOf(f.ids.at(0));
    REQUIRE(series != nullptr);
    const int width = chart->fetchWidth();
    CHECK(width >= 200);
    CHECK(width <= chart->width());
    CHECK(series->count() > width); // reduced, not emptied
    CHECK(series->count() <= 4 * width);
    // First, last and the spike survive.
    CHECK(series->at(0).x() == 0.0);
    CHECK(series->at(series->count() - 1).x() == points - 1);
    bool spike = false;
    for (int i = 0; i < series->count(); ++i)
        spike = spike || series->at(i).x() == 123'457.0;
    CHECK(spike);
    // The spike is drawn but, with outliers ignored (the default), does not set the y scale.
    auto yMax = [&] {
        return qobject_cast<QValueAxis*>(chart->chart()->axes(Qt::Vertical).first())->max();
    };
    CHECK(chart->ignoreOutliers());
    CHECK(yMax() < 10);
    chart->setIgnoreOutliers(false);
    CHECK(yMax() >= 50);
    // The run without the metric draws nothing.
    CHECK(chart->seriesOf(f.ids.at(1))->count() == 0);
}

TEST_CASE("Parallel coordinates and scatter place runs by their values", "[compare]") {
    CompareFixture f;
    f.addTestRuns(3);
    Page p(f.session);
    p.page.setRuns(f.ids);
    p.page.setParallelColumns(
        {QStringLiteral("params.lr"), QStringLiteral("params.model"), QStringLiteral("metrics.loss")});
    ParallelCoordinatesView* parallel = p.page.parallelView();
    CHECK_FALSE(parallel->isCategorical(0));
    CHECK(parallel->isCategorical(1));
    CHECK(parallel->position(0, f.ids.at(0)) == Approx(0.0)); // lowest lr at the bottom
    CHECK(parallel->position(0, f.ids.at(2)) == Approx(1.0));
    CHECK(parallel->position(1, f.ids.at(0)) == Approx(0.0)); // "linear" before "tree"
    CHECK(parallel->position(1, f.ids.at(1)) == Approx(1.0));
    CHECK(parallel->position(2, f.ids.at(0)) == Approx(1.0)); // highest loss at the top

    CompareScatterChart* scatter = p.page.scatterChart();
    scatter->setColumns(QStringLiteral("params.lr"), QStringLiteral("metrics.loss"));
    CHECK(scatter->pointCount() == 3);
    CHECK(scatter->seriesOf(f.ids.at(2))->at(0) == QPointF(0.003, 1.0 / 3));
}

TEST_CASE("Compare exports tables as CSV and charts as PNG", "[compare]") {
    CompareFixture f;
    f.addTestRuns(3);
    Page p(f.session);
    p.page.setRuns(f.ids);
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("metrics.csv"));
    REQUIRE(p.page.exportMetricsCsv(csv));
    QFile file(csv);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    CHECK(lines.at(0).trimmed() == "metric,r-000,r-001,r-002");
    CHECK(lines.at(1).startsWith("auc,0,0.37,0.7")); // rows by key; exact digits, not the 4 shown
    CHECK(lines.at(2).startsWith("loss,1,0.5,0.333333333333333"));
    const QString params = dir.filePath(QStringLiteral("params.csv"));
    REQUIRE(p.page.exportParamsCsv(params));
    const QString png = dir.filePath(QStringLiteral("curves.png"));
    p.page.tabs()->setCurrentIndex(ComparePage::CurvesTab);
    REQUIRE(test::waitFor([&] { return !p.page.curveChart()->isLoading(); }));
    REQUIRE(p.page.exportChartPng(ComparePage::CurvesTab, png));
    CHECK(QImage(png).width() > 100);
}

TEST_CASE("The Compare page clears when the workspace switches", "[compare]") {
    CompareFixture f;
    f.addTestRuns(3);
    ComparePage page(f.session);
    page.setRuns(f.ids);
    CHECK(page.runs().size() == 3);
    TemporaryWorkspace other;
    f.session.setWorkspace(other.reopen());
    CHECK(page.runs().isEmpty());
    CHECK(page.metricModel()->rowCount() == 0);
    CHECK(page.curveChart()->chart()->series().isEmpty());
}
