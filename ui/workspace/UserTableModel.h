#pragma once

#include "core/identity/User.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace assay {

class ChangeSet;
class WorkspaceSession;

// The users of the current workspace (Identity::users), one row each: login, display name, then
// a checkable column per role. Checking a role grants it and unchecking revokes it, one
// Workspace::write each. Cells are editable only while the acting user is an admin, but core
// checks again on every write; a refusal comes back through writeFailed, with the table re-read
// from the file.
class UserTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { LoginColumn, NameColumn, FirstRoleColumn };

    explicit UserTableModel(WorkspaceSession& session, QObject* parent = nullptr);

    static int columnOf(Role role);
    static std::optional<Role> roleAt(int column);

    // Whether the acting user is an admin of the workspace shown.
    bool isEditable() const { return m_actorIsAdmin; }
    // The acting user as the workspace knows them; nullopt when they are not one of its users.
    std::optional<User> actor() const;
    const QList<User>& users() const { return m_users; }
    int rowOf(const QString& login) const;
    void reload();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

signals:
    // After every reload: the acting user's own roles, and so isEditable(), may have changed.
    void reloaded();
    void loadFailed(const QString& message);
    void writeFailed(const QString& message);

private:
    void onChanged(const ChangeSet& changes);
    void replaceUsers(const QList<User>& users);
    QVariant roleData(const User& user, Role userRole, int role) const;
    bool isActor(const User& user) const;

    WorkspaceSession& m_session;
    QList<User> m_users;
    bool m_actorIsAdmin = false;
};

} // namespace assay
