#include "ReviewsPage.h"

#include "PeriodicReviewDialog.h"
#include "RequestListModel.h"
#include "RequestPage.h"
#include "ReviewInboxModel.h"
#include "TierOverrideModel.h"
#include "core/base/AssayError.h"
#include "core/governance/RiskAssessments.h"
#include "core/identity/Identity.h"
#include "core/workspace/ChangeSet.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/ErrorBox.h"
#include "ui/widgets/PageTitleLabel.h"
#include "ui/widgets/ReadOnlyTableView.h"
#include "ui/widgets/SectionLabel.h"
#include "ui/widgets/SelectionKeeper.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace assay {
namespace {

QString roleList(const QList<Role>& roles) {
    QStringList labels;
    for (Role role : roles)
        labels << roleLabel(role);
    return labels.join(QStringLiteral(", "));
}

// Why the inbox is empty, in terms of who the user is, so that a missing role is seen at once.
QString emptyInboxReason(const QString& actor, const std::optional<User>& user) {
    if (!user)
        return ReviewsPage::tr("%1 is not a user of this workspace; an admin can add them and grant a "
                               "reviewer's role.")
            .arg(actor);
    if (user->roles.isEmpty())
        return ReviewsPage::tr("%1 holds no role here; an admin can grant Validator or Risk officer.")
            .arg(actor);
    QString text = (user->roles.size() == 1 ? ReviewsPage::tr("You are %1, with the role %2.")
                                            : ReviewsPage::tr("You are %1, with the roles %2."))
                       .arg(actor, roleList(user->roles));
    text += QLatin1Char(' ') + ReviewsPage::tr("A request appears here when it needs a sign-off you may give "
                                               "and segregation of duties lets you give it.");
    if (user->has(Role::DataScientist))
        text += QLatin1Char(' ') + ReviewsPage::tr("Requests you submitted are under All requests.");
    return text;
}

} // namespace

ReviewsPage::ReviewsPage(WorkspaceSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_inbox(new ReviewInboxModel(session, this))
    , m_requests(new RequestListModel(session, this))
    , m_overrides(new TierOverrideModel(session, this)) {
    m_lists = new QWidget;
    auto* listsLayout = new QVBoxLayout(m_lists);
    listsLayout->setContentsMargins(0, 0, 0, 0);
    listsLayout->setSpacing(0);
    listsLayout->addWidget(createHeader());
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("reviewsSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(createInbox());
    splitter->addWidget(createOverrides());
    splitter->addWidget(createAllRequests());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 4);
    auto* body = new QWidget;
    auto* bodyLayout = new QVBoxLayout(body);
    bodyLayout->setContentsMargins(12, 0, 12, 10);
    bodyLayout->addWidget(splitter);
    listsLayout->addWidget(body, 1);

    m_requestPage = new RequestPage(session);
    m_requestPage->setObjectName(QStringLiteral("requestPage"));
    connect(m_requestPage, &RequestPage::backRequested, this, &ReviewsPage::showLists);
    connect(m_requestPage, &RequestPage::loadFailed, this, &ReviewsPage::loadFailed);
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_lists);
    m_stack->addWidget(m_requestPage);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    for (auto* model :
         {static_cast<QAbstractItemModel*>(m_inbox), static_cast<QAbstractItemModel*>(m_overrides)})
        connect(model, &QAbstractItemModel::modelReset, this, &ReviewsPage::updateInboxState);
    connect(m_inbox, &ReviewInboxModel::loadFailed, this, &ReviewsPage::loadFailed);
    connect(m_requests, &RequestListModel::loadFailed, this, &ReviewsPage::loadFailed);
    connect(m_overrides, &TierOverrideModel::loadFailed, this, &ReviewsPage::loadFailed);
    connect(&m_session, &WorkspaceSession::workspaceChanged, this, [this] {
        showLists();
        updateRoles();
    });
    connect(&m_session, &WorkspaceSession::changed, this, &ReviewsPage::onChanged);
    updateRoles();
}

QWidget* ReviewsPage::createHeader() {
    auto* header = new QWidget;
    auto* layout = new QHBoxLayout(header);
    layout->setContentsMargins(12, 10, 12, 6);
    auto* titles = new QVBoxLayout;
    titles->setSpacing(2);
    auto* title = new PageTitleLabel(QStringLiteral("reviewsTitle"), 1.25);
    title->setText(tr("Reviews"));
    titles->addWidget(title);
    m_subtitle = new QLabel;
    m_subtitle->setObjectName(QStringLiteral("reviewsSubtitle"));
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    titles->addWidget(m_subtitle);
    layout->addLayout(titles, 1);
    m_periodicReview = new QPushButton(tr("Start Periodic Review…"));
    m_periodicReview->setObjectName(QStringLiteral("startPeriodicReviewButton"));
    m_periodicReview->setToolTip(tr("Open the periodic review of a model in production"));
    connect(m_periodicReview, &QPushButton::clicked, this, &ReviewsPage::startPeriodicReview);
    layout->addWidget(m_periodicReview, 0, Qt::AlignTop);
    return header;
}

QTableView* ReviewsPage::createTable(QAbstractItemModel* model, const QString& objectName) {
    auto* view = new ReadOnlyTableView(model, objectName);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    connect(model, &QAbstractItemModel::modelReset, view, &QTableView::resizeColumnsToContents);
    view->resizeColumnsToContents();
    return view;
}

QWidget* ReviewsPage::createInbox() {
    m_inboxView = createTable(m_inbox, QStringLiteral("inboxTable"));
    m_inboxView->setToolTip(tr("Double-click or press Enter to open a request"));
    new SelectionKeeper(m_inboxView, ReviewInboxModel::RequestIdRole);
    connect(m_inboxView, &QTableView::activated, this, &ReviewsPage::openRequestAt);
    m_inboxEmpty = new QLabel;
    m_inboxEmpty->setObjectName(QStringLiteral("inboxEmptyState"));
    m_inboxEmpty->setAlignment(Qt::AlignCenter);
    m_inboxEmpty->setWordWrap(true);
    m_inboxEmpty->setTextFormat(Qt::RichText);
    m_inboxStack = new QStackedWidget;
    m_inboxStack->addWidget(m_inboxView);
    m_inboxStack->addWidget(m_inboxEmpty);

    auto* pane = new QWidget;
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    m_inboxTitle = SectionLabel::create(tr("My inbox"));
    m_inboxTitle->setObjectName(QStringLiteral("inboxTitle"));
    auto* heading = new QHBoxLayout;
    heading->addWidget(m_inboxTitle);
    heading->addStretch(1);
    m_inboxHint = new QLabel(tr("Double-click a request, or press Enter, to open it"));
    m_inboxHint->setForegroundRole(QPalette::PlaceholderText);
    heading->addWidget(m_inboxHint);
    layout->addLayout(heading);
    layout->addWidget(m_inboxStack, 1);
    return pane;
}

QWidget* ReviewsPage::createOverrides() {
    m_overrideView = createTable(m_overrides, QStringLiteral("overrideTable"));
    new SelectionKeeper(m_overrideView, TierOverrideModel::AssessmentIdRole);
    m_overrideComment = new QLineEdit;
    m_overrideComment->setObjectName(QStringLiteral("overrideComment"));
    m_overrideComment->setPlaceholderText(tr("Comment (required): why you approve or reject the override"));
    m_approveOverride = new QPushButton(tr("Approve Override"));
    m_approveOverride->setObjectName(QStringLiteral("approveOverrideButton"));
    m_rejectOverride = new QPushButton(tr("Reject Override"));
    m_rejectOverride->setObjectName(QStringLiteral("rejectOverrideButton"));
    connect(m_approveOverride, &QPushButton::clicked, this, [this] { decideSelectedOverride(true); });
    connect(m_rejectOverride, &QPushButton::clicked, this, [this] { decideSelectedOverride(false); });
    connect(m_overrideComment, &QLineEdit::textChanged, this, &ReviewsPage::updateOverrideButtons);
    connect(m_overrideView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ReviewsPage::updateOverrideButtons);
    connect(m_overrides, &QAbstractItemModel::modelReset, this, &ReviewsPage::updateOverrideButtons);

    m_overridePanel = new QWidget;
    m_overridePanel->setObjectName(QStringLiteral("overridePanel"));
    auto* layout = new QVBoxLayout(m_overridePanel);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(SectionLabel::create(tr("Tier overrides waiting for a risk officer")));
    layout->addWidget(m_overrideView, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_overrideComment, 1);
    buttons->addWidget(m_rejectOverride);
    buttons->addWidget(m_approveOverride);
    layout->addLayout(buttons);
    updateOverrideButtons();
    return m_overridePanel;
}

QWidget* ReviewsPage::createAllRequests() {
    m_requestView = createTable(m_requests, QStringLiteral("requestTable"));
    new SelectionKeeper(m_requestView, RequestListModel::RequestIdRole);
    connect(m_requestView, &QTableView::activated, this, &ReviewsPage::openRequestAt);
    m_statusFilter = new QComboBox;
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->addItem(tr("All statuses"));
    for (PromotionRequest::Status status :
         {PromotionRequest::Status::Open, PromotionRequest::Status::Executed,
          PromotionRequest::Status::Rejected, PromotionRequest::Status::Withdrawn})
        m_statusFilter->addItem(PromotionRequest::statusLabel(status), static_cast<int>(status));
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this] {
        const QVariant status = m_statusFilter->currentData();
        m_requests->setStatusFilter(status.isValid()
                                        ? std::optional<PromotionRequest::Status>(
                                              static_cast<PromotionRequest::Status>(status.toInt()))
                                        : std::nullopt);
    });

    auto* pane = new QWidget;
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 6, 0, 0);
    auto* heading = new QHBoxLayout;
    heading->addWidget(SectionLabel::create(tr("All requests")));
    heading->addStretch(1);
    heading->addWidget(new QLabel(tr("Show:")));
    heading->addWidget(m_statusFilter);
    layout->addLayout(heading);
    layout->addWidget(m_requestView, 1);
    return pane;
}

void ReviewsPage::onChanged(const ChangeSet& changes) {
    // Roles come with reloadAll (another process granted one), which touches Workspace.
    if (changes.touches(EntityKind::Workspace))
        updateRoles();
}

void ReviewsPage::updateRoles() {
    const Workspace* workspace = m_session.workspace();
    m_periodicReview->setEnabled(workspace != nullptr);
    if (!workspace) {
        m_riskOfficer = false;
        m_subtitle->clear();
        updateInboxState();
        return;
    }
    const QString actor = workspace->actor();
    std::optional<User> user;
    try {
        user = Identity(*workspace).user(actor);
    } catch (const AssayError& error) {
        emit loadFailed(error.message());
    }
    m_riskOfficer = user && user->has(Role::RiskOfficer);
    m_subtitle->setText(!user ? tr("Acting as %1, who is not a user of this workspace").arg(actor)
                        : user->roles.isEmpty() ? tr("Acting as %1, who holds no role").arg(actor)
                                                : tr("Acting as %1 · %2").arg(actor, roleList(user->roles)));
    const QString why = emptyInboxReason(actor, user);
    m_inboxEmpty->setText(
        tr("<p style=\"font-size:large\"><b>Nothing waits for your sign-off</b></p><p>%1</p>")
            .arg(why.toHtmlEscaped()));
    updateInboxState();
}

void ReviewsPage::updateInboxState() {
    const int inbox = m_inbox->rowCount();
    m_inboxTitle->setText(inbox == 0 ? tr("My inbox") : tr("My inbox (%1)").arg(inbox));
    m_inboxStack->setCurrentWidget(inbox == 0 ? static_cast<QWidget*>(m_inboxEmpty) : m_inboxView);
    m_inboxHint->setVisible(inbox > 0);
    m_overridePanel->setVisible(m_riskOfficer && m_overrides->rowCount() > 0);
    const int count = waitingCount();
    if (count != m_lastCount) {
        m_lastCount = count;
        emit waitingCountChanged(count);
    }
}

int ReviewsPage::waitingCount() const {
    return m_inbox->rowCount() + (m_riskOfficer ? m_overrides->decidableCount() : 0);
}

bool ReviewsPage::isInboxEmptyStateShown() const {
    return m_inboxStack->currentWidget() == m_inboxEmpty;
}

void ReviewsPage::updateOverrideButtons() {
    const QModelIndexList rows = m_overrideView->selectionModel()->selectedRows();
    const bool own = !rows.isEmpty() && rows.first().data(TierOverrideModel::OwnProposalRole).toBool();
    const bool ready = !rows.isEmpty() && !own && !m_overrideComment->text().trimmed().isEmpty();
    for (QPushButton* button : {m_approveOverride, m_rejectOverride}) {
        button->setEnabled(ready);
        button->setToolTip(own ? tr("You proposed this override; another risk officer must decide it.")
                               : QString());
    }
}

bool ReviewsPage::decideSelectedOverride(bool approve) {
    const QModelIndexList rows = m_overrideView->selectionModel()->selectedRows();
    if (!m_session.workspace() || rows.isEmpty())
        return false;
    const qint64 id = rows.first().data(TierOverrideModel::AssessmentIdRole).toLongLong();
    const QString comment = m_overrideComment->text();
    try {
        m_session.workspace()->write(
            [&](WriteTransaction& tx) { RiskAssessments::decideOverride(tx, id, approve, comment); });
    } catch (const AssayError& error) {
        ErrorBox::show(this, tr("Cannot decide the override"), error.message());
        return false;
    }
    m_overrideComment->clear();
    return true;
}

void ReviewsPage::openRequestAt(const QModelIndex& index) {
    const int role = index.model() == m_inbox ? int(ReviewInboxModel::RequestIdRole)
                                              : int(RequestListModel::RequestIdRole);
    const qint64 id = index.siblingAtColumn(0).data(role).toLongLong();
    if (id != 0)
        showRequest(id);
}

void ReviewsPage::showRequest(qint64 requestId) {
    m_requestPage->showRequest(requestId);
    m_stack->setCurrentWidget(m_requestPage);
}

void ReviewsPage::showLists() {
    m_stack->setCurrentWidget(m_lists);
}

bool ReviewsPage::isShowingRequest() const {
    return m_stack->currentWidget() == m_requestPage;
}

PeriodicReviewDialog* ReviewsPage::startPeriodicReview() {
    if (!m_session.workspace())
        return nullptr;
    auto* dialog = new PeriodicReviewDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PeriodicReviewDialog::submitted, this, &ReviewsPage::showRequest);
    dialog->open();
    return dialog;
}

} // namespace assay
