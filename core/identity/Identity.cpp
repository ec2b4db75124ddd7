#include "Identity.h"

#include "core/base/AssayError.h"
#include "core/base/EntityKind.h"
#include "core/base/SqlQuery.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

#include <QJsonArray>
#include <QJsonObject>

namespace assay {
namespace {

QList<Role> rolesOf(const QSqlDatabase& db, qint64 userId) {
    QSqlQuery query =
        SqlQuery::run(db, QStringLiteral("SELECT role FROM user_roles WHERE user_id = ?"), {userId});
    QList<Role> roles;
    while (query.next()) {
        if (const std::optional<Role> role = roleFromName(query.value(0).toString()))
            roles << *role;
    }
    // In the order of allRoles(), whatever order SQLite returns them in.
    QList<Role> ordered;
    for (Role role : allRoles()) {
        if (roles.contains(role))
            ordered << role;
    }
    return ordered;
}

std::optional<qint64> userId(const QSqlDatabase& db, const QString& login) {
    const QVariant id = SqlQuery::scalar(db, QStringLiteral("SELECT id FROM users WHERE login = ?"), {login});
    return id.isNull() ? std::nullopt : std::optional<qint64>(id.toLongLong());
}

bool hasRole(const QSqlDatabase& db, const QString& login, Role role) {
    return !SqlQuery::scalar(db,
                             QStringLiteral("SELECT 1 FROM user_roles r JOIN users u ON u.id = r.user_id "
                                            "WHERE u.login = ? AND r.role = ?"),
                             {login, roleName(role)})
                .isNull();
}

QJsonArray roleNames(const QList<Role>& roles) {
    QJsonArray names;
    for (Role role : roles)
        names.append(roleName(role));
    return names;
}

qint64 existingUser(WriteTransaction& tx, const QString& login) {
    const std::optional<qint64> id = userId(tx.database(), login);
    if (!id)
        throw AssayError(QStringLiteral("There is no user \"%1\" in this workspace.").arg(login));
    return *id;
}

} // namespace

void Identity::bootstrapAdmin(WriteTransaction& tx) {
    if (SqlQuery::scalar(tx.database(), QStringLiteral("SELECT count(*) FROM users")).toInt() > 0)
        return;
    const qint64 id =
        tx.insert(QStringLiteral("INSERT INTO users (login, display_name, created_at) VALUES (?, ?, ?)"),
                  {tx.actor(), QString(), tx.now()});
    tx.run(QStringLiteral("INSERT INTO user_roles (user_id, role) VALUES (?, 'admin')"), {id});
    tx.audit(QStringLiteral("user.add"), QStringLiteral("user:") + tx.actor(),
             {{QStringLiteral("roles"), roleNames({Role::Admin})}, {QStringLiteral("first_user"), true}});
    tx.changes().add(EntityKind::User, id);
}

bool Identity::actorHas(WriteTransaction& tx, Role role) {
    return hasRole(tx.database(), tx.actor(), role);
}

void Identity::requireRole(WriteTransaction& tx, Role role, const QString& forWhat) {
    if (!actorHas(tx, role)) {
        throw AssayError(
            QStringLiteral("%1 may not %2: that needs the %3 role, which %1 does not hold in this "
                           "workspace.")
                .arg(tx.actor(), forWhat, roleLabel(role).toLower()));
    }
}

qint64 Identity::addUser(WriteTransaction& tx, const QString& login, const QString& displayName,
                         const QList<Role>& roles) {
    requireRole(tx, Role::Admin, QStringLiteral("add users"));
    if (login.trimmed().isEmpty() || login != login.trimmed())
        throw AssayError(QStringLiteral("A login must not be empty or start or end with spaces."));
    if (userId(tx.database(), login))
        throw AssayError(QStringLiteral("A user \"%1\" exists already.").arg(login));
    const qint64 id =
        tx.insert(QStringLiteral("INSERT INTO users (login, display_name, created_at) VALUES (?, ?, ?)"),
                  {login, displayName, tx.now()});
    for (Role role : roles)
        tx.run(QStringLiteral("INSERT OR IGNORE INTO user_roles (user_id, role) VALUES (?, ?)"),
               {id, roleName(role)});
    tx.audit(QStringLiteral("user.add"), QStringLiteral("user:") + login,
             {{QStringLiteral("display_name"), displayName}, {QStringLiteral("roles"), roleNames(roles)}});
    tx.changes().add(EntityKind::User, id);
    return id;
}

void Identity::grantRole(WriteTransaction& tx, const QString& login, Role role) {
    requireRole(tx, Role::Admin, QStringLiteral("change roles"));
    const qint64 id = existingUser(tx, login);
    tx.run(QStringLiteral("INSERT OR IGNORE INTO user_roles (user_id, role) VALUES (?, ?)"),
           {id, roleName(role)});
    tx.audit(QStringLiteral("role.grant"), QStringLiteral("user:") + login,
             {{QStringLiteral("role"), roleName(role)}});
    tx.changes().add(EntityKind::User, id);
}

void Identity::revokeRole(WriteTransaction& tx, const QString& login, Role role) {
    requireRole(tx, Role::Admin, QStringLiteral("change roles"));
    const qint64 id = existingUser(tx, login);
    if (role == Role::Admin &&
        SqlQuery::scalar(tx.database(),
                         QStringLiteral("SELECT count(*) FROM user_roles WHERE role = 'admin'"))
                .toInt() <= 1 &&
        hasRole(tx.database(), login, Role::Admin))
        throw AssayError(
            QStringLiteral("%1 is the last admin of this workspace; make someone else admin first.")
                .arg(login));
    tx.run(QStringLiteral("DELETE FROM user_roles WHERE user_id = ? AND role = ?"), {id, roleName(role)});
    tx.audit(QStringLiteral("role.revoke"), QStringLiteral("user:") + login,
             {{QStringLiteral("role"), roleName(role)}});
    tx.changes().add(EntityKind::User, id);
}

QList<User> Identity::users() const {
    QSqlQuery query =
        SqlQuery::run(m_workspace.database(),
                      QStringLiteral("SELECT id, login, display_name, created_at FROM users ORDER BY login"));
    QList<User> result;
    while (query.next()) {
        User user;
        user.id = query.value(0).toLongLong();
        user.login = query.value(1).toString();
        user.displayName = query.value(2).toString();
        user.createdAt = query.value(3).toLongLong();
        user.roles = rolesOf(m_workspace.database(), user.id);
        result << user;
    }
    return result;
}

std::optional<User> Identity::user(const QString& login) const {
    for (const User& user : users()) {
        if (user.login == login)
            return user;
    }
    return std::nullopt;
}

bool Identity::has(const QString& login, Role role) const {
    return hasRole(m_workspace.database(), login, role);
}

} // namespace assay
