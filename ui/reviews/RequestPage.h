#pragma once

#include "core/governance/DecisionEligibility.h"
#include "core/governance/PromotionRequest.h"
#include "core/governance/SignOff.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QPushButton;
class QSplitter;
class QStackedLayout;
class QTableView;

namespace assay {

class ChangeSet;
class Workspace;
struct Decision;
class DecisionDialog;
class DecisionModel;
class EvidenceComparisonModel;
class GateModel;
class SignOffModel;
class WorkspaceSession;

// One promotion request or periodic review in full: its title, tier, status and revision; the
// justification; the gates (as they stand now while it is open, as each decision recorded them
// once it is closed); the sign-offs the tier requires and who gave them;
// every decision with its signature status; and the candidate's evidence beside the champion's,
// with what changed since submission. The acting user decides from here (DecisionDialog), and
// the submitter may withdraw an open request. Everything is read again after every commit that
// may change it.
class RequestPage : public QWidget {
    Q_OBJECT

public:
    explicit RequestPage(WorkspaceSession& session, QWidget* parent = nullptr);

    void showRequest(qint64 requestId);
    void clear();
    qint64 requestId() const { return m_request.id; }
    const PromotionRequest& request() const { return m_request; }
    const DecisionEligibility& eligibility() const { return m_eligibility; }

    GateModel* gateModel() const { return m_gates; }
    DecisionModel* decisionModel() const { return m_decisions; }
    SignOffModel* signOffModel() const { return m_signOffs; }
    EvidenceComparisonModel* evidenceModel() const { return m_evidence; }
    QPushButton* decideButton() const { return m_decide; }
    QPushButton* withdrawButton() const { return m_withdraw; }
    QString titleText() const;
    QString subtitleText() const;
    // The banner under the heading: "Approved and executed: production now points at v4."
    QString statusText() const;
    QString eligibilityText() const;
    // "The evidence changed since submission: model card, metrics." or empty.
    QString evidenceChangeText() const;
    // The decision dialog while it is open.
    DecisionDialog* decisionDialog() const;

    // Opens the decision dialog (window-modal, not exec(): the caller goes on).
    DecisionDialog* openDecisionDialog();
    // Withdraws the shown request; false, after saying why, when core refuses.
    bool withdraw(const QString& reason);

signals:
    void backRequested();
    void loadFailed(const QString& message);

private:
    QWidget* createHeader();
    QWidget* createBody();
    void createTableViews();
    QWidget* createEvidenceNotes();
    QSplitter* createSectionSplitter(QWidget* evidenceNotes);
    QSplitter* createPeopleSplitter();
    QTableView* createTable(QAbstractItemModel* model, const QString& objectName);
    void onChanged(const ChangeSet& changes);
    void load();
    void showHeading(const QString& signOffSummary);
    void showStatus(const QList<SignOff>& signOffs);
    void showEligibility();
    // The gates and evidence of an open request as they are now; of a closed one, as the chosen
    // decision's snapshot recorded them when it was signed.
    void showToday(const Workspace& workspace, const QJsonObject& live);
    void showSigned(const Decision& decision);
    void showDecisionSelected();
    void showEvidenceChange(const QStringList& changed, const QString& sentence);
    void fitColumns();
    void askWithdrawReason();

    WorkspaceSession& m_session;
    qint64 m_requestedId = 0;
    PromotionRequest m_request;
    DecisionEligibility m_eligibility;
    qint64 m_shownDecisionId = 0; // the decision whose snapshot a closed request shows
    QString m_primaryMetric;
    bool m_higherIsBetter = true;

    QLabel* m_title = nullptr;
    QLabel* m_subtitle = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_eligibilityLabel = nullptr;
    QLabel* m_justification = nullptr;
    QLabel* m_gatesTitle = nullptr;
    QLabel* m_evidenceTitle = nullptr;
    QLabel* m_evidenceChange = nullptr;
    QLabel* m_championNote = nullptr;
    QPushButton* m_decide = nullptr;
    QPushButton* m_withdraw = nullptr;
    QWidget* m_body = nullptr;
    QStackedLayout* m_stack = nullptr;
    QLabel* m_emptyState = nullptr;
    GateModel* m_gates = nullptr;
    SignOffModel* m_signOffs = nullptr;
    DecisionModel* m_decisions = nullptr;
    EvidenceComparisonModel* m_evidence = nullptr;
    QTableView* m_gateView = nullptr;
    QTableView* m_signOffView = nullptr;
    QTableView* m_decisionView = nullptr;
    QTableView* m_evidenceView = nullptr;
    QPointer<DecisionDialog> m_dialog;
};

} // namespace assay
