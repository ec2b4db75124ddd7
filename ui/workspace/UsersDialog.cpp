#include "UsersDialog.h"

#include "AddUserDialog.h"
#include "CentredCheckDelegate.h"
#include "RoleDescription.h"
#include "UserTableModel.h"
#include "core/workspace/Workspace.h"
#include "ui/session/WorkspaceSession.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace assay {

UsersDialog::UsersDialog(WorkspaceSession& session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_model(new UserTableModel(session, this)) {
    setObjectName(QStringLiteral("usersDialog"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(createNotice());
    layout->addWidget(createTable(), 1);
    layout->addWidget(createRoleHelp());
    layout->addWidget(createButtons());
    resize(760, 480);

    connect(m_model, &UserTableModel::reloaded, this, &UsersDialog::updateNotice);
    connect(m_model, &UserTableModel::writeFailed, this,
            [this](const QString& message) { showError(tr("Cannot change users and roles"), message); });
    connect(m_model, &UserTableModel::loadFailed, this,
            [this](const QString& message) { showError(tr("Cannot read the users"), message); });
    // The model follows a switch to another workspace; with none there is nothing to manage.
    connect(&m_session, &WorkspaceSession::workspaceChanged, this, [this](Workspace* workspace) {
        if (!workspace)
            close();
    });
    updateNotice();
}

QLayout* UsersDialog::createNotice() {
    m_notice = new QLabel;
    m_notice->setObjectName(QStringLiteral("usersNotice"));
    m_notice->setWordWrap(true);
    m_readOnlyIcon = new QLabel;
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_readOnlyIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(iconSize));
    auto* notice = new QHBoxLayout;
    notice->addWidget(m_readOnlyIcon, 0, Qt::AlignTop);
    notice->addWidget(m_notice, 1);
    return notice;
}

QDialogButtonBox* UsersDialog::createButtons() {
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_addUserButton = buttons->addButton(tr("&Add User…"), QDialogButtonBox::ActionRole);
    m_addUserButton->setObjectName(QStringLiteral("addUserButton"));
    connect(m_addUserButton, &QPushButton::clicked, this, &UsersDialog::openAddUserForm);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    return buttons;
}

QTableView* UsersDialog::createTable() {
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("userTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    auto* checks = new CentredCheckDelegate(m_table);
    for (Role role : allRoles())
        m_table->setItemDelegateForColumn(UserTableModel::columnOf(role), checks);
    QHeaderView* header = m_table->horizontalHeader();
    // A selected row would otherwise embolden every header.
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(UserTableModel::NameColumn, QHeaderView::Stretch);
    return m_table;
}

QLabel* UsersDialog::createRoleHelp() const {
    QStringList lines;
    for (Role role : allRoles())
        lines << tr("<b>%1</b>: %2")
                     .arg(roleLabel(role).toHtmlEscaped(), RoleDescription::of(role).toHtmlEscaped());
    auto* help = new QLabel(lines.join(QStringLiteral("<br>")));
    help->setObjectName(QStringLiteral("roleHelp"));
    help->setTextFormat(Qt::RichText);
    help->setWordWrap(true);
    return help;
}

void UsersDialog::updateNotice() {
    const Workspace* workspace = m_session.workspace();
    const QString file = workspace ? QFileInfo(workspace->path()).fileName() : QString();
    setWindowTitle(file.isEmpty() ? tr("Users and Roles") : tr("Users and Roles — %1").arg(file));
    const QString login = workspace ? workspace->actor() : QString();
    const std::optional<User> me = m_model->actor();
    const QString roles = RoleDescription::list(me ? me->roles : QList<Role>{});
    m_notice->setText(
        m_model->isEditable()
            ? tr("You are %1 (%2). Tick a role to grant it, untick it to revoke it; every "
                 "change is recorded in the audit trail.")
                  .arg(login, roles)
            : tr("Only an admin can change users and roles; you are %1 (%2).").arg(login, roles));
    m_readOnlyIcon->setVisible(!m_model->isEditable());
    m_addUserButton->setEnabled(m_model->isEditable());
    m_addUserButton->setToolTip(m_model->isEditable() ? QString() : tr("Only an admin can add users"));
}

AddUserDialog* UsersDialog::openAddUserForm() {
    auto* form = new AddUserDialog(m_session, this);
    form->setAttribute(Qt::WA_DeleteOnClose);
    connect(form, &AddUserDialog::userAdded, this, &UsersDialog::selectUser);
    form->open();
    return form;
}

void UsersDialog::selectUser(const QString& login) {
    const int row = m_model->rowOf(login);
    if (row >= 0)
        m_table->selectRow(row);
}

void UsersDialog::showError(const QString& title, const QString& message) {
    // Window-modal and not exec(), as in the main window: the caller goes on, and tests can read
    // the box.
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace assay
