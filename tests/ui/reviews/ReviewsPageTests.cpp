#include "ReviewTestData.h"
#include "core/governance/Findings.h"
#include "core/governance/PromotionRequests.h"
#include "core/governance/RiskAssessments.h"
#include "core/identity/KeychainUnavailableError.h"
#include "core/identity/SecretStore.h"
#include "core/registry/ModelCards.h"
#include "core/registry/Registry.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/ui/support/UiTestData.h"
#include "ui/reviews/ConditionTableModel.h"
#include "ui/reviews/DecisionDialog.h"
#include "ui/reviews/DecisionModel.h"
#include "ui/reviews/EvidenceComparisonModel.h"
#include "ui/reviews/GateModel.h"
#include "ui/reviews/PeriodicReviewDialog.h"
#include "ui/reviews/PromotionRequestDialog.h"
#include "ui/reviews/RequestListModel.h"
#include "ui/reviews/RequestPage.h"
#include "ui/reviews/RequestPreview.h"
#include "ui/reviews/ReviewInboxModel.h"
#include "ui/reviews/ReviewStatusStyle.h"
#include "ui/reviews/ReviewsPage.h"
#include "ui/reviews/SignOffModel.h"
#include "ui/reviews/TierOverrideModel.h"
#include "ui/session/UiSettings.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/RelativeTimeFormat.h"
#include "ui/workspace/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::ReviewFixture;

namespace {

using Tester = QAbstractItemModelTester;
constexpr auto fatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

// A keychain that cannot be reached, as on a desktop whose secret service is not running.
class UnreachableSecretStore : public SecretStore {
public:
    void store(const QString&, const QString&, const QByteArray&) override { fail(); }
    std::optional<QByteArray> load(const QString&, const QString&) override { fail(); }
    void remove(const QString&, const QString&) override { fail(); }

private:
    [[noreturn]] static void fail() {
        throw KeychainUnavailableError(QStringLiteral("The Secret Service is not running."));
    }
};

// The Reviews page of one person, with its request page.
struct Reviewer {
    std::unique_ptr<WorkspaceSession> session;
    ReviewsPage page;

    Reviewer(const ReviewFixture& f, const QString& login)
        : session(f.sessionAs(login))
        , page(*session) {}

    RequestPage& request() const { return *page.requestPage(); }
    Workspace& workspace() const { return *session->workspace(); }
};

QString cell(const QAbstractItemModel& model, int row, int column) {
    return model.index(row, column).data().toString();
}

// Decides through the dialog, as a person would: choose, type, click the button.
void decide(Reviewer& reviewer, qint64 requestId, Decision::Outcome outcome, const QString& comment,
            const QList<DecisionCondition>& conditions = {}) {
    reviewer.page.showRequest(requestId);
    REQUIRE(reviewer.request().decideButton()->isEnabled());
    reviewer.request().decideButton()->click();
    DecisionDialog* dialog = reviewer.request().decisionDialog();
    REQUIRE(dialog);
    dialog->outcomeButton(outcome)->click();
    dialog->commentEdit()->setPlainText(comment);
    for (const DecisionCondition& condition : conditions) {
        dialog->addConditionButton()->click();
        ConditionTableModel& model = *dialog->conditionModel();
        const int row = model.rowCount() - 1;
        model.setData(model.index(row, ConditionTableModel::DescriptionColumn), condition.description);
        model.setData(model.index(row, ConditionTableModel::OwnerColumn), condition.owner);
        model.setData(model.index(row, ConditionTableModel::DueDateColumn), condition.dueDate);
        model.setData(model.index(row, ConditionTableModel::SeverityColumn), condition.severity);
    }
    REQUIRE(dialog->okButton()->isEnabled());
    dialog->okButton()->click();
    REQUIRE(dialog->result() == QDialog::Accepted);
    CHECK(dialog->decisionId() != 0);
}

} // namespace

TEST_CASE(
    "The inbox lists a request for a validator and the owner, not for the submitter or the run's creator",
    "[reviews]") {
    ReviewFixture f;
    const qint64 id = f.submitPromotion();
    f.advanceDays(3);

    Reviewer vera(f, QStringLiteral("vera"));
    Tester tester(vera.page.inboxModel(), fatal);
    ReviewInboxModel& inbox = *vera.page.inboxModel();
    REQUIRE(inbox.rowCount() == 1);
    CHECK(inbox.requestIdAt(0) == id);
    CHECK(cell(inbox, 0, ReviewInboxModel::RequestColumn) == QStringLiteral("churn v2 → production"));
    CHECK(cell(inbox, 0, ReviewInboxModel::TierColumn) == QLatin1String("Tier 2"));
    CHECK(cell(inbox, 0, ReviewInboxModel::SignOffColumn) == QLatin1String("as Independent validator"));
    CHECK(cell(inbox, 0, ReviewInboxModel::SubmittedByColumn) == QLatin1String("dan"));
    CHECK(cell(inbox, 0, ReviewInboxModel::WaitingColumn) == QLatin1String("3 days"));
    CHECK(cell(inbox, 0, ReviewInboxModel::StaleColumn).isEmpty());
    CHECK_FALSE(vera.page.isInboxEmptyStateShown());
    CHECK(vera.page.waitingCount() == 1);

    Reviewer olga(f, QStringLiteral("olga"));
    REQUIRE(olga.page.inboxModel()->rowCount() == 1);
    CHECK(cell(*olga.page.inboxModel(), 0, ReviewInboxModel::SignOffColumn) ==
          QLatin1String("as Model owner"));

    for (const QString& login : {QStringLiteral("dan"), QStringLiteral("rita")}) {
        Reviewer other(f, login);
        CHECK(other.page.inboxModel()->rowCount() == 0);
        CHECK(other.page.isInboxEmptyStateShown());
        const QString empty = other.page.inboxEmptyState()->text();
        CHECK(empty.contains(QLatin1String("Nothing waits for your sign-off")));
        CHECK(empty.contains(QLatin1String("Data scientist")));
        // Still listed among all requests, where anyone may read it.
        CHECK(other.page.requestModel()->rowCount() == 1);
    }
    // Neither the submitter nor the run's creator may decide, and the page says why.
    Reviewer rita(f, QStringLiteral("rita"));
    rita.page.showRequest(id);
    CHECK_FALSE(rita.request().decideButton()->isEnabled());
    CHECK(rita.request().eligibilityText().contains(QLatin1String("created the run")));
    Reviewer dan(f, QStringLiteral("dan"));
    dan.page.showRequest(id);
    CHECK_FALSE(dan.request().decideButton()->isEnabled());
    CHECK(dan.request().decideButton()->toolTip().contains(QLatin1String("segregation of duties")));
}

TEST_CASE("The Reviews navigation item counts what waits, and follows decisions and other processes",
          "[reviews][mainwindow]") {
    ReviewFixture f;
    f.submitPromotion();
    QTemporaryDir dir;
    UiSettings settings(dir.filePath(QStringLiteral("gui.conf")));
    std::unique_ptr<WorkspaceSession> session = f.sessionAs(QStringLiteral("olga"));
    MainWindow window(*session, settings);
    auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
    REQUIRE(navigation);
    const auto reviewsItem = [&] {
        const QList<QListWidgetItem*> items =
            navigation->findItems(QStringLiteral("Reviews"), Qt::MatchStartsWith);
        return items.isEmpty() ? QString() : items.first()->text();
    };
    CHECK(reviewsItem() == QLatin1String("Reviews (1)"));

    // Another process opens a periodic review of the production version: olga owns the model.
    f.writeAs(QStringLiteral("vera"), [&](WriteTransaction& tx) {
        PromotionRequests::submitReview(tx, f.modelId, QStringLiteral("Yearly look"));
    });
    REQUIRE(test::waitFor([&] { return reviewsItem() == QLatin1String("Reviews (2)"); }, 5'000));

    const qint64 promotion =
        PromotionRequests(*session->workspace()).inbox(QStringLiteral("olga")).first().id;
    window.showRequest(promotion);
    ReviewsPage& page = *window.reviewsPage();
    CHECK(page.isShowingRequest());
    CHECK(page.requestPage()->requestId() == promotion);
    page.requestPage()->decideButton()->click();
    DecisionDialog* dialog = page.requestPage()->decisionDialog();
    REQUIRE(dialog);
    dialog->setOutcome(Decision::Outcome::Approve);
    dialog->commentEdit()->setPlainText(QStringLiteral("Owner agrees"));
    dialog->okButton()->click();
    CHECK(reviewsItem() == QLatin1String("Reviews (1)"));
}

TEST_CASE("Owner and validator approve through the dialog, a condition becomes a finding, the alias moves",
          "[reviews]") {
    ReviewFixture f;
    const qint64 id = f.submitPromotion();

    Reviewer olga(f, QStringLiteral("olga"));
    Tester decisionTester(olga.request().decisionModel(), fatal);
    Tester signOffTester(olga.request().signOffModel(), fatal);
    Tester gateTester(olga.request().gateModel(), fatal);
    Tester evidenceTester(olga.request().evidenceModel(), fatal);
    decide(olga, id, Decision::Outcome::Approve, QStringLiteral("The retention team needs it"));
    CHECK(olga.page.inboxModel()->rowCount() == 0);
    DecisionModel& decisions = *olga.request().decisionModel();
    REQUIRE(decisions.rowCount() == 1);
    CHECK(cell(decisions, 0, DecisionModel::SignOffColumn) == QLatin1String("Model owner"));
    CHECK(cell(decisions, 0, DecisionModel::SignatureColumn) == QLatin1String("Verified"));
    CHECK(olga.request().statusText().contains(QLatin1String("still needs independent validator")));
    CHECK(olga.request().subtitleText().contains(QLatin1String("revision 2")));

    Reviewer vera(f, QStringLiteral("vera"));
    vera.page.showRequest(id);
    CHECK(vera.request().eligibilityText() ==
          QLatin1String("You can sign this request as Independent validator."));
    const QDate due = QDate(2026, 1, 31);
    decide(
        vera, id, Decision::Outcome::ApproveWithConditions, QStringLiteral("Holds on the back-test"),
        {{QStringLiteral("Configure a drift monitor"), QStringLiteral("dan"), due, QStringLiteral("high")}});

    const QList<Finding> findings = Findings(vera.workspace()).findings(f.modelId);
    REQUIRE(findings.size() == 1);
    CHECK(findings.first().description == QLatin1String("Configure a drift monitor"));
    CHECK(findings.first().owner == QLatin1String("dan"));
    CHECK(findings.first().dueDate == due);
    CHECK(findings.first().severity == QLatin1String("high"));
    CHECK(Registry(vera.workspace()).aliasVersion(f.modelId, QStringLiteral("production")) == 2);
    CHECK(vera.request().request().status == PromotionRequest::Status::Executed);
    CHECK(vera.request().statusText() ==
          QLatin1String("Approved and executed: production now points at v2."));
    CHECK_FALSE(vera.request().decideButton()->isVisible());
    REQUIRE(vera.request().decisionModel()->rowCount() == 2);
    CHECK(cell(*vera.request().decisionModel(), 1, DecisionModel::ConditionsColumn)
              .contains(QLatin1String("Configure a drift monitor (dan, due 2026-01-31, high)")));
    const SignOffModel& signOffs = *vera.request().signOffModel();
    REQUIRE(signOffs.rowCount() == 2);
    CHECK(cell(signOffs, 0, SignOffModel::GivenByColumn) == QLatin1String("olga"));
    CHECK(cell(signOffs, 1, SignOffModel::GivenByColumn) == QLatin1String("vera"));
    // Olga's page followed the commit of another connection once it looked again.
    olga.session->reloadAll();
    CHECK(olga.request().request().status == PromotionRequest::Status::Executed);
}

TEST_CASE("The request page shows gates, sign-offs and the evidence beside the champion", "[reviews]") {
    ReviewFixture f;
    const qint64 id = f.submitPromotion();
    Reviewer vera(f, QStringLiteral("vera"));
    vera.page.showRequest(id);
    RequestPage& page = vera.request();
    CHECK(page.titleText() == QStringLiteral("churn v2 → production"));
    CHECK(page.subtitleText().contains(QLatin1String("Tier 2 (Medium)")));
    CHECK(page.subtitleText().contains(QLatin1String("0 of 2 sign-offs given")));
    CHECK(page.statusText().startsWith(QLatin1String("Awaiting sign-off")));

    const GateModel& gates = *page.gateModel();
    REQUIRE(gates.rowCount() == 4);
    CHECK(gates.index(0, GateModel::StatusColumn).data().toString() == QLatin1String("Passed"));
    // Tier 2 needs a drift monitor, which nothing can configure yet: a failed gate, in red.
    const int evidence = 3;
    CHECK(gates.index(evidence, GateModel::StatusColumn).data().toString() == QLatin1String("Failed"));
    CHECK(gates.index(evidence, GateModel::DetailColumn)
              .data()
              .toString()
              .contains(QLatin1String("drift monitor")));
    CHECK(gates.index(evidence, GateModel::GateColumn).data(Qt::ForegroundRole).value<QColor>() ==
          ReviewStatusStyle::bad());

    const SignOffModel& signOffs = *page.signOffModel();
    REQUIRE(signOffs.rowCount() == 2);
    CHECK(cell(signOffs, 0, SignOffModel::SignOffColumn) == QLatin1String("Model owner"));
    CHECK(cell(signOffs, 0, SignOffModel::GivenByColumn) == QLatin1String("still needed"));

    const EvidenceComparisonModel& comparison = *page.evidenceModel();
    CHECK(comparison.headerData(EvidenceComparisonModel::CandidateColumn, Qt::Horizontal).toString() ==
          QLatin1String("Candidate v2"));
    CHECK(comparison.headerData(EvidenceComparisonModel::ChampionColumn, Qt::Horizontal).toString() ==
          QLatin1String("Champion v1 (production)"));
    // The primary metric comes first, right under its section, and is highlighted.
    CHECK(comparison.rowOf(QStringLiteral("auc (primary)")) == 1);
    CHECK(cell(comparison, 1, EvidenceComparisonModel::CandidateColumn) == QLatin1String("0.83"));
    CHECK(cell(comparison, 1, EvidenceComparisonModel::ChampionColumn) == QLatin1String("0.8"));
    CHECK(cell(comparison, 1, EvidenceComparisonModel::DifferenceColumn) ==
          QLatin1String("+0.03, 0.03 better"));
    CHECK(comparison.index(1, 0).data(Qt::BackgroundRole).isValid());
    const int depth = comparison.rowOf(QStringLiteral("depth"));
    REQUIRE(depth > 0);
    CHECK(cell(comparison, depth, EvidenceComparisonModel::CandidateColumn) == QLatin1String("6"));
    CHECK(cell(comparison, depth, EvidenceComparisonModel::ChampionColumn) == QLatin1String("4"));
    CHECK(cell(comparison, depth, EvidenceComparisonModel::DifferenceColumn) == QLatin1String("differs"));
    const int card = comparison.rowOf(QStringLiteral("Completeness"));
    CHECK(cell(comparison, card, EvidenceComparisonModel::CandidateColumn) == QLatin1String("Complete"));
    CHECK(
        cell(comparison, card, EvidenceComparisonModel::ChampionColumn).contains(QLatin1String("sections")));
    const int file = comparison.rowOf(QStringLiteral("Validation report: validation.html"));
    REQUIRE(file > 0);
    CHECK(cell(comparison, file, EvidenceComparisonModel::CandidateColumn).size() == 12);
    CHECK(page.evidenceChangeText().isEmpty());
}

TEST_CASE("A rejection ends the request", "[reviews]") {
    ReviewFixture f;
    const qint64 id = f.submitPromotion();
    Reviewer vera(f, QStringLiteral("vera"));
    decide(vera, id, Decision::Outcome::Reject, QStringLiteral("The back-test is on the wrong period"));
    CHECK(vera.request().request().status == PromotionRequest::Status::Rejected);
    CHECK(vera.request().statusText() ==
          QLatin1String("Rejected by vera: The back-test is on the wrong period"));
    CHECK(Registry(vera.workspace()).aliasVersion(f.modelId, QStringLiteral("production")) == 1);
    Reviewer olga(f, QStringLiteral("olga"));
    CHECK(olga.page.inboxModel()->rowCount() == 0);
    olga.page.showRequest(id);
    CHECK_FALSE(olga.request().decideButton()->isVisible());

    RequestListModel& all = *olga.page.requestModel();
    Tester tester(&all, fatal);
    CHECK(cell(all, 0, RequestListModel::StatusColumn) == QLatin1String("Rejected"));
    olga.page.statusFilter()->setCurrentIndex(
        olga.page.statusFilter()->findText(QStringLiteral("Awaiting sign-off")));
    CHECK(all.rowCount() == 0);
    olga.page.statusFilter()->setCurrentIndex(olga.page.statusFilter()->findText(QStringLiteral("Rejected")));
    CHECK(all.rowCount() == 1);
}

TEST_CASE("Editing the model card makes a decision stale and puts the request back in the inbox",
          "[reviews]") {
    ReviewFixture f;
    const qint64 id = f.submitPromotion();
    Reviewer olga(f, QStringLiteral("olga"));
    decide(olga, id, Decision::Outcome::Approve, QStringLiteral("Fine by the business"));
    CHECK(olga.page.inboxModel()->rowCount() == 0);

    f.writeAs(QStringLiteral("dan"), [&](WriteTransaction& tx) {
        QMap<QString, QString> fields = ModelCards(tx.workspace()).card(f.candidateVersionId).fields;
        fields.insert(QStringLiteral("caveats"), QStringLiteral("Not for the enterprise segment"));
        ModelCards::save(tx, f.candidateVersionId, fields);
    });
    olga.session->reloadAll();

    const DecisionModel& decisions = *olga.request().decisionModel();
    REQUIRE(decisions.rowCount() == 1);
    CHECK(cell(decisions, 0, DecisionModel::SignatureColumn) == QLatin1String("Stale"));
    CHECK(decisions.index(0, DecisionModel::SignatureColumn)
              .data(Qt::ToolTipRole)
              .toString()
              .contains(QLatin1String("model card")));
    CHECK(olga.request().evidenceChangeText().contains(QLatin1String("model card")));
    const EvidenceComparisonModel& comparison = *olga.request().evidenceModel();
    const int card = comparison.rowOf(QStringLiteral("Completeness"));
    CHECK(comparison.index(card, EvidenceComparisonModel::CandidateColumn)
              .data(EvidenceComparisonModel::ChangedRole)
              .toBool());
    CHECK(cell(*olga.request().signOffModel(), 0, SignOffModel::GivenByColumn) ==
          QLatin1String("still needed"));

    ReviewInboxModel& inbox = *olga.page.inboxModel();
    REQUIRE(inbox.rowCount() == 1);
    CHECK(inbox.requestIdAt(0) == id);
    CHECK(cell(inbox, 0, ReviewInboxModel::StaleColumn) == QLatin1String("Your decision went stale"));
    CHECK(olga.request().decideButton()->isEnabled());
}

TEST_CASE("A decision whose comment was edited in the file shows as Invalid", "[reviews]") {
    ReviewFixture f;
    const qint64 id = f.submitPromotion();
    Reviewer olga(f, QStringLiteral("olga"));
    decide(olga, id, Decision::Outcome::Approve, QStringLiteral("Fine by the business"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        db.setDatabaseName(f.ws.path());
        REQUIRE(db.open());
        QSqlQuery update(db);
        REQUIRE(update.exec(QStringLiteral("UPDATE decisions SET comment = 'Approved without reading'")));
        CHECK(update.numRowsAffected() == 1);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
    olga.session->reloadAll();
    const DecisionModel& decisions = *olga.request().decisionModel();
    REQUIRE(decisions.rowCount() == 1);
    CHECK(cell(decisions, 0, DecisionModel::CommentColumn) == QLatin1String("Approved without reading"));
    CHECK(cell(decisions, 0, DecisionModel::SignatureColumn) == QLatin1String("Invalid"));
    CHECK(decisions.index(0, DecisionModel::SignatureColumn).data(Qt::ForegroundRole).value<QColor>() ==
          ReviewStatusStyle::bad());
    CHECK(decisions.index(0, DecisionModel::SignatureColumn)
              .data(Qt::ToolTipRole)
              .toString()
              .contains(QLatin1String("signature does not match")));
}

TEST_CASE("The decision dialog explains who may not decide and disables what they cannot do", "[reviews]") {
    ReviewFixture f;
    const qint64 id = f.submitPromotion();
    Reviewer dan(f, QStringLiteral("dan"));
    dan.page.showRequest(id);
    DecisionDialog* dialog = dan.request().openDecisionDialog();
    REQUIRE(dialog);
    CHECK_FALSE(dialog->outcomeButton(Decision::Outcome::Approve)->isEnabled());
    CHECK_FALSE(dialog->outcomeButton(Decision::Outcome::Reject)->isEnabled());
    CHECK_FALSE(dialog->okButton()->isEnabled());
    CHECK(dialog->eligibilityLabel()->text().contains(QLatin1String("segregation of duties")));
    dialog->close();

    // A comment is required; conditions are needed, complete, for an approval with conditions.
    Reviewer vera(f, QStringLiteral("vera"));
    vera.page.showRequest(id);
    dialog = vera.request().openDecisionDialog();
    Tester tester(dialog->conditionModel(), fatal);
    CHECK(dialog->eligibilityLabel()->text().contains(QLatin1String("Independent validator")));
    dialog->setOutcome(Decision::Outcome::Approve);
    CHECK_FALSE(dialog->okButton()->isEnabled());
    dialog->commentEdit()->setPlainText(QStringLiteral("ok"));
    CHECK(dialog->okButton()->isEnabled());
    dialog->setOutcome(Decision::Outcome::ApproveWithConditions);
    CHECK_FALSE(dialog->okButton()->isEnabled());
    dialog->addConditionButton()->click();
    CHECK_FALSE(dialog->okButton()->isEnabled());
    ConditionTableModel& conditions = *dialog->conditionModel();
    CHECK(conditions.index(0, ConditionTableModel::OwnerColumn).data().toString() == QLatin1String("dan"));
    conditions.setData(conditions.index(0, ConditionTableModel::DescriptionColumn), QStringLiteral("Fix it"));
    CHECK(dialog->okButton()->isEnabled());
    dialog->removeConditionButton()->setEnabled(true);
    conditions.removeCondition(0);
    CHECK_FALSE(dialog->okButton()->isEnabled());
}

TEST_CASE("A decision made while the request changed is refused and nothing is recorded", "[reviews]") {
    ReviewFixture f;
    const qint64 id = f.submitPromotion();
    Reviewer vera(f, QStringLiteral("vera"));
    vera.page.showRequest(id);
    DecisionDialog* dialog = vera.request().openDecisionDialog();
    // Olga decides in another process while vera's dialog is open.
    Reviewer olga(f, QStringLiteral("olga"));
    decide(olga, id, Decision::Outcome::Approve, QStringLiteral("Owner agrees"));
    dialog->setOutcome(Decision::Outcome::Approve);
    dialog->commentEdit()->setPlainText(QStringLiteral("Validated"));
    dialog->okButton()->click();
    CHECK(dialog->isVisible());
    auto* box = dialog->findChild<QMessageBox*>(QStringLiteral("errorMessage"));
    REQUIRE(box);
    CHECK(box->text().contains(QLatin1String("changed while you were looking at it")));
    const auto request = PromotionRequests(vera.workspace()).request(id);
    CHECK(PromotionRequests(vera.workspace()).decisions(*request).size() == 1);
}

TEST_CASE("An unreachable keychain is explained and records nothing", "[reviews]") {
    ReviewFixture f;
    const qint64 id = f.submitPromotion();
    Reviewer vera(f, QStringLiteral("vera"));
    vera.session->setSecretStore(std::make_unique<UnreachableSecretStore>());
    vera.page.showRequest(id);
    DecisionDialog* dialog = vera.request().openDecisionDialog();
    dialog->setOutcome(Decision::Outcome::Approve);
    dialog->commentEdit()->setPlainText(QStringLiteral("Validated"));
    dialog->okButton()->click();
    auto* box = dialog->findChild<QMessageBox*>(QStringLiteral("errorMessage"));
    REQUIRE(box);
    CHECK(box->text().contains(QLatin1String("Your keychain")));
    CHECK(box->text().contains(QLatin1String("the decision was not recorded")));
    CHECK(box->text().contains(QLatin1String("Secret Service is not running")));
    CHECK(vera.request().decisionModel()->rowCount() == 0);
    CHECK(vera.page.inboxModel()->rowCount() == 1);
}

TEST_CASE("The submitter withdraws an open request — nobody else sees the button", "[reviews]") {
    ReviewFixture f;
    const qint64 id = f.submitPromotion();
    Reviewer vera(f, QStringLiteral("vera"));
    vera.page.showRequest(id);
    CHECK(vera.request().withdrawButton()->isHidden());
    Reviewer dan(f, QStringLiteral("dan"));
    dan.page.showRequest(id);
    CHECK_FALSE(dan.request().withdrawButton()->isHidden());
    REQUIRE(dan.request().withdraw(QStringLiteral("Found a leak in the features")));
    CHECK(dan.request().request().status == PromotionRequest::Status::Withdrawn);
    CHECK(dan.request().withdrawButton()->isHidden());
    CHECK(dan.request().statusText().startsWith(QLatin1String("Withdrawn")));
    vera.session->reloadAll();
    CHECK(vera.page.inboxModel()->rowCount() == 0);
}

TEST_CASE("Request Promotion previews tier, sign-offs and gates, then submits", "[reviews]") {
    ReviewFixture f;
    std::unique_ptr<WorkspaceSession> session = f.sessionAs(QStringLiteral("dan"));
    PromotionRequestDialog dialog(*session, f.modelId, 2);
    Tester tester(dialog.preview()->gateModel(), fatal);
    CHECK(dialog.aliasCombo()->currentText() == QLatin1String("production"));
    CHECK(dialog.preview()->tierText().startsWith(QLatin1String("Tier 2 (Medium)")));
    CHECK(dialog.preview()->signOffText() == QLatin1String("Model owner (olga), Independent validator"));
    REQUIRE(dialog.preview()->gateModel()->rowCount() == 4);
    CHECK(dialog.preview()
              ->gateModel()
              ->index(0, GateModel::DetailColumn)
              .data()
              .toString()
              .contains(QLatin1String("champion v1")));
    dialog.justificationEdit()->setPlainText(QStringLiteral("Better AUC"));
    REQUIRE(dialog.okButton()->isEnabled());
    dialog.okButton()->click();
    REQUIRE(dialog.requestId() != 0);
    const auto request = PromotionRequests(*session->workspace()).request(dialog.requestId());
    REQUIRE(request);
    CHECK(request->title() == QStringLiteral("churn v2 → production"));
    CHECK(request->justification == QLatin1String("Better AUC"));
    CHECK(request->submittedBy == QLatin1String("dan"));

    // A second request for the same alias would be refused: the preview says why first.
    PromotionRequestDialog again(*session, f.modelId, 2);
    CHECK_FALSE(again.okButton()->isEnabled());
    CHECK(again.findChild<QLabel*>(QStringLiteral("previewWarnings"))
              ->text()
              .contains(QStringLiteral("Request #%1 to move churn's production alias is still open")
                            .arg(request->id)));

    // A model without a risk assessment cannot be previewed, and says what to do.
    qint64 fresh = 0;
    f.writeAs(QStringLiteral("tester"), [&](WriteTransaction& tx) {
        fresh = Registry::createModel(tx, QStringLiteral("fraud"));
        Registry::createVersion(tx, fresh, std::nullopt);
    });
    PromotionRequestDialog unassessed(*session, fresh, 1);
    CHECK_FALSE(unassessed.okButton()->isEnabled());
    CHECK(unassessed.findChild<QLabel*>(QStringLiteral("previewWarnings"))
              ->text()
              .contains(QLatin1String("Assess its risk first")));
}

TEST_CASE("A periodic review starts from the Reviews page and opens on the request page", "[reviews]") {
    ReviewFixture f;
    Reviewer olga(f, QStringLiteral("olga"));
    PeriodicReviewDialog* dialog = olga.page.startPeriodicReview();
    REQUIRE(dialog);
    REQUIRE(dialog->modelCombo()->count() == 1);
    CHECK(dialog->modelCombo()->currentText() == QLatin1String("churn (v1 in production)"));
    CHECK(dialog->preview()->signOffText().contains(QLatin1String("Model owner (olga)")));
    // Olga owns churn: a review she opens could never get the owner's sign-off, and she is told.
    CHECK(dialog->findChild<QLabel*>(QStringLiteral("previewWarnings"))
              ->text()
              .contains(QLatin1String("You own churn")));
    // ... and core would refuse it, so the dialog does not offer it.
    CHECK_FALSE(dialog->okButton()->isEnabled());
    dialog->reject();

    Reviewer vera(f, QStringLiteral("vera"));
    PeriodicReviewDialog* byValidator = vera.page.startPeriodicReview();
    REQUIRE(byValidator);
    byValidator->justificationEdit()->setPlainText(QStringLiteral("Annual review"));
    REQUIRE(byValidator->okButton()->isEnabled());
    byValidator->okButton()->click();
    CHECK(vera.page.isShowingRequest());
    CHECK(vera.request().titleText() == QLatin1String("Periodic review of churn v1"));
    CHECK(vera.request().request().kind == PromotionRequest::Kind::Review);
    CHECK(vera.request().evidenceModel()->championVersion() == std::nullopt);
}

TEST_CASE("Risk officers decide pending tier overrides on the Reviews page", "[reviews]") {
    ReviewFixture f;
    f.writeAs(QStringLiteral("rick"), [&](WriteTransaction& tx) {
        const QMap<QString, int> scores = RiskAssessments(tx.workspace()).latest(f.modelId)->scores;
        RiskAssessments::assess(
            tx, f.modelId, scores, QStringLiteral("minimal_risk"), QStringLiteral("Again"),
            RiskAssessments::Override{1, QStringLiteral("Board asked for the highest tier")});
    });
    Reviewer rick(f, QStringLiteral("rick"));
    CHECK_FALSE(rick.page.overridePanel()->isHidden());
    rick.page.overrideView()->selectRow(0);
    rick.page.overrideComment()->setText(QStringLiteral("mine"));
    CHECK_FALSE(rick.page.approveOverrideButton()->isEnabled());
    CHECK(rick.page.waitingCount() == 0);

    Reviewer vera(f, QStringLiteral("vera"));
    CHECK(vera.page.overridePanel()->isHidden());

    Reviewer rose(f, QStringLiteral("rose"));
    Tester tester(rose.page.overrideModel(), fatal);
    REQUIRE(rose.page.overrideModel()->rowCount() == 1);
    CHECK(cell(*rose.page.overrideModel(), 0, TierOverrideModel::TierColumn) ==
          QStringLiteral("Tier 2 → Tier 1"));
    CHECK(rose.page.waitingCount() == 1);
    rose.page.overrideView()->selectRow(0);
    CHECK_FALSE(rose.page.approveOverrideButton()->isEnabled());
    rose.page.overrideComment()->setText(QStringLiteral("Agreed with the board"));
    REQUIRE(rose.page.approveOverrideButton()->isEnabled());
    rose.page.approveOverrideButton()->click();
    const auto latest = RiskAssessments(rose.workspace()).latest(f.modelId);
    CHECK(latest->overrideStatus == RiskAssessment::OverrideStatus::Approved);
    CHECK(latest->effectiveTier() == 1);
    CHECK(rose.page.overrideModel()->rowCount() == 0);
    CHECK(rose.page.overridePanel()->isHidden());
    CHECK(rose.page.waitingCount() == 0);
}

TEST_CASE("Waiting times read as a person says them", "[reviews]") {
    const qint64 t = 1'760'000'000'000;
    CHECK(RelativeTimeFormat::elapsed(t, t + 20'000) == QLatin1String("just now"));
    CHECK(RelativeTimeFormat::elapsed(t, t + 60'000) == QLatin1String("1 minute"));
    CHECK(RelativeTimeFormat::elapsed(t, t + 5 * 3'600'000) == QLatin1String("5 hours"));
    CHECK(RelativeTimeFormat::elapsed(t, t + 3 * 86'400'000LL) == QLatin1String("3 days"));
    CHECK(RelativeTimeFormat::elapsed(t, t + 21 * 86'400'000LL) == QLatin1String("3 weeks"));
    CHECK(RelativeTimeFormat::elapsed(t, t + 400 * 86'400'000LL) == QLatin1String("1 year"));
}

TEST_CASE("A closed request shows the gates and evidence each decision recorded, not today's", "[reviews]") {
    ReviewFixture f;
    const qint64 id = f.submitPromotion();
    Reviewer olga(f, QStringLiteral("olga"));
    decide(olga, id, Decision::Outcome::Approve, QStringLiteral("The retention team needs it"));
    Reviewer vera(f, QStringLiteral("vera"));
    const QString longComment = QStringLiteral("Holds on the back-test. ") +
                                QStringLiteral("The calibration looks sound on every segment. ").repeated(12);
    decide(vera, id, Decision::Outcome::Approve, longComment);
    REQUIRE(vera.request().request().status == PromotionRequest::Status::Executed);
    // Afterwards a critical finding opens: today the findings gate fails, and the candidate is
    // the champion itself.
    f.writeAs(QStringLiteral("rick"), [&](WriteTransaction& tx) {
        Findings::raise(tx, f.modelId, std::nullopt,
                        {QStringLiteral("Leak in a feature"), QStringLiteral("dan"), QDate(2030, 1, 1),
                         QStringLiteral("critical")});
    });
    vera.session->reloadAll();
    vera.page.resize(1024, 700);
    vera.page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&vera.page));
    vera.page.showRequest(id);
    RequestPage& page = vera.request();

    const auto gateStatus = [&](const char* key) {
        const GateModel& gates = *page.gateModel();
        for (int row = 0; row < gates.rowCount(); ++row) {
            if (gates.gates().at(row).key == QLatin1String(key))
                return gates.gates().at(row).status;
        }
        FAIL("no such gate");
        return Gate::Status::NotApplicable;
    };
    CHECK(gateStatus("critical_findings") == Gate::Status::Passed);
    auto* gatesTitle = page.findChild<QLabel*>(QStringLiteral("requestGatesTitle"));
    REQUIRE(gatesTitle);
    CHECK(gatesTitle->text().startsWith(QStringLiteral("Gates as vera saw them when signing")));
    // The champion as it stood when signed: v1 held production then.
    CHECK(page.evidenceModel()
              ->headerData(EvidenceComparisonModel::ChampionColumn, Qt::Horizontal)
              .toString() == QLatin1String("Champion v1 (production)"));
    const int auc = page.evidenceModel()->rowOf(QStringLiteral("auc (primary)"));
    REQUIRE(auc > 0);
    CHECK(cell(*page.evidenceModel(), auc, EvidenceComparisonModel::DifferenceColumn) ==
          QLatin1String("+0.03, 0.03 better"));

    // The Signature column stays in view beside a long comment, at 1024 × 700.
    auto* decisions = page.findChild<QTableView*>(QStringLiteral("requestDecisions"));
    REQUIRE(decisions);
    for (int row = 0; row < 2; ++row) {
        const QRect signature =
            decisions->visualRect(page.decisionModel()->index(row, DecisionModel::SignatureColumn));
        CHECK(decisions->viewport()->rect().contains(signature));
    }

    // A decision row added to the file, with a signature that does not verify, is not what the
    // page shows by default, and says what it is when chosen.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("forger"));
        db.setDatabaseName(f.ws.path());
        REQUIRE(db.open());
        QSqlQuery forge(db);
        REQUIRE(forge.exec(QStringLiteral(
            "INSERT INTO decisions (request_id, sign_off, outcome, comment, evidence_hash, gates, "
            "decided_at, "
            "decided_by, key_id, signature, snapshot) SELECT request_id, sign_off, outcome, 'All clear', "
            "evidence_hash, gates, decided_at + 1, 'mallory', key_id, signature, "
            "replace(snapshot, '\"status\":\"failed\"', '\"status\":\"passed\"') FROM decisions "
            "ORDER BY id DESC LIMIT 1")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("forger"));
    vera.session->reloadAll();
    vera.page.showRequest(id);
    REQUIRE(page.decisionModel()->rowCount() == 3);
    CHECK(gatesTitle->text().startsWith(QStringLiteral("Gates as vera saw them when signing")));
    const QRect forged = decisions->visualRect(page.decisionModel()->index(2, DecisionModel::OutcomeColumn));
    QTest::mouseClick(decisions->viewport(), Qt::LeftButton, {}, forged.center());
    CHECK(gatesTitle->text().contains(QStringLiteral("whose signature does not verify")));

    // A click on olga's decision shows what she saw.
    const QRect olgaRow = decisions->visualRect(page.decisionModel()->index(0, DecisionModel::OutcomeColumn));
    QTest::mouseClick(decisions->viewport(), Qt::LeftButton, {}, olgaRow.center());
    CHECK(gatesTitle->text().startsWith(QStringLiteral("Gates as olga saw them when signing")));
    CHECK(gateStatus("critical_findings") == Gate::Status::Passed);
}
