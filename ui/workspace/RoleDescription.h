#pragma once

#include "core/identity/Role.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace assay {

// The user-facing words for roles: what each one may do, and a user's roles as one line.
// Core only names roles; what they allow is explained where people choose them.
class RoleDescription {
    Q_DECLARE_TR_FUNCTIONS(RoleDescription)

public:
    // "register versions, write model cards, request promotions"
    static QString of(Role role);
    // "Data scientist, Validator", or "no role" for an empty list.
    static QString list(const QList<Role>& roles);
};

} // namespace assay
