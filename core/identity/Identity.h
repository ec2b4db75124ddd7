#pragma once

#include "Role.h"
#include "User.h"

#include <QList>

#include <optional>

namespace assay {

class Workspace;
class WriteTransaction;

// Users and their roles. The acting user is the workspace's actor (the OS login unless
// configured otherwise); the first user of a workspace is its admin. Every check lives here,
// in core, so that the CLI and the GUI enforce the same rules.
class Identity {
public:
    explicit Identity(const Workspace& workspace)
        : m_workspace(workspace) {}

    // Makes the acting user the workspace's first user and admin; used when a workspace is
    // created, and by the migration that introduced users.
    static void bootstrapAdmin(WriteTransaction& tx);
    // Adds a user; only an admin may. Throws when the login exists.
    static qint64 addUser(WriteTransaction& tx, const QString& login, const QString& displayName,
                          const QList<Role>& roles);
    static void grantRole(WriteTransaction& tx, const QString& login, Role role);
    // Refuses to take the last admin's admin role away, which would lock everyone out.
    static void revokeRole(WriteTransaction& tx, const QString& login, Role role);
    // Throws AssayError naming the actor and the role unless the actor holds it.
    static void requireRole(WriteTransaction& tx, Role role, const QString& forWhat);
    static bool actorHas(WriteTransaction& tx, Role role);

    QList<User> users() const;
    std::optional<User> user(const QString& login) const;
    bool has(const QString& login, Role role) const;

private:
    const Workspace& m_workspace;
};

} // namespace assay
