#include "DecisionDialog.h"

#include "ConditionDelegate.h"
#include "ConditionTableModel.h"
#include "ReviewStatusStyle.h"
#include "core/base/AssayError.h"
#include "core/governance/PromotionRequests.h"
#include "core/governance/SignOff.h"
#include "core/identity/Identity.h"
#include "core/identity/KeychainUnavailableError.h"
#include "core/registry/Registry.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/ErrorBox.h"
#include "ui/widgets/PaletteTone.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QVBoxLayout>

namespace assay {
namespace {

constexpr int defaultDueDays = 30;

QDate today(const Workspace& workspace) {
    return QDateTime::fromMSecsSinceEpoch(workspace.now()).date();
}

} // namespace

DecisionDialog::DecisionDialog(WorkspaceSession& session, const PromotionRequest& request, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_request(request)
    , m_conditions(new ConditionTableModel(this)) {
    setObjectName(QStringLiteral("decisionDialog"));
    setWindowTitle(tr("Decide on Request #%1").arg(request.id));
    const Workspace& workspace = *m_session.workspace();
    m_eligibility = PromotionRequests(workspace).eligibility(request, workspace.actor());
    m_snapshotHash = PromotionRequests(workspace).snapshot(request).hash(); // what the page shows now

    auto* layout = new QVBoxLayout(this);
    auto* heading = new QLabel(tr("<b>%1</b><br>Tier %2 · revision %3 · submitted by %4")
                                   .arg(request.title().toHtmlEscaped())
                                   .arg(request.tier)
                                   .arg(request.revision)
                                   .arg(request.submittedBy.toHtmlEscaped()));
    heading->setTextFormat(Qt::RichText);
    layout->addWidget(heading);
    m_eligibilityLabel = new QLabel;
    m_eligibilityLabel->setObjectName(QStringLiteral("eligibilityLabel"));
    m_eligibilityLabel->setWordWrap(true);
    layout->addWidget(m_eligibilityLabel);
    layout->addWidget(createOutcomeBox());

    layout->addWidget(new QLabel(tr("Comment (required): what you checked and why you decide so")));
    m_comment = new QPlainTextEdit;
    m_comment->setObjectName(QStringLiteral("decisionComment"));
    m_comment->setPlaceholderText(
        tr("e.g. Validation report reviewed; back-test on Q3 holds within tolerance."));
    m_comment->setTabChangesFocus(true);
    m_comment->setMinimumHeight(70);
    layout->addWidget(m_comment, 1);
    layout->addWidget(createConditionsBox(), 2);
    auto* signing =
        new QLabel(tr("Signing uses your key in the OS keychain. The signature covers the outcome, "
                      "the comment, the conditions and the evidence as it is now: if the evidence "
                      "changes later, the decision shows as stale."));
    signing->setWordWrap(true);
    signing->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(signing);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    okButton()->setText(tr("Sign Decision"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &DecisionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &DecisionDialog::reject);
    layout->addWidget(m_buttons);

    m_conditions->setDefaults(request.submittedBy, today(workspace).addDays(defaultDueDays));
    connect(m_comment, &QPlainTextEdit::textChanged, this, &DecisionDialog::updateState);
    connect(m_conditions, &QAbstractItemModel::dataChanged, this, &DecisionDialog::updateState);
    connect(m_conditions, &QAbstractItemModel::rowsInserted, this, &DecisionDialog::updateState);
    connect(m_conditions, &QAbstractItemModel::rowsRemoved, this, &DecisionDialog::updateState);
    showEligibility();
    updateState();
    resize(680, 600);
}

QWidget* DecisionDialog::createOutcomeBox() {
    auto* box = new QGroupBox(tr("Outcome"));
    auto* layout = new QVBoxLayout(box);
    m_outcomes = new QButtonGroup(this);
    const QList<std::pair<Decision::Outcome, QString>> outcomes{
        {Decision::Outcome::Approve, tr("&Approve")},
        {Decision::Outcome::ApproveWithConditions, tr("Approve with &conditions (each becomes a finding)")},
        {Decision::Outcome::Reject, tr("&Reject (ends the request)")}};
    for (const auto& [outcome, label] : outcomes) {
        auto* button = new QRadioButton(label);
        button->setObjectName(QStringLiteral("outcome_") + Decision::outcomeName(outcome));
        m_outcomes->addButton(button, static_cast<int>(outcome));
        layout->addWidget(button);
    }
    outcomeButton(Decision::Outcome::Approve)->setEnabled(m_eligibility.canApprove);
    outcomeButton(Decision::Outcome::ApproveWithConditions)->setEnabled(m_eligibility.canApprove);
    outcomeButton(Decision::Outcome::Reject)->setEnabled(m_eligibility.canReject);
    connect(m_outcomes, &QButtonGroup::idToggled, this, &DecisionDialog::updateState);
    return box;
}

QWidget* DecisionDialog::createConditionsBox() {
    auto* box = new QGroupBox(tr("Conditions"));
    m_conditionsBox = box;
    auto* layout = new QVBoxLayout(box);
    m_conditionView = new QTableView;
    m_conditionView->setObjectName(QStringLiteral("conditionTable"));
    m_conditionView->setModel(m_conditions);
    const Workspace& workspace = *m_session.workspace();
    m_conditionView->setItemDelegate(
        new ConditionDelegate(Identity(workspace).users(), today(workspace), m_conditionView));
    m_conditionView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_conditionView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_conditionView->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_conditionView->verticalHeader()->hide();
    m_conditionView->horizontalHeader()->setSectionResizeMode(ConditionTableModel::DescriptionColumn,
                                                              QHeaderView::Stretch);
    m_conditionView->setColumnWidth(ConditionTableModel::OwnerColumn, 130);
    m_conditionView->setColumnWidth(ConditionTableModel::DueDateColumn, 110);
    layout->addWidget(m_conditionView);
    auto* buttons = new QHBoxLayout;
    m_addCondition = new QPushButton(tr("Add Condition"));
    m_addCondition->setObjectName(QStringLiteral("addConditionButton"));
    m_removeCondition = new QPushButton(tr("Remove"));
    m_removeCondition->setObjectName(QStringLiteral("removeConditionButton"));
    buttons->addWidget(m_addCondition);
    buttons->addWidget(m_removeCondition);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(m_addCondition, &QPushButton::clicked, this, [this] {
        const int row = m_conditions->addCondition();
        // The view edits the current cell (AllEditTriggers): typing starts at once.
        m_conditionView->setCurrentIndex(m_conditions->index(row, ConditionTableModel::DescriptionColumn));
    });
    connect(m_removeCondition, &QPushButton::clicked, this,
            [this] { m_conditions->removeCondition(m_conditionView->currentIndex().row()); });
    connect(m_conditionView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DecisionDialog::updateState);
    return box;
}

void DecisionDialog::showEligibility() {
    QString text;
    if (m_eligibility.canApprove)
        text = tr("You sign as <b>%1</b>.").arg(SignOff::labelOf(m_eligibility.signOff).toHtmlEscaped());
    else if (m_eligibility.canReject)
        text = tr("You may reject, not approve: %1").arg(m_eligibility.reason.toHtmlEscaped());
    else
        text = tr("You cannot decide this request: %1").arg(m_eligibility.reason.toHtmlEscaped());
    const QColor color = m_eligibility.canApprove ? palette().color(QPalette::WindowText)
                                                  : PaletteTone::asText(ReviewStatusStyle::bad(), palette());
    m_eligibilityLabel->setText(QStringLiteral("<span style=\"color:%1\">%2</span>").arg(color.name(), text));
}

QRadioButton* DecisionDialog::outcomeButton(Decision::Outcome outcome) const {
    return static_cast<QRadioButton*>(m_outcomes->button(static_cast<int>(outcome)));
}

QPushButton* DecisionDialog::okButton() const {
    return m_buttons->button(QDialogButtonBox::Ok);
}

void DecisionDialog::setOutcome(Decision::Outcome outcome) {
    outcomeButton(outcome)->setChecked(true);
}

std::optional<Decision::Outcome> DecisionDialog::outcome() const {
    const int id = m_outcomes->checkedId();
    return id < 0 ? std::nullopt : std::optional<Decision::Outcome>(static_cast<Decision::Outcome>(id));
}

void DecisionDialog::updateState() {
    if (!m_buttons)
        return;
    const bool withConditions = outcome() == Decision::Outcome::ApproveWithConditions;
    m_conditionsBox->setEnabled(withConditions);
    m_removeCondition->setEnabled(withConditions && m_conditionView->currentIndex().isValid());
    const bool conditionsReady =
        !withConditions || (m_conditions->rowCount() > 0 && m_conditions->isComplete());
    okButton()->setEnabled(outcome().has_value() && !m_comment->toPlainText().trimmed().isEmpty() &&
                           conditionsReady);
}

void DecisionDialog::accept() {
    if (decide())
        QDialog::accept();
}

bool DecisionDialog::decide() {
    if (!m_session.workspace() || !outcome())
        return false;
    PromotionRequests::DecisionInput input;
    input.outcome = *outcome();
    input.comment = m_comment->toPlainText();
    if (input.outcome == Decision::Outcome::ApproveWithConditions)
        input.conditions = m_conditions->conditions();
    input.signOff = input.outcome == Decision::Outcome::Reject ? QString() : m_eligibility.signOff;
    input.expectedRevision = m_request.revision;
    input.expectedSnapshotHash = m_snapshotHash;
    try {
        m_session.workspace()->write([&](WriteTransaction& tx) {
            m_decisionId = PromotionRequests::decide(tx, m_session.secretStore(), m_request.id, input);
        });
    } catch (const KeychainUnavailableError& error) {
        ErrorBox::show(this, tr("Cannot sign the decision"),
                       tr("Your keychain, where your signing key is kept, could not be reached; the "
                          "decision was not recorded.\n\nUnlock or start the keychain and try again.\n\n%1")
                           .arg(error.message()));
        return false;
    } catch (const AssayError& error) {
        ErrorBox::show(this, tr("Cannot record the decision"), error.message());
        return false;
    }
    return true;
}

} // namespace assay
