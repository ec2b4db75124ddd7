#include "RoleArgument.h"

#include "UsageError.h"

namespace assay::cli {

Role RoleArgument::parse(const QString& name) {
    if (const std::optional<Role> role = roleFromName(name))
        return *role;
    throw UsageError{QStringLiteral("unknown role \"%1\"; the roles are %2").arg(name, names())};
}

QString RoleArgument::names() {
    QStringList result;
    for (Role role : allRoles())
        result << roleName(role);
    return result.join(QStringLiteral(", "));
}

} // namespace assay::cli
