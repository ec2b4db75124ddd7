#include "core/governance/RiskAssessments.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/ui/support/GovernanceDialogData.h"
#include "ui/models/ChoiceButton.h"
#include "ui/models/EuCategoryPage.h"
#include "ui/models/RiskAssessmentWizard.h"
#include "ui/models/RiskDimensionPage.h"
#include "ui/models/RiskSummaryPage.h"
#include "ui/session/WorkspaceSession.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QTest>

#include <array>
#include <catch2/catch.hpp>

using namespace assay;
using assay::test::GovernanceWorkspace;

namespace {

// Scores in the order of the default policy's dimensions: exposure, customer_impact,
// complexity, autonomy, data_sensitivity, regulatory, fairness.
using Scores = std::array<int, 7>;

struct WizardFixture {
    GovernanceWorkspace data;
    WorkspaceSession session;

    explicit WizardFixture(const QString& actor = QStringLiteral("dana")) { data.openAs(session, actor); }
};

// Chooses as a user does: a click on each sentence, then on the category.
void choose(RiskAssessmentWizard& wizard, const Scores& scores, const QString& category) {
    const QList<RiskDimensionPage*> pages = wizard.dimensionPages();
    REQUIRE(pages.size() == static_cast<qsizetype>(scores.size()));
    for (qsizetype i = 0; i < pages.size(); ++i)
        pages.at(i)->choice(scores.at(static_cast<std::size_t>(i)))->radio()->click();
    wizard.euCategoryPage()->choice(category)->radio()->click();
}

QMap<QString, int> scoreMap(const RiskAssessmentWizard& wizard, const Scores& scores) {
    QMap<QString, int> result;
    for (qsizetype i = 0; i < wizard.policy().dimensions().size(); ++i)
        result.insert(wizard.policy().dimensions().at(i).key, scores.at(static_cast<std::size_t>(i)));
    return result;
}

void goToSummary(RiskAssessmentWizard& wizard) {
    wizard.show();
    REQUIRE(QTest::qWaitForWindowExposed(&wizard));
    while (wizard.currentPage() != wizard.summaryPage()) {
        REQUIRE(wizard.button(QWizard::NextButton)->isEnabled());
        wizard.next();
    }
}

} // namespace

TEST_CASE("Each dimension offers its four guidance sentences — clicking the sentence chooses it",
          "[assessment]") {
    WizardFixture fx;
    RiskAssessmentWizard wizard(fx.session, fx.data.modelId);
    wizard.show();
    REQUIRE(QTest::qWaitForWindowExposed(&wizard));
    RiskDimensionPage* first = wizard.dimensionPages().first();
    CHECK(first->title() == QStringLiteral("Financial and operational exposure"));
    CHECK(first->choice(1)->text().startsWith(
        QStringLiteral("1 — Losses from a wrong output would be negligible")));
    CHECK(first->choice(4)->text().startsWith(QStringLiteral("4 — ")));
    CHECK_FALSE(wizard.button(QWizard::NextButton)->isEnabled());

    QLabel* sentence = first->choice(3)->findChild<QLabel*>();
    REQUIRE(sentence);
    QTest::mouseClick(sentence, Qt::LeftButton);
    CHECK(first->score() == 3);
    CHECK(first->choice(3)->isChecked());
    CHECK(wizard.button(QWizard::NextButton)->isEnabled());
}

TEST_CASE("The summary shows the tier, score and rule the policy gives the chosen scores", "[assessment]") {
    struct Case {
        Scores scores;
        const char* category;
        int tier;
    };
    const Case c = GENERATE(values<Case>({
        {{1, 1, 1, 1, 1, 1, 1}, "minimal_risk", 3},
        {{3, 2, 2, 2, 2, 2, 2}, "minimal_risk", 2},
        {{2, 2, 2, 2, 2, 4, 2}, "limited_risk", 1},
        {{1, 1, 1, 1, 1, 1, 1}, "high_risk", 1},
    }));
    WizardFixture fx;
    RiskAssessmentWizard wizard(fx.session, fx.data.modelId);
    choose(wizard, c.scores, QString::fromLatin1(c.category));

    const TierAssessment expected =
        wizard.policy().assess(scoreMap(wizard, c.scores), QString::fromLatin1(c.category));
    REQUIRE(expected.tier == c.tier);
    RiskSummaryPage* summary = wizard.summaryPage();
    CHECK(summary->tierLabel()->text().startsWith(QStringLiteral("Tier %1 — ").arg(c.tier)));
    CHECK(summary->ruleLabel()->text() == expected.rule);
    CHECK(summary->scoreLabel()->text().contains(
        QStringLiteral("Weighted score %1").arg(QString::number(expected.weightedScore, 'f', 2))));
    CHECK(wizard.progressLabel()->text().contains(QStringLiteral("Tier %1").arg(c.tier)));

    // A changed answer changes the summary at once.
    wizard.dimensionPages().at(5)->choice(4)->radio()->click();
    Scores raised = c.scores;
    raised[5] = 4;
    const TierAssessment after =
        wizard.policy().assess(scoreMap(wizard, raised), QString::fromLatin1(c.category));
    CHECK(summary->tierLabel()->text().startsWith(QStringLiteral("Tier %1 — ").arg(after.tier)));
    CHECK(summary->ruleLabel()->text() == after.rule);
}

TEST_CASE("Finishing the wizard records the assessment in the workspace", "[assessment]") {
    WizardFixture fx;
    RiskAssessmentWizard wizard(fx.session, fx.data.modelId);
    CHECK_FALSE(wizard.isPrefilled());
    const Scores scores{3, 2, 2, 2, 2, 2, 2};
    choose(wizard, scores, QStringLiteral("limited_risk"));
    goToSummary(wizard);
    wizard.summaryPage()->rationaleEdit()->setPlainText(QStringLiteral("Scored with the lending team."));
    QAbstractButton* finish = wizard.button(QWizard::FinishButton);
    REQUIRE(finish->isEnabled());
    finish->click();

    CHECK(wizard.result() == QDialog::Accepted);
    const std::optional<RiskAssessment> latest =
        RiskAssessments(*fx.session.workspace()).latest(fx.data.modelId);
    REQUIRE(latest);
    CHECK(latest->id == wizard.assessmentId());
    CHECK(latest->scores == scoreMap(wizard, scores));
    CHECK(latest->euCategory == QStringLiteral("limited_risk"));
    CHECK(latest->computedTier == 2);
    CHECK(latest->rationale == QStringLiteral("Scored with the lending team."));
    CHECK(latest->assessedBy == QStringLiteral("dana"));
    CHECK_FALSE(latest->overrideTier);
}

TEST_CASE("The wizard starts from the model's latest assessment", "[assessment]") {
    WizardFixture fx;
    QMap<QString, int> earlier = test::uniformScores(TierPolicy::defaultPolicy(), 2);
    earlier[QStringLiteral("customer_impact")] = 3;
    fx.session.workspace()->write([&](WriteTransaction& tx) {
        RiskAssessments::assess(
            tx, fx.data.modelId, earlier, QStringLiteral("limited_risk"),
            QStringLiteral("Reviewed with legal"),
            RiskAssessments::Override{1, QStringLiteral("Feeds the capital model downstream.")});
    });
    RiskAssessmentWizard wizard(fx.session, fx.data.modelId);
    CHECK(wizard.isPrefilled());
    CHECK(wizard.scores() == earlier);
    CHECK(wizard.euCategory() == QStringLiteral("limited_risk"));
    CHECK(wizard.euCategoryPage()->choice(QStringLiteral("limited_risk"))->isChecked());
    RiskSummaryPage* summary = wizard.summaryPage();
    CHECK(summary->rationale() == QStringLiteral("Reviewed with legal"));
    CHECK(summary->overrideCheck()->isChecked());
    CHECK(summary->overrideTierCombo()->currentData().toInt() == 1);
    CHECK(summary->overrideReasonEdit()->toPlainText() ==
          QStringLiteral("Feeds the capital model downstream."));
    CHECK(summary->tierLabel()->text().startsWith(QStringLiteral("Tier 2 — ")));
    CHECK(wizard.contextLabel()->text().contains(QStringLiteral("Filled in")));
}

TEST_CASE("An override without a written reason is refused and nothing is written", "[assessment]") {
    WizardFixture fx;
    RiskAssessmentWizard wizard(fx.session, fx.data.modelId);
    choose(wizard, {1, 1, 1, 1, 1, 1, 1}, QStringLiteral("minimal_risk"));
    goToSummary(wizard);
    RiskSummaryPage* summary = wizard.summaryPage();
    summary->overrideCheck()->setChecked(true);
    summary->overrideTierCombo()->setCurrentIndex(summary->overrideTierCombo()->findData(2));
    summary->overrideReasonEdit()->setPlainText(QStringLiteral("gut feeling"));

    // The wizard says why it cannot finish yet...
    CHECK_FALSE(wizard.button(QWizard::FinishButton)->isEnabled());
    CHECK(summary->findChild<QLabel*>(QStringLiteral("overrideHint"))
              ->text()
              .contains(QStringLiteral("11 of at least 20")));
    // ...and core refuses it all the same when asked.
    CHECK_FALSE(wizard.submit());
    CHECK(summary->errorLabel()->isVisible());
    CHECK(summary->errorLabel()->text().contains(QStringLiteral("at least 20 characters")));
    CHECK(wizard.findChild<QMessageBox*>(QStringLiteral("errorMessage")));
    CHECK(wizard.isVisible());
    CHECK_FALSE(RiskAssessments(*fx.session.workspace()).latest(fx.data.modelId));

    summary->overrideReasonEdit()->setPlainText(QStringLiteral("Feeds the capital model downstream."));
    CHECK(wizard.button(QWizard::FinishButton)->isEnabled());
    CHECK(wizard.submit());
    const std::optional<RiskAssessment> latest =
        RiskAssessments(*fx.session.workspace()).latest(fx.data.modelId);
    REQUIRE(latest);
    CHECK(latest->overrideTier == 2);
    CHECK(latest->overrideStatus == RiskAssessment::OverrideStatus::Pending);
    CHECK(latest->effectiveTier() == 3);
}

TEST_CASE("A prohibited use warns that promotion will be blocked and cannot be overridden", "[assessment]") {
    WizardFixture fx;
    RiskAssessmentWizard wizard(fx.session, fx.data.modelId);
    choose(wizard, {1, 1, 1, 1, 1, 1, 1}, QStringLiteral("prohibited"));
    QLabel* consequence = wizard.euCategoryPage()->consequenceLabel();
    CHECK_FALSE(consequence->isHidden());
    CHECK(consequence->text().contains(QStringLiteral("blocked")));
    CHECK(wizard.summaryPage()->tierLabel()->text().startsWith(QStringLiteral("Blocked")));
    CHECK_FALSE(wizard.summaryPage()->overrideCheck()->isEnabled());

    wizard.euCategoryPage()->choice(QStringLiteral("minimal_risk"))->radio()->click();
    CHECK(consequence->isHidden());
    CHECK(wizard.summaryPage()->overrideCheck()->isEnabled());
}

TEST_CASE("A refusal from core keeps the wizard open with the reason", "[assessment]") {
    WizardFixture fx(QStringLiteral("ana")); // an analyst may not assess risk
    RiskAssessmentWizard wizard(fx.session, fx.data.modelId);
    CHECK(wizard.contextLabel()->text().contains(QStringLiteral("will be refused")));
    choose(wizard, {2, 2, 2, 2, 2, 2, 2}, QStringLiteral("minimal_risk"));
    goToSummary(wizard);
    wizard.button(QWizard::FinishButton)->click();

    CHECK(wizard.isVisible());
    CHECK(wizard.currentPage() == wizard.summaryPage());
    CHECK(wizard.summaryPage()->errorLabel()->text().contains(QStringLiteral("ana may not assess")));
    CHECK_FALSE(RiskAssessments(*fx.session.workspace()).latest(fx.data.modelId));
}
