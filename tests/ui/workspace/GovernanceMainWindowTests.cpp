#include "tests/ui/support/GovernanceDialogData.h"
#include "ui/models/ModelCardDialog.h"
#include "ui/models/ModelPage.h"
#include "ui/models/RiskAssessmentWizard.h"
#include "ui/reviews/PromotionRequestDialog.h"
#include "ui/session/UiSettings.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/workspace/MainWindow.h"
#include "ui/workspace/PolicyEditorDialog.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::GovernanceWorkspace;

TEST_CASE("The main window opens the governance dialogs", "[mainwindow][assessment][card][policy]") {
    GovernanceWorkspace data;
    QTemporaryDir dir;
    UiSettings settings(dir.filePath(QStringLiteral("gui.conf")));
    WorkspaceSession session;
    MainWindow window(session, settings);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK_FALSE(window.tierPolicyAction()->isEnabled());
    data.openAs(session, QStringLiteral("tester"));

    QStringList menus;
    for (const QAction* action : window.menuBar()->actions())
        menus << action->text();
    CHECK(menus == QStringList{QStringLiteral("&File"), QStringLiteral("&Edit"), QStringLiteral("&Go"),
                               QStringLiteral("&Workspace"), QStringLiteral("&Review"),
                               QStringLiteral("&Drift"), QStringLiteral("&Help")});
    CHECK(window.driftMenu()->actions() == QList<QAction*>{window.newDriftMonitorAction(),
                                                           window.addDriftDataAction(),
                                                           window.driftRulesAction()});
    CHECK(window.newDriftMonitorAction()->isEnabled());
    CHECK(window.workspaceMenu()->actions().contains(window.tierPolicyAction()));
    REQUIRE(window.tierPolicyAction()->isEnabled());
    window.tierPolicyAction()->trigger();
    auto* policy = window.findChild<PolicyEditorDialog*>();
    REQUIRE(policy);
    CHECK(policy->isVisible());
    policy->close();

    RiskAssessmentWizard* wizard = window.assessRisk(data.modelId);
    REQUIRE(wizard);
    CHECK(wizard->isVisible());
    CHECK(wizard->modelId() == data.modelId);
    wizard->reject();

    // The model page's buttons reach the same dialogs.
    window.showModel(data.modelId);
    emit window.modelPage()->assessmentRequested(data.modelId);
    auto* fromPage = window.findChild<RiskAssessmentWizard*>();
    REQUIRE(fromPage);
    CHECK(fromPage->modelId() == data.modelId);
    fromPage->reject();
    QTest::qWait(0); // the rejected wizard deletes itself
    emit window.modelPage()->cardEditRequested(data.versionId);
    auto* cardFromPage = window.findChild<ModelCardDialog*>();
    REQUIRE(cardFromPage);
    CHECK(cardFromPage->versionId() == data.versionId);
    cardFromPage->close();
    QTest::qWait(0);

    ModelCardDialog* card = window.editModelCard(data.versionId);
    REQUIRE(card);
    CHECK(card->versionId() == data.versionId);
    // Switching files closes what spoke of the old one.
    QPointer<ModelCardDialog> watched(card);
    session.close();
    QTest::qWait(0);
    CHECK((watched.isNull() || !watched->isVisible()));

    data.openAs(session, QStringLiteral("tester"));
    CHECK(window.editModelCard(987654) == nullptr);
    auto* box = window.findChild<QMessageBox*>(QStringLiteral("errorMessage"));
    REQUIRE(box);
    CHECK(box->text().contains(QStringLiteral("no model version with id 987654")));
}

TEST_CASE("The model page's Request Promotion opens the request dialog", "[mainwindow][reviews]") {
    GovernanceWorkspace data;
    QTemporaryDir dir;
    UiSettings settings(dir.filePath(QStringLiteral("gui.conf")));
    WorkspaceSession session;
    MainWindow window(session, settings);
    data.openAs(session, QStringLiteral("tester"));
    window.showModel(data.modelId);
    emit window.modelPage()->promotionRequested(data.modelId, 1);
    auto* dialog = window.findChild<PromotionRequestDialog*>();
    REQUIRE(dialog);
    CHECK(dialog->isVisible());
    dialog->reject();
}
