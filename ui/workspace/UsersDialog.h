#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLayout;
class QPushButton;
class QTableView;

namespace assay {

class AddUserDialog;
class UserTableModel;
class WorkspaceSession;

// Workspace > Users and Roles…: the users of the workspace with a tick box per role, Add User…,
// what each role may do, and for anyone but an admin a notice that the table is read-only.
// Follows the session: it re-reads on every change to the users and closes with the workspace.
class UsersDialog : public QDialog {
    Q_OBJECT

public:
    explicit UsersDialog(WorkspaceSession& session, QWidget* parent = nullptr);

    UserTableModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QPushButton* addUserButton() const { return m_addUserButton; }
    QLabel* noticeLabel() const { return m_notice; }
    // Window-modal and not exec(): the caller goes on, and tests fill the form in.
    AddUserDialog* openAddUserForm();

private:
    QLayout* createNotice();
    QTableView* createTable();
    QDialogButtonBox* createButtons();
    QLabel* createRoleHelp() const;
    void updateNotice();
    void selectUser(const QString& login);
    void showError(const QString& title, const QString& message);

    WorkspaceSession& m_session;
    UserTableModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_notice = nullptr;
    QLabel* m_readOnlyIcon = nullptr;
    QPushButton* m_addUserButton = nullptr;
};

} // namespace assay
