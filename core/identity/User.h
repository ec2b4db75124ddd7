#pragma once

#include "Role.h"

#include <QList>
#include <QString>

namespace assay {

struct User {
    qint64 id = 0;
    QString login; // the OS login, or ASSAY_USER
    QString displayName;
    QList<Role> roles;
    qint64 createdAt = 0;

    bool has(Role role) const { return roles.contains(role); }
};

} // namespace assay
