#pragma once

#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace assay {

class ChangeSet;
class PeriodicReviewDialog;
class RequestListModel;
class RequestPage;
class ReviewInboxModel;
class TierOverrideModel;
class WorkspaceSession;

// The Reviews page: the acting user's inbox (requests that wait for a sign-off they may give),
// the tier overrides that wait for a risk officer, and every request open or closed, filterable
// by status. Activating a request opens it on the request page, which this page holds.
class ReviewsPage : public QWidget {
    Q_OBJECT

public:
    explicit ReviewsPage(WorkspaceSession& session, QWidget* parent = nullptr);

    // Opens one request; the page shows it instead of the lists until "‹ Reviews".
    void showRequest(qint64 requestId);
    void showLists();
    bool isShowingRequest() const;
    // What waits for the acting user: their inbox and the overrides they may decide.
    int waitingCount() const;

    ReviewInboxModel* inboxModel() const { return m_inbox; }
    RequestListModel* requestModel() const { return m_requests; }
    TierOverrideModel* overrideModel() const { return m_overrides; }
    RequestPage* requestPage() const { return m_requestPage; }
    QTableView* inboxView() const { return m_inboxView; }
    QTableView* requestView() const { return m_requestView; }
    QTableView* overrideView() const { return m_overrideView; }
    QComboBox* statusFilter() const { return m_statusFilter; }
    QLineEdit* overrideComment() const { return m_overrideComment; }
    QPushButton* approveOverrideButton() const { return m_approveOverride; }
    QPushButton* rejectOverrideButton() const { return m_rejectOverride; }
    QPushButton* periodicReviewButton() const { return m_periodicReview; }
    QWidget* overridePanel() const { return m_overridePanel; }
    // The label shown instead of the inbox when it is empty.
    QLabel* inboxEmptyState() const { return m_inboxEmpty; }
    bool isInboxEmptyStateShown() const;

    // Opens the periodic review dialog (window-modal, not exec()).
    PeriodicReviewDialog* startPeriodicReview();
    // Decides the selected override with the comment typed beside it; false when core refuses.
    bool decideSelectedOverride(bool approve);

signals:
    void waitingCountChanged(int count);
    void loadFailed(const QString& message);

private:
    QWidget* createHeader();
    QWidget* createInbox();
    QWidget* createOverrides();
    QWidget* createAllRequests();
    QTableView* createTable(QAbstractItemModel* model, const QString& objectName);
    void onChanged(const ChangeSet& changes);
    void updateRoles();
    void updateInboxState();
    void updateOverrideButtons();
    void openRequestAt(const QModelIndex& index);

    WorkspaceSession& m_session;
    ReviewInboxModel* m_inbox = nullptr;
    RequestListModel* m_requests = nullptr;
    TierOverrideModel* m_overrides = nullptr;
    bool m_riskOfficer = false;
    int m_lastCount = -1;

    QStackedWidget* m_stack = nullptr;
    QWidget* m_lists = nullptr;
    RequestPage* m_requestPage = nullptr;
    QLabel* m_subtitle = nullptr;
    QLabel* m_inboxTitle = nullptr;
    QLabel* m_inboxHint = nullptr;
    QStackedWidget* m_inboxStack = nullptr;
    QTableView* m_inboxView = nullptr;
    QLabel* m_inboxEmpty = nullptr;
    QWidget* m_overridePanel = nullptr;
    QTableView* m_overrideView = nullptr;
    QLineEdit* m_overrideComment = nullptr;
    QPushButton* m_approveOverride = nullptr;
    QPushButton* m_rejectOverride = nullptr;
    QTableView* m_requestView = nullptr;
    QComboBox* m_statusFilter = nullptr;
    QPushButton* m_periodicReview = nullptr;
};

} // namespace assay
