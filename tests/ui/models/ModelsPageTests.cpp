#include "core/governance/ReviewSchedule.h"
#include "core/registry/Registry.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"
#include "tests/ui/support/GovernanceTestData.h"
#include "ui/explore/ExperimentsPage.h"
#include "ui/models/ModelOverviewModel.h"
#include "ui/models/ModelPage.h"
#include "ui/models/ModelsPage.h"
#include "ui/session/UiSettings.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/TierBadgeDelegate.h"
#include "ui/workspace/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::GovernedModels;
using assay::test::TemporaryWorkspace;

namespace {

struct ModelsFixture {
    TemporaryWorkspace ws;
    GovernedModels models = assay::test::addGovernedModels(ws);
    WorkspaceSession session;

    ModelsFixture() { session.setWorkspace(ws.reopen()); }
};

QString cell(const QAbstractItemModel* model, int row, int column, int role = Qt::DisplayRole) {
    return model->index(row, column).data(role).toString();
}

} // namespace

TEST_CASE("The model overview lists every model with owners, tier, production, counts and review",
          "[models]") {
    ModelsFixture f;
    ModelOverviewModel model(f.session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    REQUIRE(model.rowCount() == 4);
    REQUIRE(model.columnCount() == ModelOverviewModel::ColumnCount);
    const int churn = model.rowOf(f.models.churn);
    REQUIRE(churn >= 0);
    CHECK(cell(&model, churn, ModelOverviewModel::NameColumn) == QLatin1String("churn"));
    CHECK(cell(&model, churn, ModelOverviewModel::OwnerColumn) == QLatin1String("Ada Lovelace"));
    CHECK(cell(&model, churn, ModelOverviewModel::BusinessOwnerColumn) == QLatin1String("Retention team"));
    CHECK(cell(&model, churn, ModelOverviewModel::TierColumn) == QStringLiteral("Tier 1 · High"));
    CHECK(model.index(churn, ModelOverviewModel::TierColumn).data(TierBadgeDelegate::TierRole) == 1);
    CHECK(cell(&model, churn, ModelOverviewModel::ProductionColumn) == QLatin1String("v2"));
    CHECK(cell(&model, churn, ModelOverviewModel::VersionsColumn) == QLatin1String("3"));
    CHECK(cell(&model, churn, ModelOverviewModel::RequestsColumn) == QLatin1String("1 open"));
    CHECK(cell(&model, churn, ModelOverviewModel::FindingsColumn) == QLatin1String("1 open"));
    CHECK(model.index(churn, ModelOverviewModel::FindingsColumn).data(ModelOverviewModel::SortRole) == 1);

    // Overdue: the review fell due on 2026-12-15 and the clock stands at 2027-01-10.
    const qint64 due = ReviewSchedule(*f.session.workspace()).next(f.models.churn)->nextReviewAt;
    CHECK(cell(&model, churn, ModelOverviewModel::ReviewColumn) ==
          QStringLiteral("overdue since %1")
              .arg(QDateTime::fromMSecsSinceEpoch(due).date().toString(Qt::ISODate)));
    CHECK(cell(&model, churn, ModelOverviewModel::ReviewColumn).endsWith(QLatin1String("2026-12-15")));
    CHECK(
        model.index(churn, ModelOverviewModel::ReviewColumn).data(Qt::ForegroundRole).value<QColor>().red() >
        200);

    const int fraud = model.rowOf(f.models.fraud);
    CHECK(cell(&model, fraud, ModelOverviewModel::TierColumn) ==
          QStringLiteral("Tier 2 · Medium · override pending"));
    CHECK(cell(&model, fraud, ModelOverviewModel::TierColumn, TierBadgeDelegate::NoteRole) ==
          QLatin1String("override pending"));
    CHECK(cell(&model, fraud, ModelOverviewModel::OwnerColumn) == QLatin1String("tester"));
    CHECK(cell(&model, fraud, ModelOverviewModel::ProductionColumn) == QStringLiteral("—"));
    CHECK(cell(&model, fraud, ModelOverviewModel::RequestsColumn) == QStringLiteral("—"));
    CHECK(cell(&model, fraud, ModelOverviewModel::ReviewColumn) == QStringLiteral("—"));
    CHECK_FALSE(model.index(fraud, ModelOverviewModel::ReviewColumn).data(Qt::ForegroundRole).isValid());

    CHECK(cell(&model, model.rowOf(f.models.faceMatch), ModelOverviewModel::TierColumn) ==
          QLatin1String("Blocked"));
    const int pricing = model.rowOf(f.models.pricing);
    CHECK(cell(&model, pricing, ModelOverviewModel::TierColumn) == QLatin1String("Not assessed"));
    CHECK_FALSE(
        model.index(pricing, ModelOverviewModel::TierColumn).data(TierBadgeDelegate::TierRole).isValid());
    CHECK(cell(&model, pricing, ModelOverviewModel::OwnerColumn) == QStringLiteral("—"));

    SECTION("a commit that touches a model reloads the row") {
        f.session.workspace()->write([&](WriteTransaction& tx) {
            Registry::setOwners(tx, f.models.pricing, QStringLiteral("val"), QStringLiteral("Pricing desk"));
        });
        CHECK(cell(&model, model.rowOf(f.models.pricing), ModelOverviewModel::OwnerColumn) ==
              QLatin1String("Val Idator"));
    }
}

TEST_CASE("The Models page sorts, searches, keeps its selection and opens a model", "[models]") {
    ModelsFixture f;
    ModelsPage page(f.session);
    page.resize(1280, 800);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    QSortFilterProxyModel* proxy = page.proxyModel();
    QAbstractItemModelTester tester(proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(page.findChild<QLabel*>(QStringLiteral("modelsTitle"))->text() ==
          QLatin1String("4 registered models"));
    CHECK(page.table()->isVisible());

    SECTION("by tier, riskiest first") {
        page.table()->sortByColumn(ModelOverviewModel::TierColumn, Qt::AscendingOrder);
        CHECK(cell(proxy, 0, ModelOverviewModel::NameColumn) == QLatin1String("face-match"));
        CHECK(cell(proxy, 1, ModelOverviewModel::NameColumn) == QLatin1String("churn"));
        CHECK(cell(proxy, 3, ModelOverviewModel::NameColumn) == QLatin1String("pricing"));
    }
    SECTION("the search matches names and owners' names") {
        page.searchEdit()->setText(QStringLiteral("lovelace"));
        REQUIRE(proxy->rowCount() == 1);
        CHECK(cell(proxy, 0, ModelOverviewModel::NameColumn) == QLatin1String("churn"));
        page.searchEdit()->setText(QStringLiteral("FRA"));
        REQUIRE(proxy->rowCount() == 1);
        CHECK(cell(proxy, 0, ModelOverviewModel::NameColumn) == QLatin1String("fraud"));
        page.searchEdit()->setText(QStringLiteral("nobody"));
        CHECK(proxy->rowCount() == 0);
        CHECK(page.findChild<QLabel*>(QStringLiteral("modelsNoMatch"))->isVisible());
    }
    SECTION("the selection survives a reload") {
        page.selectModel(f.models.fraud);
        REQUIRE(page.selectedModelId() == f.models.fraud);
        f.session.workspace()->write([&](WriteTransaction& tx) {
            Registry::setOwners(tx, f.models.churn, QStringLiteral("val"), QStringLiteral("Retention"));
        });
        CHECK(page.selectedModelId() == f.models.fraud);
    }
    SECTION("Enter on a row asks for the model's page") {
        qint64 activated = 0;
        QObject::connect(&page, &ModelsPage::modelActivated, [&](qint64 id) { activated = id; });
        page.selectModel(f.models.pricing);
        page.table()->setFocus();
        QTest::keyClick(page.table(), Qt::Key_Return);
        CHECK(activated == f.models.pricing);
    }
}

TEST_CASE("The Models page says how to register a model while there is none", "[models]") {
    TemporaryWorkspace ws;
    WorkspaceSession session;
    session.setWorkspace(ws.reopen());
    ModelsPage page(session);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    auto* empty = page.findChild<QLabel*>(QStringLiteral("modelsEmptyState"));
    CHECK(empty->isVisible());
    CHECK(empty->text().contains(QLatin1String("Register a version from a run's page")));
    CHECK_FALSE(page.table()->isVisible());
}

TEST_CASE("The main window opens a model's page from the Models page and goes back", "[models][mainwindow]") {
    ModelsFixture f;
    QTemporaryDir dir;
    UiSettings settings(dir.filePath(QStringLiteral("gui.conf")));
    MainWindow window(f.session, settings);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
    REQUIRE(navigation->count() == 7);
    CHECK(navigation->item(3)->text() == QLatin1String("Models"));
    CHECK(navigation->item(4)->text().startsWith(QLatin1String("Reviews")));
    CHECK(navigation->item(5)->text() == QLatin1String("Drift"));
    CHECK(navigation->item(6)->text() == QLatin1String("Audit"));
    navigation->setCurrentRow(3);
    CHECK(window.currentPage() == window.modelsPage());

    emit window.modelsPage()->modelActivated(f.models.churn);
    CHECK(window.currentPage() == window.modelPage());
    CHECK(window.modelPage()->title() == QLatin1String("churn"));
    // The model page has no entry of its own: Models stays highlighted.
    CHECK(navigation->currentItem()->text() == QLatin1String("Models"));

    QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {},
                      navigation->visualItemRect(navigation->item(3)).center());
    CHECK(window.currentPage() == window.modelsPage());
    CHECK(window.modelsPage()->selectedModelId() == f.models.churn);

    window.showModel(f.models.fraud);
    navigation->setCurrentRow(0);
    CHECK(window.currentPage() == window.experimentsPage());
}
