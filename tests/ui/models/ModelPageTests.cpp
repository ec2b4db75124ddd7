#include "core/registry/ModelCards.h"
#include "core/registry/Registry.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"
#include "tests/ui/support/GovernanceTestData.h"
#include "ui/models/AliasHistoryModel.h"
#include "ui/models/AliasTimelineChart.h"
#include "ui/models/AliasTimelinePane.h"
#include "ui/models/ModelFindingModel.h"
#include "ui/models/ModelHeaderForm.h"
#include "ui/models/ModelPage.h"
#include "ui/models/ModelRequestModel.h"
#include "ui/models/ModelRiskPane.h"
#include "ui/models/ModelVersionModel.h"
#include "ui/models/ModelVersionsPane.h"
#include "ui/models/RiskAssessmentHistoryModel.h"
#include "ui/models/RiskScoreModel.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/TierBadgeLabel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::GovernedModels;
using assay::test::noon;
using assay::test::TemporaryWorkspace;

namespace {

using Fatal = QAbstractItemModelTester::FailureReportingMode;

struct PageFixture {
    TemporaryWorkspace ws;
    GovernedModels models = assay::test::addGovernedModels(ws);
    WorkspaceSession session;
    ModelPage page{session};

    explicit PageFixture(const QString& actor = QStringLiteral("tester")) {
        session.setWorkspace(ws.reopen(actor));
        page.resize(1280, 800);
        page.show();
        REQUIRE(QTest::qWaitForWindowExposed(&page));
    }
};

QString cell(const QAbstractItemModel* model, int row, int column) {
    return model->index(row, column).data().toString();
}

QString runUid(const Workspace& workspace, qint64 runId) {
    return Tracking(workspace).run(runId)->uid;
}

} // namespace

TEST_CASE("The model page shows versions with their source runs and opens a run", "[model]") {
    PageFixture f;
    ModelVersionModel* versions = f.page.versionModel();
    QAbstractItemModelTester tester(versions, Fatal::Fatal);
    f.page.showModel(f.models.churn);

    CHECK(f.page.title() == QLatin1String("churn"));
    CHECK(f.page.productionText() == QLatin1String("Production: v2"));
    CHECK(f.page.tierBadge()->text() == QStringLiteral("Tier 1 · High"));
    CHECK(f.page.findChild<QLabel*>(QStringLiteral("modelSubtitle"))
              ->text()
              .contains(QLatin1String("overdue")));
    REQUIRE(versions->rowCount() == 3);
    // Newest first.
    CHECK(cell(versions, 0, ModelVersionModel::VersionColumn) == QLatin1String("v3"));
    CHECK(cell(versions, 0, ModelVersionModel::AliasesColumn) == QLatin1String("staging"));
    CHECK(cell(versions, 1, ModelVersionModel::AliasesColumn) == QLatin1String("production"));
    const Workspace& workspace = *f.session.workspace();
    for (int row = 0; row < 3; ++row) {
        const qint64 runId = f.models.runIds.at(2 - row);
        CHECK(cell(versions, row, ModelVersionModel::RunColumn) == runUid(workspace, runId));
        CHECK(versions->index(row, 0).data(ModelVersionModel::RunIdRole).toLongLong() == runId);
        CHECK(cell(versions, row, ModelVersionModel::RunByColumn) == QLatin1String("alice"));
        CHECK(cell(versions, row, ModelVersionModel::CreatedByColumn) == QLatin1String("tester"));
    }
    const int sections = int(ModelCards::sections().size());
    CHECK(cell(versions, 0, ModelVersionModel::CardColumn) == QStringLiteral("%1 missing").arg(sections));
    CHECK(cell(versions, 0, ModelVersionModel::ApprovedColumn) == QStringLiteral("—"));

    ModelVersionsPane* pane = f.page.versionsPane();
    // The newest version is selected to begin with.
    CHECK(pane->selectedVersion() == 3);
    qint64 opened = 0;
    int promoted = 0;
    qint64 cardOf = 0;
    QObject::connect(&f.page, &ModelPage::runActivated, [&](qint64 id) { opened = id; });
    QObject::connect(&f.page, &ModelPage::promotionRequested, [&](qint64 model, int version) {
        CHECK(model == f.models.churn);
        promoted = version;
    });
    QObject::connect(&f.page, &ModelPage::cardEditRequested, [&](qint64 id) { cardOf = id; });
    pane->selectVersion(2);
    REQUIRE(pane->selectedVersion() == 2);
    REQUIRE(pane->openRunButton()->isEnabled());
    pane->openRunButton()->click();
    CHECK(opened == f.models.runIds.at(1));
    pane->requestPromotionButton()->click();
    CHECK(promoted == 2);
    pane->editCardButton()->click();
    CHECK(cardOf == Registry(workspace).version(f.models.churn, 2)->id);

    SECTION("clicking the source run opens it") {
        opened = 0;
        QTableView* table = pane->table();
        const QModelIndex link = table->model()->index(0, ModelVersionModel::RunColumn);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(link).center());
        CHECK(opened == f.models.runIds.at(2));
    }
    SECTION("the selection and the page survive commits that touch the model") {
        f.session.workspace()->write([&](WriteTransaction& tx) {
            Registry::setAlias(tx, f.models.churn, QStringLiteral("champion"), 2, QStringLiteral("kept"));
            ModelCards::save(tx, Registry(tx.workspace()).version(f.models.churn, 3)->id,
                             {{ModelCards::sections().first().key, QStringLiteral("Scores churn risk.")}});
        });
        CHECK(pane->selectedVersion() == 2);
        CHECK(cell(versions, 1, ModelVersionModel::AliasesColumn) == QLatin1String("champion, production"));
        CHECK(cell(versions, 0, ModelVersionModel::CardColumn) ==
              QStringLiteral("%1 missing").arg(sections - 1));
    }
}

TEST_CASE("The alias timeline answers which version was in production on a date", "[model][alias]") {
    PageFixture f;
    AliasTimelinePane* pane = f.page.aliasPane();
    QAbstractItemModelTester tester(pane->historyModel(), Fatal::Fatal);
    f.page.showModel(f.models.churn);
    f.page.tabs()->setCurrentIndex(ModelPage::AliasesTab);

    AliasHistoryModel* history = pane->historyModel();
    CHECK(history->aliases() == QStringList{QStringLiteral("production"), QStringLiteral("staging")});
    REQUIRE(history->rowCount() == 3);
    CHECK(cell(history, 0, AliasHistoryModel::AliasColumn) == QLatin1String("production"));
    CHECK(cell(history, 0, AliasHistoryModel::VersionColumn) == QLatin1String("v1"));
    CHECK(cell(history, 0, AliasHistoryModel::PreviousColumn) == QStringLiteral("—"));
    CHECK(cell(history, 1, AliasHistoryModel::VersionColumn) == QLatin1String("v2"));
    CHECK(cell(history, 1, AliasHistoryModel::PreviousColumn) == QLatin1String("v1"));
    CHECK(cell(history, 1, AliasHistoryModel::ReasonColumn) == QLatin1String("better recall"));
    CHECK(cell(history, 1, AliasHistoryModel::WhenColumn).startsWith(QLatin1String("2026-02-10")));
    CHECK(cell(history, 2, AliasHistoryModel::AliasColumn) == QLatin1String("staging"));
    CHECK(pane->aliasCombo()->currentText() == QLatin1String("production"));

    pane->askAbout(QDate(2026, 3, 1));
    CHECK(pane->answerLabel()->text() ==
          QLatin1String("On 2026-03-01 production was v2 (since 2026-02-10)."));
    pane->askAbout(QDate(2026, 1, 20));
    CHECK(pane->answerLabel()->text() ==
          QLatin1String("On 2026-01-20 production was v1 (since 2026-01-10)."));
    // The day of a move counts as after it: the question is how things stood when the day ended.
    pane->askAbout(QDate(2026, 2, 10));
    CHECK(pane->answerLabel()->text().startsWith(
        QLatin1String("On 2026-02-10 production was v2 (since 2026-02-10")));
    pane->askAbout(QDate(2025, 12, 31));
    CHECK(pane->answerLabel()->text() ==
          QLatin1String("On 2025-12-31 production was not set yet (first set on 2026-01-10)."));
    pane->aliasCombo()->setCurrentText(QStringLiteral("staging"));
    pane->askAbout(QDate(2026, 3, 2));
    CHECK(pane->answerLabel()->text() == QLatin1String("On 2026-03-02 staging was v3 (since 2026-03-01)."));

    AliasTimelineChart* chart = pane->chart();
    CHECK(chart->versionDrawnAt(QStringLiteral("production"), noon(QDate(2026, 1, 20))) == 1);
    CHECK(chart->versionDrawnAt(QStringLiteral("production"), noon(QDate(2026, 6, 1))) == 2);
    CHECK_FALSE(chart->versionDrawnAt(QStringLiteral("production"), noon(QDate(2026, 1, 5))).has_value());
    CHECK(chart->marker().has_value());

    SECTION("removing the alias shows as a gap and in the answer") {
        f.ws.now = noon(QDate(2027, 1, 5));
        f.session.workspace()->write([&](WriteTransaction& tx) {
            Registry::removeAlias(tx, f.models.churn, QStringLiteral("production"),
                                  QStringLiteral("incident"));
        });
        f.ws.now = noon(QDate(2027, 1, 10));
        CHECK(history->rowCount() == 4);
        pane->aliasCombo()->setCurrentText(QStringLiteral("production"));
        pane->askAbout(QDate(2027, 1, 8));
        CHECK(pane->answerLabel()->text() ==
              QLatin1String("On 2027-01-08 production was not set (removed on 2027-01-05)."));
        CHECK_FALSE(chart->versionDrawnAt(QStringLiteral("production"), noon(QDate(2027, 1, 7))).has_value());
    }
}

TEST_CASE("Saving owners and the primary metric writes through core", "[model][owners]") {
    PageFixture f;
    f.page.showModel(f.models.pricing);
    ModelHeaderForm* form = f.page.headerForm();
    CHECK(form->ownerCombo()->currentData().toString().isEmpty());
    CHECK_FALSE(form->saveOwnersButton()->isEnabled());
    // Every user of the workspace can be named, after "no owner".
    CHECK(form->ownerCombo()->count() == 6);

    form->ownerCombo()->setCurrentIndex(form->ownerCombo()->findData(QStringLiteral("val")));
    form->businessOwnerEdit()->setText(QStringLiteral("Pricing desk"));
    REQUIRE(form->saveOwnersButton()->isEnabled());
    form->saveOwnersButton()->click();
    const Registry registry(*f.session.workspace());
    CHECK(registry.model(f.models.pricing)->owner == QLatin1String("val"));
    CHECK(registry.model(f.models.pricing)->businessOwner == QLatin1String("Pricing desk"));
    CHECK_FALSE(form->saveOwnersButton()->isEnabled());

    // The metric keys of the versions' runs; a loss suggests "lower is better".
    QComboBox* metric = form->metricCombo();
    CHECK(metric->findText(QStringLiteral("val_auc")) >= 0);
    CHECK(metric->findText(QStringLiteral("val_loss")) >= 0);
    metric->setCurrentText(QStringLiteral("val_loss"));
    CHECK(form->directionCombo()->currentData().toBool() == false);
    form->saveMetricButton()->click();
    CHECK(registry.model(f.models.pricing)->primaryMetric == QLatin1String("val_loss"));
    CHECK_FALSE(registry.model(f.models.pricing)->higherIsBetter);

    SECTION("an edit in progress survives an unrelated reload") {
        form->businessOwnerEdit()->setText(QStringLiteral("Pricing and margins"));
        f.session.workspace()->write([&](WriteTransaction& tx) {
            Registry::setPrimaryMetric(tx, f.models.pricing, QStringLiteral("val_auc"), true);
        });
        CHECK(form->businessOwnerEdit()->text() == QLatin1String("Pricing and margins"));
        CHECK(form->metricCombo()->currentText() == QLatin1String("val_auc"));
        CHECK(form->saveOwnersButton()->isEnabled());
    }
}

TEST_CASE("An analyst cannot save owners: core refuses and nothing is written", "[model][owners]") {
    PageFixture f(QStringLiteral("ana"));
    f.page.showModel(f.models.pricing);
    ModelHeaderForm* form = f.page.headerForm();
    form->ownerCombo()->setCurrentIndex(form->ownerCombo()->findData(QStringLiteral("ana")));
    // The button says why it is off; core is what refuses.
    CHECK_FALSE(form->saveOwnersButton()->isEnabled());
    CHECK(form->saveOwnersButton()->toolTip().contains(QLatin1String("data scientist")));
    CHECK_FALSE(form->saveOwners());
    auto* box = form->findChild<QMessageBox*>(QStringLiteral("errorMessage"));
    REQUIRE(box);
    CHECK(box->text().contains(QLatin1String("data scientist")));
    CHECK(Registry(*f.session.workspace()).model(f.models.pricing)->owner.isEmpty());
}

TEST_CASE("The model page lists requests, findings and risk assessments", "[model]") {
    PageFixture f;
    QAbstractItemModelTester requestTester(f.page.requestModel(), Fatal::Fatal);
    QAbstractItemModelTester findingTester(f.page.findingModel(), Fatal::Fatal);
    QAbstractItemModelTester historyTester(f.page.riskPane()->historyModel(), Fatal::Fatal);
    QAbstractItemModelTester scoreTester(f.page.riskPane()->scoreModel(), Fatal::Fatal);
    f.page.showModel(f.models.churn);

    ModelRequestModel* requests = f.page.requestModel();
    REQUIRE(requests->rowCount() == 1);
    CHECK(cell(requests, 0, ModelRequestModel::IdColumn) == QString::number(f.models.churnRequest));
    CHECK(cell(requests, 0, ModelRequestModel::KindColumn) == QLatin1String("Promotion"));
    CHECK(cell(requests, 0, ModelRequestModel::VersionColumn) == QLatin1String("v3"));
    CHECK(cell(requests, 0, ModelRequestModel::AliasColumn) == QLatin1String("production"));
    CHECK(cell(requests, 0, ModelRequestModel::TierColumn) == QStringLiteral("Tier 1 · High"));
    CHECK(cell(requests, 0, ModelRequestModel::StatusColumn) == QLatin1String("Awaiting sign-off"));
    CHECK(f.page.tabs()->tabText(ModelPage::RequestsTab) == QLatin1String("Requests (1 open)"));
    qint64 activated = 0;
    QObject::connect(&f.page, &ModelPage::requestActivated, [&](qint64 id) { activated = id; });
    f.page.tabs()->setCurrentIndex(ModelPage::RequestsTab);
    auto* requestTable = f.page.findChild<QTableView*>(QStringLiteral("requestTable"));
    requestTable->setCurrentIndex(requestTable->model()->index(0, 0));
    QTest::keyClick(requestTable, Qt::Key_Return);
    CHECK(activated == f.models.churnRequest);

    ModelFindingModel* findings = f.page.findingModel();
    REQUIRE(findings->rowCount() == 1);
    CHECK(cell(findings, 0, ModelFindingModel::DescriptionColumn) ==
          QLatin1String("Add the fairness report for age groups"));
    CHECK(cell(findings, 0, ModelFindingModel::SeverityColumn) == QLatin1String("High"));
    CHECK(cell(findings, 0, ModelFindingModel::OwnerColumn) == QLatin1String("Ada Lovelace"));
    CHECK(cell(findings, 0, ModelFindingModel::DueColumn) == QLatin1String("2026-03-15 (overdue)"));
    CHECK(findings->index(0, ModelFindingModel::DueColumn).data(Qt::ForegroundRole).value<QColor>().red() >
          200);
    CHECK(cell(findings, 0, ModelFindingModel::StatusColumn) == QLatin1String("Open"));

    ModelRiskPane* risk = f.page.riskPane();
    REQUIRE(risk->historyModel()->rowCount() == 1);
    CHECK(risk->field(QStringLiteral("riskTier")) == QStringLiteral("Tier 1 · High"));
    CHECK(risk->field(QStringLiteral("riskEuCategory")).startsWith(QLatin1String("High risk")));
    CHECK_FALSE(risk->field(QStringLiteral("riskRule")).isEmpty());
    RiskScoreModel* scores = risk->scoreModel();
    REQUIRE(scores->rowCount() == 7);
    int customerImpact = -1;
    for (int row = 0; row < scores->rowCount(); ++row) {
        if (scores->index(row, 0).data(RiskScoreModel::KeyRole) == QLatin1String("customer_impact"))
            customerImpact = row;
    }
    REQUIRE(customerImpact >= 0);
    CHECK(cell(scores, customerImpact, RiskScoreModel::DimensionColumn) == QLatin1String("Customer impact"));
    CHECK(cell(scores, customerImpact, RiskScoreModel::ScoreColumn) == QLatin1String("4 / 4"));
    CHECK(cell(scores, customerImpact, RiskScoreModel::MeaningColumn)
              .contains(QLatin1String("access to credit")));

    qint64 assessed = 0;
    QObject::connect(&f.page, &ModelPage::assessmentRequested, [&](qint64 id) { assessed = id; });
    risk->assessButton()->click();
    CHECK(assessed == f.models.churn);

    SECTION("a pending override shows on the badge and in the history") {
        f.page.showModel(f.models.fraud);
        CHECK(f.page.tierBadge()->text() == QStringLiteral("Tier 2 · Medium · override pending"));
        CHECK(risk->field(QStringLiteral("riskOverride")).startsWith(QLatin1String("Tier 1 proposed")));
        CHECK(cell(risk->historyModel(), 0, RiskAssessmentHistoryModel::OverrideColumn)
                  .contains(QLatin1String("awaiting a risk officer")));
        CHECK(requests->rowCount() == 0);
        CHECK(findings->rowCount() == 0);
    }
    SECTION("a model not assessed says so") {
        f.page.showModel(f.models.pricing);
        CHECK(risk->historyModel()->rowCount() == 0);
        CHECK(scores->rowCount() == 0);
        CHECK(f.page.findChild<QLabel*>(QStringLiteral("riskHeading"))
                  ->text()
                  .startsWith(QLatin1String("Not assessed")));
    }
}

TEST_CASE("The Versions table's last column still reaches the right edge after a card is saved", "[model]") {
    PageFixture f;
    f.page.showModel(f.models.churn);
    QTableView* table = f.page.versionsPane()->table();
    const QHeaderView* header = table->horizontalHeader();
    const int last = table->model()->columnCount() - 1;
    const auto rightEdge = [&] {
        return header->sectionViewportPosition(last) + header->sectionSize(last);
    };
    QTest::qWait(20);
    REQUIRE(rightEdge() == table->viewport()->width());

    f.session.workspace()->write([&](WriteTransaction& tx) {
        const qint64 versionId = Registry(tx.workspace()).version(f.models.churn, 3)->id;
        QMap<QString, QString> fields = ModelCards(tx.workspace()).card(versionId).fields;
        fields.insert(QStringLiteral("caveats"), QStringLiteral("A short one."));
        ModelCards::save(tx, versionId, fields);
    });
    QTest::qWait(20);
    CHECK(rightEdge() == table->viewport()->width());
    f.page.resize(1400, 800);
    QTest::qWait(20);
    CHECK(rightEdge() == table->viewport()->width());
}
