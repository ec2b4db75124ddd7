#include "core/registry/Registry.h"
#include "core/tracking/MetricStore.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"
#include "tests/ui/support/UiTestData.h"
#include "ui/explore/ComparePage.h"
#include "ui/explore/ExperimentsPage.h"
#include "ui/explore/MetricChartView.h"
#include "ui/explore/RunPage.h"
#include "ui/session/UiSettings.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/workspace/MainWindow.h"

#include <QChart>
#include <QCryptographicHash>
#include <QFile>
#include <QLineSeries>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QValueAxis>

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::TemporaryWorkspace;

namespace {

constexpr int longSeries = 200'000;

// One parent run and one child run with everything the Run page shows.
struct RunFixture {
    TemporaryWorkspace ws;
    WorkspaceSession session;
    qint64 parentId = 0;
    qint64 childId = 0;
    QByteArray report = QByteArrayLiteral("<html>validation report</html>");

    RunFixture() {
        session.setWorkspace(ws.reopen());
        session.workspace()->write([&](WriteTransaction& tx) {
            Run parent;
            parent.experimentId = Tracking::createExperiment(tx, QStringLiteral("churn"));
            parent.name = QStringLiteral("sweep");
            parent.status = RunStatus::Finished;
            parent.startTime = 1'700'000'000'000;
            parent.endTime = 1'700'000'100'000;
            parentId = Tracking::createRun(tx, parent);
            Run child = parent;
            child.name = QStringLiteral("trial-7");
            child.status = RunStatus::Failed;
            child.user = QStringLiteral("alice");
            child.startTime = 1'700'000'000'000;
            child.endTime = 1'700'000'000'000 + 192'000; // 3m 12s
            child.sourceCommit = QStringLiteral("0123abcd");
            child.sourceName = QStringLiteral("train.py");
            child.parentRunId = parentId;
            childId = Tracking::createRun(tx, child);
            Tracking::logParams(tx, childId,
                                {{QStringLiteral("lr"), QStringLiteral("0.01")},
                                 {QStringLiteral("depth"), QStringLiteral("6")}});
            Tracking::setTags(tx, childId, {{QStringLiteral("team"), QStringLiteral("risk")}});
            Tracking::logInputs(
                tx, childId,
                {{QStringLiteral("customers"), QStringLiteral("sha256:feed"),
                  QStringLiteral("s3://bucket/customers.parquet"), QStringLiteral("training")}});
            Tracking::attach(tx, childId, QStringLiteral("report.html"), QStringLiteral("text/html"), report);
            MetricSeries loss;
            for (int step = 0; step < longSeries; ++step)
                loss.append(step, 1'700'000'000'000 + step, 1.0 / (step + 1));
            MetricSeries auc;
            for (int step = 0; step < 5; ++step)
                auc.append(step, 1'700'000'000'000 + step, 0.5 + step * 0.1);
            MetricStore::log(tx, childId, {{QStringLiteral("loss"), loss}, {QStringLiteral("auc"), auc}});
            const qint64 model = Registry::createModel(tx, QStringLiteral("churn-model"));
            Registry::createVersion(tx, model, childId);
            Registry::setAlias(tx, model, QStringLiteral("champion"), 1);
        });
    }
};

QString cell(const QStandardItemModel* model, int row, int column) {
    return model->index(row, column).data().toString();
}

MetricChartView* chartOf(const RunPage& page, const QString& key) {
    for (MetricChartView* chart : page.charts()) {
        if (chart->key() == key)
            return chart;
    }
    return nullptr;
}

} // namespace

TEST_CASE("The Run page shows overview, params, tags, metrics, attachments and versions", "[run]") {
    RunFixture f;
    RunPage page(f.session);
    page.resize(1200, 800);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    page.showRun(f.childId);
    CHECK(page.runId() == f.childId);

    CHECK(page.field(QStringLiteral("runStatus")).contains(QLatin1String("Failed")));
    CHECK(page.field(QStringLiteral("runExperiment")) == QLatin1String("churn"));
    CHECK(page.field(QStringLiteral("runUser")) == QLatin1String("alice"));
    CHECK(page.field(QStringLiteral("runDuration")) == QLatin1String("3m 12s"));
    CHECK(page.field(QStringLiteral("runSourceCommit")) == QLatin1String("0123abcd"));
    CHECK(page.field(QStringLiteral("runSourceName")) == QLatin1String("train.py"));
    CHECK(page.field(QStringLiteral("runParent")).contains(QLatin1String("sweep")));
    CHECK(page.field(QStringLiteral("runParent")).contains(QStringLiteral("run:%1").arg(f.parentId)));
    CHECK(page.field(QStringLiteral("runUid")) == Tracking(*f.session.workspace()).run(f.childId)->uid);

    REQUIRE(page.paramsModel()->rowCount() == 2);
    CHECK(cell(page.paramsModel(), 0, 0) == QLatin1String("depth"));
    CHECK(cell(page.paramsModel(), 1, 1) == QLatin1String("0.01"));
    REQUIRE(page.tagsModel()->rowCount() == 1);
    CHECK(cell(page.tagsModel(), 0, 1) == QLatin1String("risk"));
    REQUIRE(page.datasetsModel()->rowCount() == 1);
    CHECK(cell(page.datasetsModel(), 0, 1) == QLatin1String("sha256:feed"));
    CHECK(cell(page.datasetsModel(), 0, 2) == QLatin1String("training"));

    REQUIRE(page.metricsModel()->rowCount() == 2);
    CHECK(cell(page.metricsModel(), 0, 0) == QLatin1String("auc"));
    CHECK(cell(page.metricsModel(), 0, 1) == QLatin1String("0.9"));
    CHECK(cell(page.metricsModel(), 0, 3) == QLatin1String("0.5"));
    CHECK(cell(page.metricsModel(), 1, 5) == QLocale().toString(longSeries));

    REQUIRE(page.attachmentsModel()->rowCount() == 1);
    CHECK(cell(page.attachmentsModel(), 0, 0) == QLatin1String("report.html"));
    CHECK(cell(page.attachmentsModel(), 0, 1) == QLatin1String("text/html"));
    CHECK(cell(page.attachmentsModel(), 0, 3) ==
          QString::fromLatin1(QCryptographicHash::hash(f.report, QCryptographicHash::Sha256).toHex()));
    QTemporaryDir dir;
    const QString saved = dir.filePath(QStringLiteral("saved.html"));
    REQUIRE(page.saveAttachment(0, saved));
    QFile file(saved);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.readAll() == f.report);

    REQUIRE(page.versionsModel()->rowCount() == 1);
    CHECK(cell(page.versionsModel(), 0, 0) == QLatin1String("churn-model"));
    CHECK(cell(page.versionsModel(), 0, 1) == QLatin1String("1"));
    CHECK(cell(page.versionsModel(), 0, 3) == QLatin1String("champion"));
    // Activating the row opens that model at that version.
    QSignalSpy opened(&page, &RunPage::modelVersionActivated);
    auto* versionsView = page.findChild<QTableView*>(QStringLiteral("runVersions"));
    REQUIRE(versionsView);
    emit versionsView->activated(page.versionsModel()->index(0, 2));
    REQUIRE(opened.size() == 1);
    CHECK(opened.first().at(0).toLongLong() ==
          Registry(*f.session.workspace()).modelByName(QStringLiteral("churn-model"))->id);
    CHECK(opened.first().at(1).toInt() == 1);

    // One chart per metric, titled with its name.
    REQUIRE(page.charts().size() == 2);
    CHECK(chartOf(page, QStringLiteral("loss"))->chart()->title() == QLatin1String("loss"));

    // The parent link opens the parent on the same page.
    page.showRun(f.parentId);
    CHECK(page.field(QStringLiteral("runParent")) == QStringLiteral("—"));
    CHECK(page.paramsModel()->rowCount() == 0);
}

TEST_CASE("A zoomed metric chart fetches the range again at full resolution", "[run]") {
    RunFixture f;
    RunPage page(f.session);
    page.resize(1200, 900);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    page.showRun(f.childId);
    page.tabs()->setCurrentIndex(RunPage::MetricsTab);
    MetricChartView* chart = chartOf(page, QStringLiteral("loss"));
    REQUIRE(chart != nullptr);
    REQUIRE(test::waitFor([&] { return chart->fetchCount() > 0; }));

    // Unzoomed: 200,000 points reduced to the plot width.
    CHECK_FALSE(chart->lastFetch().fullResolution);
    CHECK(chart->series()->count() <= 4 * chart->fetchWidth());
    CHECK(chart->lastFetch().pointsInWindow == longSeries);

    // The rubber band's way in: the chart zooms its axes, the view fetches [from, to] again.
    const int fetches = chart->fetchCount();
    const QRectF plot = chart->chart()->plotArea();
    const double fromX = chart->chart()->mapToPosition(QPointF(1000, 0)).x();
    const double toX = chart->chart()->mapToPosition(QPointF(1100, 0)).x();
    chart->chart()->zoomIn(QRectF(fromX, plot.top(), toX - fromX, plot.height()));
    REQUIRE(test::waitFor([&] { return chart->fetchCount() > fetches; }));
    CHECK(chart->isZoomed());
    const DownsampledSeries& zoomed = chart->lastFetch();
    CHECK(zoomed.fullResolution);
    int inRange = 0;
    for (int i = 0; i < chart->series()->count(); ++i) {
        const double x = chart->series()->at(i).x();
        if (x >= zoomed.from && x <= zoomed.to)
            ++inRange;
    }
    // Every logged step in the window is drawn.
    const auto expected = static_cast<int>(std::floor(zoomed.to) - std::ceil(zoomed.from) + 1);
    CHECK(inRange == expected);
    CHECK(zoomed.pointsInWindow == expected);
    CHECK(zoomed.from == Approx(1000).margin(5));
    CHECK(zoomed.to == Approx(1100).margin(5));
    auto* axis = qobject_cast<QValueAxis*>(chart->chart()->axes(Qt::Horizontal).first());
    CHECK(axis->min() == Approx(zoomed.from));

    chart->zoomTo(10, 14);
    CHECK(chart->series()->count() == 5 + 2); // steps 10..14 and the neighbours at 9 and 15
    CHECK(chart->lastFetch().points.size() == 5);

    chart->resetZoom();
    CHECK_FALSE(chart->isZoomed());
    CHECK(chart->lastFetch().pointsInWindow == longSeries);
}

TEST_CASE("The Run page clears when the workspace switches", "[run]") {
    RunFixture f;
    RunPage page(f.session);
    page.showRun(f.childId);
    CHECK(page.paramsModel()->rowCount() == 2);
    TemporaryWorkspace other;
    f.session.setWorkspace(other.reopen());
    CHECK(page.runId() == 0);
    CHECK(page.paramsModel()->rowCount() == 0);
    CHECK(page.charts().isEmpty());
}

TEST_CASE("The Experiments page's signals open the Run and Compare pages", "[run][compare]") {
    RunFixture f;
    QTemporaryDir dir;
    UiSettings settings(dir.filePath(QStringLiteral("gui.conf")));
    MainWindow window(f.session, settings);
    auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
    REQUIRE(navigation != nullptr);

    emit window.experimentsPage()->runActivated(f.childId);
    CHECK(window.runPage()->runId() == f.childId);
    CHECK(navigation->currentItem()->text() == QLatin1String("Run"));

    emit window.experimentsPage()->compareRequested({f.parentId, f.childId});
    CHECK(window.comparePage()->runIds() == QList<qint64>{f.parentId, f.childId});
    CHECK(navigation->currentItem()->text() == QLatin1String("Compare"));
}
