#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace assay {

// What a user may do. A user may hold several roles; segregation of duties is enforced on top
// of them, per request, not by making roles exclusive.
enum class Role { Admin, DataScientist, Analyst, Validator, RiskOfficer };

QString roleName(Role role);  // "admin", "data_scientist", ...
QString roleLabel(Role role); // "Admin", "Data scientist", ...
std::optional<Role> roleFromName(const QString& name);
QList<Role> allRoles();

} // namespace assay
