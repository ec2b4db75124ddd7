#include "UserTableModel.h"

#include "RoleDescription.h"
#include "core/base/AssayError.h"
#include "core/identity/Identity.h"
#include "core/workspace/ChangeSet.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "ui/session/WorkspaceSession.h"

#include <QFont>

#include <algorithm>

namespace assay {
namespace {

bool sameLogins(const QList<User>& a, const QList<User>& b) {
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).login != b.at(i).login)
            return false;
    }
    return true;
}

} // namespace

UserTableModel::UserTableModel(WorkspaceSession& session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session) {
    connect(&m_session, &WorkspaceSession::workspaceChanged, this, &UserTableModel::reload);
    connect(&m_session, &WorkspaceSession::changed, this, &UserTableModel::onChanged);
    reload();
}

int UserTableModel::columnOf(Role role) {
    return FirstRoleColumn + static_cast<int>(allRoles().indexOf(role));
}

std::optional<Role> UserTableModel::roleAt(int column) {
    const QList<Role> roles = allRoles();
    const int i = column - FirstRoleColumn;
    return i >= 0 && i < roles.size() ? std::optional<Role>(roles.at(i)) : std::nullopt;
}

void UserTableModel::onChanged(const ChangeSet& changes) {
    if (changes.touches(EntityKind::User) || changes.touches(EntityKind::Workspace))
        reload();
}

void UserTableModel::reload() {
    QList<User> users;
    std::optional<QString> error;
    try {
        if (const Workspace* workspace = m_session.workspace())
            users = Identity(*workspace).users();
    } catch (const AssayError& failure) {
        error = failure.message();
    }
    replaceUsers(users);
    emit reloaded();
    if (error)
        emit loadFailed(*error);
}

void UserTableModel::replaceUsers(const QList<User>& users) {
    // Set before views hear of the change, so that they ask flags() of the new state.
    m_actorIsAdmin = std::ranges::any_of(
        users, [this](const User& user) { return isActor(user) && user.has(Role::Admin); });
    // Role changes keep the rows: a reset would lose the selection and the current cell every
    // time anyone, in any process, toggles a role.
    if (sameLogins(users, m_users)) {
        m_users = users;
        if (!m_users.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    m_users = users;
    endResetModel();
}

bool UserTableModel::isActor(const User& user) const {
    return m_session.workspace() && user.login == m_session.workspace()->actor();
}

std::optional<User> UserTableModel::actor() const {
    for (const User& user : m_users) {
        if (isActor(user))
            return user;
    }
    return std::nullopt;
}

int UserTableModel::rowOf(const QString& login) const {
    for (qsizetype i = 0; i < m_users.size(); ++i) {
        if (m_users.at(i).login == login)
            return static_cast<int>(i);
    }
    return -1;
}

int UserTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_users.size());
}

int UserTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : FirstRoleColumn + static_cast<int>(allRoles().size());
}

QVariant UserTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const User& user = m_users.at(index.row());
    if (const std::optional<Role> userRole = roleAt(index.column()))
        return roleData(user, *userRole, role);
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == LoginColumn ? user.login : user.displayName;
    case Qt::ToolTipRole:
        return isActor(user) ? tr("%1: you, the acting user").arg(user.login) : QVariant();
    case Qt::FontRole:
        if (isActor(user) && index.column() == LoginColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant UserTableModel::roleData(const User& user, Role userRole, int role) const {
    switch (role) {
    case Qt::CheckStateRole:
        return user.has(userRole) ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole:
        return tr("%1: %2").arg(roleLabel(userRole), RoleDescription::of(userRole));
    default:
        return {};
    }
}

QVariant UserTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    const std::optional<Role> userRole = roleAt(section);
    switch (role) {
    case Qt::DisplayRole:
        if (userRole)
            return roleLabel(*userRole);
        return section == LoginColumn ? tr("Login") : tr("Name");
    case Qt::ToolTipRole:
        if (userRole)
            return tr("%1: %2").arg(roleLabel(*userRole), RoleDescription::of(*userRole));
        return section == LoginColumn ? tr("The OS login (or ASSAY_USER) the audit trail names")
                                      : tr("The name shown to people");
    default:
        return {};
    }
}

Qt::ItemFlags UserTableModel::flags(const QModelIndex& index) const {
    // Views ask about the root index; only a wrong index of this model deserves a warning.
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_actorIsAdmin && roleAt(index.column()))
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

bool UserTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::CheckStateRole || !(flags(index) & Qt::ItemIsUserCheckable) || !m_session.workspace())
        return false;
    const Role userRole = *roleAt(index.column());
    // A copy: the commit's change notification replaces m_users before write() returns.
    const QString login = m_users.at(index.row()).login;
    const bool grant = value.toInt() == Qt::Checked;
    if (m_users.at(index.row()).has(userRole) == grant)
        return true;
    try {
        m_session.workspace()->write([&](WriteTransaction& tx) {
            if (grant)
                Identity::grantRole(tx, login, userRole);
            else
                Identity::revokeRole(tx, login, userRole);
        });
    } catch (const AssayError& error) {
        // Nothing was written, but another process may have changed the users since the last
        // reload: show what the file holds.
        reload();
        emit writeFailed(error.message());
        return false;
    }
    return true;
}

} // namespace assay
