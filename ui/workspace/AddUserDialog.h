#pragma once

#include "core/identity/Role.h"

#include <QDialog>
#include <QList>
#include <QMap>
#include <QSet>

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace assay {

class WorkspaceSession;

// The small form behind Users and Roles > Add User…: login, display name and roles. It says
// what is wrong with the login while it is typed, and adds the user through Identity::addUser
// when confirmed; a refusal from core is shown over the form, which keeps what was typed.
class AddUserDialog : public QDialog {
    Q_OBJECT

public:
    explicit AddUserDialog(WorkspaceSession& session, QWidget* parent = nullptr);

    QLineEdit* loginEdit() const { return m_loginEdit; }
    QLineEdit* displayNameEdit() const { return m_displayNameEdit; }
    QCheckBox* roleBox(Role role) const { return m_roleBoxes.value(role); }
    QPushButton* addButton() const { return m_addButton; }
    QLabel* problemLabel() const { return m_problemLabel; }

    void accept() override;

signals:
    void userAdded(const QString& login);

private:
    QFormLayout* createForm();
    QWidget* createRoleBoxes();
    QString loginProblem() const;
    void validate();
    QList<Role> checkedRoles() const;

    WorkspaceSession& m_session;
    QSet<QString> m_existingLogins;
    QLineEdit* m_loginEdit = nullptr;
    QLineEdit* m_displayNameEdit = nullptr;
    QMap<Role, QCheckBox*> m_roleBoxes;
    QLabel* m_problemLabel = nullptr;
    QPushButton* m_addButton = nullptr;
};

} // namespace assay
