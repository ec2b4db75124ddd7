#include "DriftTestData.h"
#include "core/drift/DriftMonitors.h"
#include "core/registry/Registry.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"
#include "tests/ui/support/GovernanceTestData.h"
#include "ui/drift/DriftDatasetChart.h"
#include "ui/drift/DriftDistributionChart.h"
#include "ui/drift/DriftHeatmapModel.h"
#include "ui/drift/DriftPage.h"
#include "ui/drift/DriftPerformanceChart.h"
#include "ui/drift/DriftScoreChart.h"
#include "ui/models/ModelOverviewModel.h"
#include "ui/models/ModelPage.h"
#include "ui/session/UiSettings.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/BannerLabel.h"
#include "ui/widgets/DriftStyle.h"
#include "ui/workspace/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QBarSet>
#include <QComboBox>
#include <QFile>
#include <QLineSeries>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::GovernedModels;
using assay::test::TemporaryWorkspace;

namespace {

// churn v3 carries a monitor with 4 weekly windows where monthly_charges (a key feature) and
// contract drift from week 3; fraud v1 one without labels and predictions; pricing none.
struct DriftFixture {
    TemporaryWorkspace ws;
    GovernedModels models = assay::test::addGovernedModels(ws);
    qint64 monitor = assay::test::addDriftMonitor(ws.workspace(), ws.dir(),
                                                  Registry(ws.workspace()).version(models.churn, 3)->id);
    qint64 plainMonitor = addPlainMonitor();
    WorkspaceSession session;

    DriftFixture() { session.setWorkspace(ws.reopen()); }

    qint64 addPlainMonitor() {
        assay::test::DriftScenario scenario;
        scenario.name = QStringLiteral("inputs");
        scenario.withPerformance = false;
        scenario.weeks = 2;
        return assay::test::addDriftMonitor(ws.workspace(), ws.dir(),
                                            Registry(ws.workspace()).version(models.fraud, 1)->id, scenario);
    }
};

int rowOf(const DriftHeatmapModel& model, const QString& feature) {
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.featureAt(row) == feature)
            return row;
    }
    return -1;
}

double sum(const QBarSet* set) {
    double total = 0;
    for (int i = 0; i < set->count(); ++i)
        total += set->at(i);
    return total;
}

} // namespace

TEST_CASE("The drift heatmap has a cell per feature and window, coloured by how far it drifted", "[drift]") {
    DriftFixture f;
    DriftHeatmapModel model(f.session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setMonitorId(f.monitor);

    REQUIRE(model.rowCount() == 6);
    REQUIRE(model.columnCount() == 4);
    // The year all windows share is left to the tooltip.
    CHECK(model.headerData(0, Qt::Horizontal).toString() == QLatin1String("W02"));
    CHECK(model.headerData(3, Qt::Horizontal).toString() == QLatin1String("W05"));
    const QString windowTip = model.headerData(3, Qt::Horizontal, Qt::ToolTipRole).toString();
    CHECK(windowTip.startsWith(QLatin1String("2026-W05: 2026-01-26 to 2026-02-01, 150 rows")));
    CHECK(windowTip.contains(
        QStringLiteral("%1 of 6 features drifted").arg(model.windows().at(3).driftedFeatures)));
    const int charges = rowOf(model, QStringLiteral("monthly_charges"));
    const int age = rowOf(model, QStringLiteral("age"));
    REQUIRE(charges >= 0);
    REQUIRE(age >= 0);
    CHECK(model.headerData(charges, Qt::Vertical).toString().contains(QStringLiteral("★")));
    CHECK_FALSE(model.headerData(age, Qt::Vertical).toString().contains(QStringLiteral("★")));
    CHECK(model.index(charges, 0).data(DriftHeatmapModel::KeyFeatureRole).toBool());

    const QModelIndex drifted = model.index(charges, 3);
    const QModelIndex stable = model.index(age, 0);
    CHECK(drifted.data(DriftHeatmapModel::DriftedRole).toBool());
    CHECK_FALSE(stable.data(DriftHeatmapModel::DriftedRole).toBool());
    CHECK(drifted.data(DriftHeatmapModel::SeverityRole).toDouble() > 1.0);
    CHECK(stable.data(DriftHeatmapModel::SeverityRole).toDouble() < 1.0);
    CHECK(drifted.data(DriftHeatmapModel::LevelRole).toInt() == int(DriftStyle::Level::Drifted));
    CHECK(drifted.data(Qt::BackgroundRole).value<QColor>() == DriftStyle::fill(DriftStyle::Level::Drifted));
    CHECK(stable.data(Qt::BackgroundRole).value<QColor>() !=
          drifted.data(Qt::BackgroundRole).value<QColor>());
    // Week 1 is not drifted yet.
    CHECK_FALSE(model.index(charges, 0).data(DriftHeatmapModel::DriftedRole).toBool());

    // The tooltip has the method, the p-value and the statistic the cell shows.
    const DriftResult* result = model.result(QStringLiteral("monthly_charges"), model.windows().at(3).id);
    REQUIRE(result);
    REQUIRE(result->pValue);
    const QString tip = drifted.data(Qt::ToolTipRole).toString();
    CHECK(tip.contains(QLatin1String("KS p-value")));
    CHECK(tip.contains(QStringLiteral("p-value: %1").arg(DriftStyle::score(*result->pValue))));
    CHECK(tip.contains(QStringLiteral("Statistic: %1").arg(DriftStyle::score(*result->statistic))));
    CHECK(tip.contains(QLatin1String("Drifted: <b>yes</b>")));
    CHECK(tip.contains(QLatin1String("Window rows: 150")));
    CHECK(drifted.data().toString() == DriftStyle::shortScore(*result->pValue));
}

TEST_CASE("The Drift page shows a monitor — a heatmap cell drives the score and distribution charts",
          "[drift]") {
    DriftFixture f;
    DriftPage page(f.session);
    QAbstractItemModelTester tester(page.heatmapModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    page.resize(1280, 800);
    page.show();
    page.showMonitor(f.models.churn);

    REQUIRE(page.modelId() == f.models.churn);
    REQUIRE(page.monitorId() == f.monitor);
    // Models with monitors come first.
    CHECK(page.modelCombo()->itemData(0).toLongLong() != f.models.pricing);
    CHECK(page.modelCombo()->itemData(page.modelCombo()->count() - 1).toLongLong() != f.models.churn);
    CHECK(page.heatmapModel()->rowCount() == 6);
    CHECK(page.heatmapModel()->columnCount() == 4);
    CHECK(page.monitorSummary()->text().contains(QStringLiteral("weekly windows on “date”")));
    CHECK(page.monitorSummary()->text().contains(QStringLiteral("KS p-value ≤ 0.05")));
    CHECK(page.statusBanner()->isVisibleTo(&page));
    CHECK(page.statusBanner()->text().startsWith(QLatin1String("Retraining recommended")));
    CHECK(page.statusBanner()->kind() == BannerLabel::Kind::Alert);
    CHECK(page.addDataButton()->isEnabled());
    CHECK(page.rulesButton()->isEnabled());

    // The most drifted cell of the latest week is selected first.
    const QModelIndex first = page.heatmap()->currentIndex();
    REQUIRE(first.isValid());
    CHECK(first.column() == 3);
    CHECK(first.data(DriftHeatmapModel::DriftedRole).toBool());

    const int age = rowOf(*page.heatmapModel(), QStringLiteral("age"));
    const int charges = rowOf(*page.heatmapModel(), QStringLiteral("monthly_charges"));
    page.heatmap()->setCurrentIndex(page.heatmapModel()->index(age, 0));
    CHECK(page.scoreChart()->feature() == QLatin1String("age"));
    REQUIRE(page.scoreChart()->scoreSeries());
    CHECK(page.scoreChart()->scoreSeries()->count() == 4);
    CHECK(page.scoreChart()->driftedSeries()->count() == 0);
    REQUIRE(page.distributionChart()->referenceSet());
    CHECK(page.distributionChart()->title().contains(QLatin1String("age in 2026-W02")));
    const QBarSet* ageCurrent = page.distributionChart()->currentSet();
    CHECK(sum(ageCurrent) == Approx(100.0));
    const qreal ageShare = ageCurrent->at(0);
    CHECK(page.distributionChart()->message().isEmpty());

    page.heatmap()->setCurrentIndex(page.heatmapModel()->index(charges, 3));
    CHECK(page.scoreChart()->feature() == QLatin1String("monthly_charges"));
    CHECK(page.scoreChart()->driftedSeries()->count() == 2); // weeks 3 and 4
    CHECK(page.distributionChart()->title().contains(QLatin1String("monthly_charges in 2026-W05")));
    const std::optional<DriftDistribution> distribution =
        DriftMonitors(*f.session.workspace())
            .distribution(page.heatmapModel()->windows().at(3).id, QStringLiteral("monthly_charges"));
    REQUIRE(distribution);
    CHECK(page.distributionChart()->referenceSet()->count() == int(distribution->referenceCounts.size()));
    CHECK(page.distributionChart()->currentSet()->at(0) != ageShare);

    // Drifted features per window, every window's bar in one of the three sets.
    const QList<DriftWindow> windows = page.heatmapModel()->windows();
    const DriftDatasetChart* dataset = page.datasetChart();
    REQUIRE(dataset->stableSet());
    for (int i = 0; i < windows.size(); ++i) {
        CHECK(dataset->stableSet()->at(i) + dataset->driftSet()->at(i) + dataset->keySet()->at(i) ==
              windows.at(i).driftedFeatures);
        CHECK((dataset->keySet()->at(i) > 0) ==
              (windows.at(i).retrainingRecommended && !windows.at(i).datasetDrift));
    }
    CHECK(windows.at(3).driftedFeatures >= 2);
    CHECK(sum(dataset->driftSet()) == 0); // 2 of 6 is below the default share of a half
    CHECK(dataset->shareLine()->at(0).y() == Approx(3.0));

    // Performance: the monitor follows accuracy.
    CHECK(page.performanceChart()->isVisibleTo(&page));
    CHECK_FALSE(page.performanceNote()->isVisibleTo(&page));
    REQUIRE(page.performanceChart()->performanceSeries());
    CHECK(page.performanceChart()->performanceSeries()->count() == 4);
    CHECK(page.performanceChart()->referenceLine());
}

TEST_CASE("The Drift page reloads on a monitor's change and keeps the selected cell", "[drift]") {
    DriftFixture f;
    DriftPage page(f.session);
    page.showMonitor(f.models.churn);
    const int age = rowOf(*page.heatmapModel(), QStringLiteral("age"));
    page.heatmap()->setCurrentIndex(page.heatmapModel()->index(age, 1));
    REQUIRE(sum(page.datasetChart()->driftSet()) == 0);

    // A lower dataset share turns the drifting weeks into dataset drift.
    const DriftMonitor monitor = *DriftMonitors(*f.session.workspace()).monitor(f.monitor);
    DriftThresholds thresholds = monitor.thresholds;
    thresholds.datasetShare = 0.3;
    f.session.workspace()->write(
        [&](WriteTransaction& tx) { DriftMonitors::setRules(tx, f.monitor, thresholds, monitor.features); });

    CHECK(sum(page.datasetChart()->driftSet()) > 0);
    CHECK(page.datasetChart()->driftSet()->at(3) > 0);
    CHECK(page.datasetChart()->driftSet()->at(0) == 0);
    CHECK(page.monitorSummary()->text().contains(QLatin1String("dataset drift from 30% of features")));
    const QModelIndex current = page.heatmap()->currentIndex();
    CHECK(current.row() == age);
    CHECK(current.column() == 1);
    CHECK(page.distributionChart()->title().contains(QLatin1String("age in 2026-W03")));
}

TEST_CASE("The Drift page explains what is missing instead of showing empty panes", "[drift]") {
    DriftFixture f;
    DriftPage page(f.session);
    page.resize(1280, 800);
    page.show();

    page.showMonitor(f.models.fraud);
    REQUIRE(page.monitorId() == f.plainMonitor);
    CHECK(page.heatmapModel()->columnCount() == 2);
    CHECK_FALSE(page.performanceChart()->isVisibleTo(&page));
    CHECK(page.performanceNote()->isVisibleTo(&page));
    CHECK(page.performanceNote()->text().contains(QLatin1String("no label and prediction")));

    page.showMonitor(f.models.pricing);
    CHECK(page.monitorId() == 0);
    auto* stack = page.findChild<QStackedWidget*>();
    REQUIRE(stack);
    CHECK(stack->currentWidget() == page.emptyState());
    CHECK(page.emptyState()->text().contains(QLatin1String("No drift monitor on this model yet")));
    CHECK(page.newMonitorButton()->isEnabled());
    CHECK_FALSE(page.addDataButton()->isEnabled());
    CHECK_FALSE(page.rulesButton()->isEnabled());
    CHECK_FALSE(page.statusBanner()->isVisibleTo(&page));
}

TEST_CASE("The Drift page's buttons ask for the dialogs of the model or monitor shown", "[drift]") {
    DriftFixture f;
    DriftPage page(f.session);
    page.showMonitor(f.models.churn);
    QSignalSpy newMonitor(&page, &DriftPage::newMonitorRequested);
    QSignalSpy addData(&page, &DriftPage::addDataRequested);
    QSignalSpy rules(&page, &DriftPage::rulesRequested);
    page.newMonitorButton()->click();
    page.addDataButton()->click();
    page.rulesButton()->click();
    REQUIRE(newMonitor.size() == 1);
    CHECK(newMonitor.at(0).at(0).toLongLong() == f.models.churn);
    REQUIRE(addData.size() == 1);
    CHECK(addData.at(0).at(0).toLongLong() == f.monitor);
    REQUIRE(rules.size() == 1);
    CHECK(rules.at(0).at(0).toLongLong() == f.monitor);
}

TEST_CASE("The Models page flags models whose drift recommends retraining", "[drift][models]") {
    DriftFixture f;
    ModelOverviewModel model(f.session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const int churn = model.rowOf(f.models.churn);
    const int pricing = model.rowOf(f.models.pricing);
    const QModelIndex flag = model.index(churn, ModelOverviewModel::DriftColumn);
    CHECK(flag.data().toString() == QLatin1String("recommended"));
    CHECK(model.headerData(ModelOverviewModel::DriftColumn, Qt::Horizontal).toString() ==
          QLatin1String("Retraining"));
    CHECK(flag.data(Qt::ToolTipRole).toString().contains(QLatin1String("monthly_charges")));
    CHECK(flag.data(Qt::ForegroundRole).value<QColor>() == DriftStyle::fill(DriftStyle::Level::Drifted));
    CHECK(model.index(pricing, ModelOverviewModel::DriftColumn).data().toString() == QStringLiteral("—"));
    CHECK(model.index(churn, ModelOverviewModel::DriftColumn).data(ModelOverviewModel::SortRole).toInt() >
          model.index(pricing, ModelOverviewModel::DriftColumn).data(ModelOverviewModel::SortRole).toInt());
}

TEST_CASE("The model page's Drift… button opens the Drift page on that model", "[drift][mainwindow]") {
    DriftFixture f;
    QTemporaryDir dir;
    UiSettings settings(dir.filePath(QStringLiteral("gui.conf")));
    MainWindow window(f.session, settings);
    window.showModel(f.models.fraud);
    auto* button = window.modelPage()->findChild<QPushButton*>(QStringLiteral("modelDriftButton"));
    REQUIRE(button);
    button->click();
    REQUIRE(window.currentPage() == window.driftPage());
    CHECK(window.driftPage()->modelId() == f.models.fraud);
    CHECK(window.driftPage()->monitorId() == f.plainMonitor);

    window.showDrift(f.models.churn, f.monitor);
    CHECK(window.driftPage()->monitorId() == f.monitor);
}

// Not a test: writes the governed models with a 12-week monitor on churn to the file that
// ASSAY_DRIFT_DEMO names, for looking at the Drift page (`assay FILE --page drift --model churn`).
TEST_CASE("Write a workspace for Drift page screenshots", "[.drift-screenshot]") {
    const QString target = qEnvironmentVariable("ASSAY_DRIFT_DEMO");
    REQUIRE_FALSE(target.isEmpty());
    TemporaryWorkspace ws;
    const GovernedModels models = assay::test::addGovernedModels(ws);
    assay::test::DriftScenario scenario;
    scenario.referenceRows = 1500;
    scenario.weeks = 12;
    scenario.rowsPerWeek = 2000;
    scenario.driftFromWeek = 9;
    scenario.methods = {{QStringLiteral("age"), QStringLiteral("ks")},
                        {QStringLiteral("contract"), QStringLiteral("chi_square")}};
    assay::test::addDriftMonitor(ws.workspace(), ws.dir(),
                                 Registry(ws.workspace()).version(models.churn, 3)->id, scenario);
    const QString path = ws.path();
    ws.close();
    QFile::remove(target);
    REQUIRE(QFile::copy(path, target));
}

TEST_CASE("Without a monitor named, the Drift page opens the model's first monitor with data", "[drift]") {
    DriftFixture f;
    // An empty monitor that sorts before the one with windows (same version, name first).
    DriftMonitorSpec spec;
    spec.versionId = Registry(f.ws.workspace()).version(f.models.churn, 3)->id;
    spec.name = QStringLiteral("candidate");
    spec.referencePath = QDir(f.ws.dir()).filePath(QStringLiteral("production-reference.csv"));
    const qint64 empty = DriftMonitors::createFromFile(f.ws.workspace(), spec);
    DriftPage page(f.session);
    page.showMonitor(f.models.churn);
    CHECK(page.monitorId() == f.monitor);
    page.showMonitor(f.models.churn, empty);
    CHECK(page.monitorId() == empty);
}
