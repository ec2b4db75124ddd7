#include "AddUserDialog.h"

#include "RoleDescription.h"
#include "core/base/AssayError.h"
#include "core/identity/Identity.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/PaletteTone.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace assay {
namespace {

// Read once, when the form opens: core refuses a duplicate anyway, should someone add the same
// login meanwhile.
QSet<QString> existingLogins(const WorkspaceSession& session) {
    QSet<QString> logins;
    try {
        if (const Workspace* workspace = session.workspace()) {
            for (const User& user : Identity(*workspace).users())
                logins.insert(user.login);
        }
    } catch (const AssayError&) {
        // Then only core's own check applies, when the user is added.
    }
    return logins;
}

QLabel* newProblemLabel() {
    auto* label = new QLabel;
    label->setObjectName(QStringLiteral("loginProblem"));
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, PaletteTone::problem(palette));
    label->setPalette(palette);
    return label;
}

} // namespace

AddUserDialog::AddUserDialog(WorkspaceSession& session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_existingLogins(existingLogins(session)) {
    setWindowTitle(tr("Add User"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_addButton = buttons->addButton(tr("Add User"), QDialogButtonBox::AcceptRole);
    m_addButton->setObjectName(QStringLiteral("addUserConfirmButton"));
    m_addButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &AddUserDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AddUserDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(createForm());
    layout->addWidget(buttons);
    connect(m_loginEdit, &QLineEdit::textChanged, this, &AddUserDialog::validate);
    validate();
}

QFormLayout* AddUserDialog::createForm() {
    m_loginEdit = new QLineEdit;
    m_loginEdit->setObjectName(QStringLiteral("loginEdit"));
    m_loginEdit->setPlaceholderText(tr("e.g. ada"));
    auto* loginHint =
        new QLabel(tr("Their OS login (or ASSAY_USER): Assay acts as this user on their machine."));
    loginHint->setWordWrap(true);
    loginHint->setForegroundRole(QPalette::PlaceholderText);
    m_displayNameEdit = new QLineEdit;
    m_displayNameEdit->setObjectName(QStringLiteral("displayNameEdit"));
    m_displayNameEdit->setPlaceholderText(tr("e.g. Ada Lovelace (optional)"));
    m_problemLabel = newProblemLabel();

    auto* form = new QFormLayout;
    form->addRow(tr("&Login:"), m_loginEdit);
    form->addRow(QString(), loginHint);
    form->addRow(QString(), m_problemLabel);
    form->addRow(tr("&Display name:"), m_displayNameEdit);
    form->addRow(tr("Roles:"), createRoleBoxes());
    return form;
}

QWidget* AddUserDialog::createRoleBoxes() {
    auto* boxes = new QWidget;
    auto* layout = new QVBoxLayout(boxes);
    layout->setContentsMargins(0, 0, 0, 0);
    for (Role role : allRoles()) {
        auto* box = new QCheckBox(tr("%1 — %2").arg(roleLabel(role), RoleDescription::of(role)));
        box->setObjectName(QStringLiteral("role_") + roleName(role));
        m_roleBoxes.insert(role, box);
        layout->addWidget(box);
    }
    return boxes;
}

QString AddUserDialog::loginProblem() const {
    const QString login = m_loginEdit->text();
    // Core's rules, said before the user clicks rather than after.
    if (login.trimmed().isEmpty())
        return {};
    if (login != login.trimmed())
        return tr("A login cannot start or end with a space.");
    if (m_existingLogins.contains(login))
        return tr("%1 is a user of this workspace already; change their roles in the table.").arg(login);
    return {};
}

void AddUserDialog::validate() {
    const QString problem = loginProblem();
    m_problemLabel->setText(problem);
    m_problemLabel->setVisible(!problem.isEmpty());
    m_addButton->setEnabled(problem.isEmpty() && !m_loginEdit->text().trimmed().isEmpty());
}

QList<Role> AddUserDialog::checkedRoles() const {
    QList<Role> roles;
    for (Role role : allRoles()) {
        if (m_roleBoxes.value(role)->isChecked())
            roles << role;
    }
    return roles;
}

void AddUserDialog::accept() {
    validate();
    Workspace* workspace = m_session.workspace();
    if (!m_addButton->isEnabled() || !workspace)
        return;
    const QString login = m_loginEdit->text();
    try {
        workspace->write([&](WriteTransaction& tx) {
            Identity::addUser(tx, login, m_displayNameEdit->text().trimmed(), checkedRoles());
        });
    } catch (const AssayError& error) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot add the user"), error.message(),
                                    QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("errorMessage"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    emit userAdded(login);
    QDialog::accept();
}

} // namespace assay
