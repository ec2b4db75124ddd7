#include "RoleDescription.h"

#include <QStringList>

namespace assay {

QString RoleDescription::of(Role role) {
    switch (role) {
    case Role::Admin:
        return tr("users, roles and the tier policy");
    case Role::DataScientist:
        return tr("register versions, write model cards, request promotions");
    case Role::Analyst:
        return tr("read-only browsing and reports");
    case Role::Validator:
        return tr("independent validation sign-offs");
    case Role::RiskOfficer:
        return tr("risk sign-offs and tier overrides");
    }
    return {};
}

QString RoleDescription::list(const QList<Role>& roles) {
    if (roles.isEmpty())
        return tr("no role");
    QStringList labels;
    for (Role role : roles)
        labels << roleLabel(role);
    return labels.join(QStringLiteral(", "));
}

} // namespace assay
