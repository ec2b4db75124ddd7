#pragma once

#include "core/governance/Decision.h"
#include "core/governance/DecisionEligibility.h"
#include "core/governance/PromotionRequest.h"

#include <QDialog>

class QButtonGroup;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QTableView;

namespace assay {

class ConditionTableModel;
class WorkspaceSession;

// A reviewer's decision on a request: approve, approve with conditions (each with an owner, a
// due date and a severity) or reject, always with a comment. It says which sign-off the user
// gives, or why they cannot decide (segregation of duties, from core's eligibility), and
// signs the decision with PromotionRequests::decide in one write against the revision the user
// looked at. A refusal leaves the dialog open with the reason in a message box.
class DecisionDialog : public QDialog {
    Q_OBJECT

public:
    // request: the request as the page shows it; its revision is what the decision expects. The
    // session must have a workspace open.
    DecisionDialog(WorkspaceSession& session, const PromotionRequest& request, QWidget* parent = nullptr);

    const DecisionEligibility& eligibility() const { return m_eligibility; }
    qint64 decisionId() const { return m_decisionId; }
    void setOutcome(Decision::Outcome outcome);
    std::optional<Decision::Outcome> outcome() const;

    QRadioButton* outcomeButton(Decision::Outcome outcome) const;
    QPlainTextEdit* commentEdit() const { return m_comment; }
    ConditionTableModel* conditionModel() const { return m_conditions; }
    QPushButton* addConditionButton() const { return m_addCondition; }
    QPushButton* removeConditionButton() const { return m_removeCondition; }
    QPushButton* okButton() const;
    QLabel* eligibilityLabel() const { return m_eligibilityLabel; }

    void accept() override;

private:
    QWidget* createOutcomeBox();
    QWidget* createConditionsBox();
    void showEligibility();
    void updateState();
    bool decide();

    WorkspaceSession& m_session;
    PromotionRequest m_request;
    DecisionEligibility m_eligibility;
    QString m_snapshotHash; // of what the reviewer saw when the dialog opened
    qint64 m_decisionId = 0;

    QLabel* m_eligibilityLabel = nullptr;
    QButtonGroup* m_outcomes = nullptr;
    QPlainTextEdit* m_comment = nullptr;
    QWidget* m_conditionsBox = nullptr;
    ConditionTableModel* m_conditions = nullptr;
    QTableView* m_conditionView = nullptr;
    QPushButton* m_addCondition = nullptr;
    QPushButton* m_removeCondition = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace assay
