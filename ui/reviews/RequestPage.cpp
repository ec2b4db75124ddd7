#include "RequestPage.h"

#include "DecisionDialog.h"
#include "DecisionModel.h"
#include "EvidenceComparisonModel.h"
#include "GateModel.h"
#include "ReviewInboxModel.h"
#include "ReviewStatusStyle.h"
#include "SignOffModel.h"
#include "SignatureBadgeDelegate.h"
#include "core/base/AssayError.h"
#include "core/governance/DecisionSnapshot.h"
#include "core/governance/EvidenceBundle.h"
#include "core/governance/Policies.h"
#include "core/governance/PromotionGates.h"
#include "core/governance/PromotionRequests.h"
#include "core/governance/ReviewSchedule.h"
#include "core/registry/Registry.h"
#include "core/workspace/ChangeSet.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/ErrorBox.h"
#include "ui/widgets/PageTitleLabel.h"
#include "ui/widgets/ReadOnlyTableView.h"
#include "ui/widgets/RelativeTimeFormat.h"
#include "ui/widgets/RunValueFormat.h"
#include "ui/widgets/SectionLabel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedLayout>
#include <QTableView>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

#include <algorithm>

namespace assay {
namespace {

QWidget* section(QLabel* title, QWidget* content, QWidget* note = nullptr) {
    auto* widget = new QWidget;
    auto* layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(title);
    if (note)
        layout->addWidget(note);
    layout->addWidget(content, 1);
    return widget;
}

QString coloured(const QColor& color, const QString& html) {
    return QStringLiteral("<span style=\"color:%1\">%2</span>").arg(color.name(), html);
}

} // namespace

RequestPage::RequestPage(WorkspaceSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_gates(new GateModel(this))
    , m_signOffs(new SignOffModel(this))
    , m_decisions(new DecisionModel(this))
    , m_evidence(new EvidenceComparisonModel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createHeader());
    m_body = createBody();
    m_emptyState = new QLabel(tr("No request is shown.\nOpen one from the Reviews page."));
    m_emptyState->setObjectName(QStringLiteral("requestPageEmptyState"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setForegroundRole(QPalette::PlaceholderText);
    auto* stack = new QWidget;
    m_stack = new QStackedLayout(stack);
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(m_body);
    layout->addWidget(stack, 1);

    connect(&m_session, &WorkspaceSession::workspaceChanged, this, &RequestPage::clear);
    connect(&m_session, &WorkspaceSession::changed, this, &RequestPage::onChanged);
    clear();
}

QWidget* RequestPage::createHeader() {
    auto* header = new QWidget;
    auto* layout = new QVBoxLayout(header);
    layout->setContentsMargins(12, 8, 12, 4);
    layout->setSpacing(3);

    auto* top = new QHBoxLayout;
    auto* back = new QPushButton(tr("‹ Reviews"));
    back->setObjectName(QStringLiteral("backToReviewsButton"));
    back->setFlat(true);
    back->setToolTip(tr("Back to the inbox and the list of requests"));
    connect(back, &QPushButton::clicked, this, &RequestPage::backRequested);
    m_title = new PageTitleLabel(QStringLiteral("requestTitle"), 1.25);
    m_decide = new QPushButton(tr("Decide…"));
    m_decide->setObjectName(QStringLiteral("decideButton"));
    m_decide->setDefault(true);
    connect(m_decide, &QPushButton::clicked, this, &RequestPage::openDecisionDialog);
    m_withdraw = new QPushButton(tr("Withdraw…"));
    m_withdraw->setObjectName(QStringLiteral("withdrawButton"));
    connect(m_withdraw, &QPushButton::clicked, this, &RequestPage::askWithdrawReason);
    top->addWidget(back);
    top->addWidget(m_title, 1);
    top->addWidget(m_withdraw);
    top->addWidget(m_decide);
    layout->addLayout(top);

    const auto addLabel = [layout](const QString& name) {
        auto* label = new QLabel;
        label->setObjectName(name);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(label);
        return label;
    };
    m_subtitle = addLabel(QStringLiteral("requestSubtitle"));
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_status = addLabel(QStringLiteral("requestStatus"));
    m_status->setTextFormat(Qt::RichText);
    m_eligibilityLabel = addLabel(QStringLiteral("requestEligibility"));
    m_eligibilityLabel->setTextFormat(Qt::RichText);
    m_justification = addLabel(QStringLiteral("requestJustification"));
    m_justification->setTextFormat(Qt::RichText);
    return header;
}

QTableView* RequestPage::createTable(QAbstractItemModel* model, const QString& objectName) {
    auto* view = new ReadOnlyTableView(model, objectName);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    return view;
}

QWidget* RequestPage::createBody() {
    createTableViews();
    QWidget* notes = createEvidenceNotes();
    QSplitter* splitter = createSectionSplitter(notes);

    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(12, 0, 12, 10);
    layout->addWidget(splitter);
    return body;
}

void RequestPage::createTableViews() {
    m_gateView = createTable(m_gates, QStringLiteral("requestGates"));
    // Every gate in sight without scrolling: a failed one must not hide below the fold.
    m_gateView->setFixedHeight(m_gateView->horizontalHeader()->sizeHint().height() +
                               4 * m_gateView->verticalHeader()->defaultSectionSize() + 4);
    m_gateView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_signOffView = createTable(m_signOffs, QStringLiteral("requestSignOffs"));
    m_decisionView = createTable(m_decisions, QStringLiteral("requestDecisions"));
    m_decisionView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_decisionView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_decisionView->setTextElideMode(Qt::ElideRight);
    m_decisionView->setWordWrap(false);
    m_decisionView->setItemDelegateForColumn(DecisionModel::SignatureColumn,
                                             new SignatureBadgeDelegate(m_decisionView));
    m_decisionView->horizontalHeader()->setStretchLastSection(false);
    m_decisionView->horizontalHeader()->setSectionResizeMode(DecisionModel::CommentColumn,
                                                             QHeaderView::Stretch);
    m_evidenceView = createTable(m_evidence, QStringLiteral("requestEvidence"));
    m_evidenceView->setAlternatingRowColors(false);
    // Values stay next to their labels; a stretched last column would push numbers far right.
    m_evidenceView->horizontalHeader()->setStretchLastSection(false);
    m_evidenceView->horizontalHeader()->setMinimumSectionSize(110);
}

QWidget* RequestPage::createEvidenceNotes() {
    m_evidenceChange = new QLabel;
    m_evidenceChange->setObjectName(QStringLiteral("evidenceChange"));
    m_evidenceChange->setWordWrap(true);
    m_evidenceChange->setTextFormat(Qt::RichText);
    m_championNote = new QLabel;
    m_championNote->setObjectName(QStringLiteral("championNote"));
    m_championNote->setForegroundRole(QPalette::PlaceholderText);
    auto* notes = new QWidget;
    auto* notesLayout = new QVBoxLayout(notes);
    notesLayout->setContentsMargins(0, 0, 0, 0);
    notesLayout->setSpacing(0);
    notesLayout->addWidget(m_championNote);
    notesLayout->addWidget(m_evidenceChange);
    return notes;
}

// Gates get the full width, for their details; sign-offs are short and sit beside decisions.
QSplitter* RequestPage::createSectionSplitter(QWidget* evidenceNotes) {
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("requestSplitter"));
    splitter->setChildrenCollapsible(false);
    QSplitter* people = createPeopleSplitter();
    m_gatesTitle = SectionLabel::create(tr("Gates"), QMargins(0, 6, 0, 2));
    m_gatesTitle->setObjectName(QStringLiteral("requestGatesTitle"));
    splitter->addWidget(section(m_gatesTitle, m_gateView));
    splitter->addWidget(people);
    m_evidenceTitle = SectionLabel::create(tr("Evidence beside the champion"), QMargins(0, 6, 0, 2));
    m_evidenceTitle->setObjectName(QStringLiteral("requestEvidenceTitle"));
    connect(m_decisionView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RequestPage::showDecisionSelected);
    splitter->addWidget(section(m_evidenceTitle, m_evidenceView, evidenceNotes));
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 2);
    return splitter;
}

QSplitter* RequestPage::createPeopleSplitter() {
    auto* people = new QSplitter(Qt::Horizontal);
    people->setChildrenCollapsible(false);
    people->addWidget(section(SectionLabel::create(tr("Sign-offs"), QMargins(0, 6, 0, 2)), m_signOffView));
    people->addWidget(section(SectionLabel::create(tr("Decisions"), QMargins(0, 6, 0, 2)), m_decisionView));
    people->setStretchFactor(0, 1);
    people->setStretchFactor(1, 2);
    people->setSizes({440, 760});
    return people;
}

void RequestPage::clear() {
    // A dialog on a request of another workspace (or none) must not sign anything.
    if (m_dialog)
        m_dialog->close();
    m_requestedId = 0;
    m_request = PromotionRequest();
    m_request.id = 0;
    m_shownDecisionId = 0;
    m_eligibility = DecisionEligibility();
    m_title->setText(tr("Request"));
    for (QLabel* label :
         {m_subtitle, m_status, m_eligibilityLabel, m_justification, m_evidenceChange, m_championNote})
        label->clear();
    m_gates->setGates({});
    m_signOffs->setSignOffs({});
    m_decisions->setDecisions({});
    m_evidence->clear();
    m_decide->hide();
    m_withdraw->hide();
    m_stack->setCurrentWidget(m_emptyState);
}

void RequestPage::showRequest(qint64 requestId) {
    m_requestedId = requestId;
    load();
}

void RequestPage::onChanged(const ChangeSet& changes) {
    if (m_requestedId != 0 &&
        (ReviewInboxModel::isAffectedBy(changes) || changes.touches(EntityKind::Finding)))
        load();
}

void RequestPage::load() {
    const Workspace* workspace = m_session.workspace();
    if (!workspace || m_requestedId == 0)
        return clear();
    try {
        const PromotionRequests requests(*workspace);
        const std::optional<PromotionRequest> found = requests.request(m_requestedId);
        if (!found)
            return clear();
        if (found->id != m_request.id)
            m_shownDecisionId = 0;
        m_request = *found;
        const QJsonObject live = requests.liveEvidence(m_request);
        const QList<SignOff> signOffs = requests.signOffs(m_request);
        const QList<Decision> decisions = requests.decisions(m_request);
        const std::optional<RegisteredModel> model = Registry(*workspace).model(m_request.modelId);
        m_primaryMetric = model ? model->primaryMetric : QString();
        m_higherIsBetter = model ? model->higherIsBetter : true;
        m_eligibility = requests.eligibility(m_request, workspace->actor());
        m_signOffs->setSignOffs(signOffs, m_request.isOpen());
        m_decisions->setDecisions(decisions);

        const qsizetype given =
            std::count_if(signOffs.cbegin(), signOffs.cend(), [](const SignOff& s) { return s.isGiven(); });
        showHeading(tr("%1 of %2 sign-offs given").arg(given).arg(signOffs.size()));
        showStatus(signOffs);
        showEligibility();
        // An open request is decided on the data as it is now; a closed one shows what its
        // reviewers signed, as they saw it then.
        if (m_request.isOpen() || decisions.isEmpty()) {
            showToday(*workspace, live);
        } else {
            // The decision chosen before; else the latest whose signature holds: a row added to the
            // file with a signature that does not verify is nobody's view of the request.
            const Decision* chosen = nullptr;
            for (const Decision& d : decisions)
                chosen = d.id == m_shownDecisionId ? &d : chosen;
            for (auto it = decisions.crbegin(); !chosen && it != decisions.crend(); ++it)
                chosen = it->status != Decision::Status::Invalid ? &*it : nullptr;
            showSigned(chosen ? *chosen : decisions.last());
        }
        m_stack->setCurrentWidget(m_body);
    } catch (const AssayError& error) {
        emit loadFailed(error.message());
    }
}

void RequestPage::showToday(const Workspace& workspace, const QJsonObject& live) {
    m_shownDecisionId = 0;
    m_decisionView->clearSelection();
    m_gates->setGates(PromotionGates::compute(workspace, m_request));
    m_evidence->setComparison(workspace, m_request, live);
    m_gatesTitle->setText(m_request.isOpen() ? tr("Gates, computed now")
                                             : tr("Gates as they stand today (no decision recorded them)"));
    showEvidenceChange(EvidenceBundle::changedParts(m_request.evidence, live),
                       tr("● The evidence changed since submission: %1. Decisions signed before the change "
                          "are stale."));
    m_championNote->setText(
        m_request.kind == PromotionRequest::Kind::Review
            ? tr("A periodic review looks at the version in production itself; there is no champion to "
                 "compare with.")
        : m_evidence->championVersion()
            ? tr("v%1 holds %2 today.").arg(*m_evidence->championVersion()).arg(m_request.alias)
            : tr("Nothing holds %1 today: the candidate has no champion to beat.").arg(m_request.alias));
    m_evidenceTitle->setText(m_request.kind == PromotionRequest::Kind::Review
                                 ? tr("Evidence, as it is now")
                                 : tr("Evidence beside the champion, as it is now"));
    fitColumns();
}

void RequestPage::showSigned(const Decision& decision) {
    m_shownDecisionId = decision.id;
    const QList<Decision>& decisions = m_decisions->decisions();
    const auto shown = std::find_if(decisions.cbegin(), decisions.cend(),
                                    [&decision](const Decision& d) { return d.id == decision.id; });
    const int row = shown == decisions.cend() ? -1 : static_cast<int>(shown - decisions.cbegin());
    if (row >= 0 && m_decisionView->selectionModel()->selectedRows().value(0).row() != row)
        m_decisionView->selectRow(row);
    m_gates->setGates(PromotionGates::recorded(decision));
    DecisionSnapshot snapshot;
    // Before snapshots only the request's evidence was kept: it is what this decision signed only
    // when its hash is the one signed.
    const bool submittedWasSigned = EvidenceBundle::hash(m_request.evidence) == decision.evidenceHash;
    if (decision.snapshot)
        snapshot = *decision.snapshot;
    else if (submittedWasSigned)
        snapshot.evidence = m_request.evidence;
    m_evidence->setSnapshot(m_request, snapshot, m_primaryMetric, m_higherIsBetter);
    const QString when = RunValueFormat::dateTime(decision.decidedAt);
    const bool invalid = decision.status == Decision::Status::Invalid;
    m_gatesTitle->setText(
        invalid ? tr("Gates recorded with %1's decision of %2, whose signature does not verify: "
                     "not what anyone signed")
                      .arg(decision.decidedBy, when)
                : tr("Gates as %1 saw them when signing, %2").arg(decision.decidedBy, when));
    m_gatesTitle->setToolTip(
        tr("Recorded and signed with decision %1; select another decision to see what its "
           "reviewer saw.")
            .arg(decision.id));
    showEvidenceChange(EvidenceBundle::changedParts(m_request.evidence, snapshot.evidence),
                       tr("● The evidence changed between submission and this decision: %1."));
    if (!decision.snapshot)
        m_championNote->setText(
            submittedWasSigned ? tr("Decisions signed before Assay kept snapshots recorded no champion; "
                                    "the evidence shown is as submitted, which is what this one signed.")
                               : tr("Decisions signed before Assay kept snapshots recorded no champion, and "
                                    "the evidence this one signed differs from the submission's and was not "
                                    "kept."));
    else if (m_request.kind == PromotionRequest::Kind::Review)
        m_championNote->setText(tr("A periodic review looks at the version in production itself."));
    else
        m_championNote->setText(
            snapshot.championVersion
                ? tr("v%1 held %2 when %3 signed.")
                      .arg(*snapshot.championVersion)
                      .arg(m_request.alias, decision.decidedBy)
                : tr("Nothing held %1 when %2 signed.").arg(m_request.alias, decision.decidedBy));
    m_evidenceTitle->setText(invalid ? tr("Evidence recorded with a decision whose signature does not verify")
                             : snapshot.championVersion
                                 ? tr("Evidence as %1 signed it, beside the champion").arg(decision.decidedBy)
                                 : tr("Evidence as %1 signed it").arg(decision.decidedBy));
    fitColumns();
}

void RequestPage::showDecisionSelected() {
    if (m_request.isOpen())
        return;
    const QModelIndexList rows = m_decisionView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QList<Decision>& decisions = m_decisions->decisions();
    const int row = rows.first().row();
    if (row < decisions.size() && decisions.at(row).id != m_shownDecisionId)
        showSigned(decisions.at(row));
}

void RequestPage::showEvidenceChange(const QStringList& changed, const QString& sentence) {
    m_evidenceChange->setText(
        changed.isEmpty() ? QString()
                          : coloured(ReviewStatusStyle::warning(),
                                     sentence.arg(changed.join(QStringLiteral(", ")).toHtmlEscaped())));
    m_evidenceChange->setVisible(!changed.isEmpty());
}

void RequestPage::fitColumns() {
    const bool champion = m_evidence->championVersion().has_value();
    m_evidenceView->setColumnHidden(EvidenceComparisonModel::ChampionColumn, !champion);
    m_evidenceView->setColumnHidden(EvidenceComparisonModel::DifferenceColumn, !champion);
    for (QTableView* view : {m_gateView, m_signOffView, m_decisionView, m_evidenceView})
        view->resizeColumnsToContents();
    // Conditions and comments are free text: they elide, with the whole text as a tooltip, so
    // that the signature's status never scrolls out of view.
    m_decisionView->setColumnWidth(
        DecisionModel::ConditionsColumn,
        std::min(m_decisionView->columnWidth(DecisionModel::ConditionsColumn), 220));
    m_decisionView->horizontalHeader()->setSectionResizeMode(DecisionModel::CommentColumn,
                                                             QHeaderView::Stretch);
}

void RequestPage::showHeading(const QString& signOffSummary) {
    const TierRequirements requirements =
        Policies(*m_session.workspace()).policy(m_request.policyVersion).requirements(m_request.tier);
    m_title->setText(m_request.title());
    m_subtitle->setText(
        // The status itself is the coloured line below.
        tr("Request #%1 · Tier %2 (%3) · %4 · revision %5 · submitted by %6, %7 ago")
            .arg(m_request.id)
            .arg(m_request.tier)
            .arg(requirements.label, signOffSummary)
            .arg(m_request.revision)
            .arg(m_request.submittedBy,
                 RelativeTimeFormat::elapsed(m_request.submittedAt, m_session.workspace()->now())));
    m_subtitle->setToolTip(tr("Submitted %1 under policy version %2; evidence hash %3")
                               .arg(RunValueFormat::dateTimeLong(m_request.submittedAt))
                               .arg(m_request.policyVersion)
                               .arg(m_request.evidenceHash));
    m_justification->setText(
        m_request.justification.isEmpty()
            ? tr("<i>No justification was given.</i>")
            : tr("<b>Justification:</b> %1").arg(m_request.justification.toHtmlEscaped()));
}

void RequestPage::showStatus(const QList<SignOff>& signOffs) {
    const Workspace& workspace = *m_session.workspace();
    const QColor color = ReviewStatusStyle::requestColor(m_request.status);
    QString text;
    switch (m_request.status) {
    case PromotionRequest::Status::Open: {
        QStringList needed;
        for (const SignOff& signOff : signOffs) {
            if (!signOff.isGiven())
                needed << signOff.label.toLower();
        }
        text = tr("Awaiting sign-off: still needs %1.").arg(needed.join(QStringLiteral(", ")));
        break;
    }
    case PromotionRequest::Status::Executed:
        if (m_request.kind == PromotionRequest::Kind::Review) {
            const std::optional<ReviewDate> next = ReviewSchedule(workspace).next(m_request.modelId);
            text = next ? tr("Review completed: next review due %1.")
                              .arg(RunValueFormat::dateTime(next->nextReviewAt).left(10))
                        : tr("Review completed.");
        } else {
            const std::optional<int> holder =
                Registry(workspace).aliasVersion(m_request.modelId, m_request.alias);
            text = holder == m_request.version
                       ? tr("Approved and executed: %1 now points at v%2.")
                             .arg(m_request.alias)
                             .arg(m_request.version)
                       : tr("Approved and executed on %1: %2 pointed at v%3 (it has moved since).")
                             .arg(RunValueFormat::dateTime(m_request.closedAt), m_request.alias)
                             .arg(m_request.version);
        }
        break;
    case PromotionRequest::Status::Rejected: {
        const QList<Decision>& decisions = m_decisions->decisions();
        const auto rejection = std::find_if(decisions.crbegin(), decisions.crend(), [](const Decision& d) {
            return d.outcome == Decision::Outcome::Reject;
        });
        text = rejection == decisions.crend()
                   ? tr("Rejected.")
                   : tr("Rejected by %1: %2").arg(rejection->decidedBy, rejection->comment);
        break;
    }
    case PromotionRequest::Status::Withdrawn:
        text = tr("Withdrawn on %1.").arg(RunValueFormat::dateTime(m_request.closedAt));
        break;
    }
    m_status->setText(coloured(color, QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped())));
}

void RequestPage::showEligibility() {
    const Workspace& workspace = *m_session.workspace();
    const bool open = m_request.isOpen();
    const bool canDecide = m_eligibility.canApprove || m_eligibility.canReject;
    m_decide->setVisible(open);
    m_decide->setEnabled(canDecide);
    m_decide->setToolTip(canDecide ? QString() : m_eligibility.reason);
    m_withdraw->setVisible(open && m_request.submittedBy == workspace.actor());
    if (!open) {
        m_eligibilityLabel->clear();
        m_eligibilityLabel->hide();
        return;
    }
    m_eligibilityLabel->show();
    if (m_eligibility.canApprove)
        m_eligibilityLabel->setText(tr("You can sign this request as <b>%1</b>.")
                                        .arg(SignOff::labelOf(m_eligibility.signOff).toHtmlEscaped()));
    else
        m_eligibilityLabel->setText(
            coloured(ReviewStatusStyle::neutral(), m_eligibility.reason.toHtmlEscaped()));
}

DecisionDialog* RequestPage::openDecisionDialog() {
    if (!m_session.workspace() || m_request.id == 0)
        return nullptr;
    if (m_dialog)
        m_dialog->close();
    m_dialog = new DecisionDialog(m_session, m_request, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->open();
    return m_dialog;
}

void RequestPage::askWithdrawReason() {
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("withdrawReasonDialog"));
    dialog->setWindowTitle(tr("Withdraw Request #%1").arg(m_request.id));
    dialog->setLabelText(tr("Why withdraw %1? The reason goes into the audit log.").arg(m_request.title()));
    dialog->setOkButtonText(tr("Withdraw"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this, &RequestPage::withdraw);
    dialog->open();
}

bool RequestPage::withdraw(const QString& reason) {
    if (!m_session.workspace() || m_request.id == 0)
        return false;
    const qint64 id = m_request.id;
    try {
        m_session.workspace()->write(
            [&](WriteTransaction& tx) { PromotionRequests::withdraw(tx, id, reason); });
    } catch (const AssayError& error) {
        ErrorBox::show(this, tr("Cannot withdraw the request"), error.message());
        return false;
    }
    return true;
}

DecisionDialog* RequestPage::decisionDialog() const {
    return m_dialog;
}

QString RequestPage::titleText() const {
    return m_title->text();
}

QString RequestPage::subtitleText() const {
    return m_subtitle->text();
}

QString RequestPage::statusText() const {
    return QTextDocumentFragment::fromHtml(m_status->text()).toPlainText();
}

QString RequestPage::eligibilityText() const {
    return QTextDocumentFragment::fromHtml(m_eligibilityLabel->text()).toPlainText();
}

QString RequestPage::evidenceChangeText() const {
    return QTextDocumentFragment::fromHtml(m_evidenceChange->text()).toPlainText();
}

} // namespace assay
