#include "Role.h"

#include <array>

namespace assay {
namespace {

struct RoleNames {
    Role role;
    const char* name;
    const char* label;
};

constexpr std::array<RoleNames, 5> names{{
    {Role::Admin, "admin", "Admin"},
    {Role::DataScientist, "data_scientist", "Data scientist"},
    {Role::Analyst, "analyst", "Business analyst"},
    {Role::Validator, "validator", "Validator"},
    {Role::RiskOfficer, "risk_officer", "Risk officer"},
}};

const RoleNames& entry(Role role) {
    for (const RoleNames& names_ : names) {
        if (names_.role == role)
            return names_;
    }
    return names.front();
}

} // namespace

QString roleName(Role role) {
    return QString::fromLatin1(entry(role).name);
}

QString roleLabel(Role role) {
    return QString::fromLatin1(entry(role).label);
}

std::optional<Role> roleFromName(const QString& name) {
    for (const RoleNames& names_ : names) {
        if (name == QLatin1String(names_.name))
            return names_.role;
    }
    return std::nullopt;
}

QList<Role> allRoles() {
    QList<Role> roles;
    for (const RoleNames& names_ : names)
        roles << names_.role;
    return roles;
}

} // namespace assay
