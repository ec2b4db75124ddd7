#pragma once

#include "core/identity/User.h"

#include <QDate>
#include <QHash>
#include <QString>

#include <optional>

namespace assay {

// How the governance pages write dates, versions and people, so that the Models page, the model
// page and its tabs agree.
class GovernanceFormat {
public:
    // Local date, "2026-03-01"; empty without a time.
    static QString date(std::optional<qint64> msSinceEpoch);
    // "v3", or "—" for none.
    static QString version(std::optional<int> version);
    // The user's display name where the workspace knows one, else the login itself.
    static QString person(const QString& login, const QHash<QString, QString>& displayNames);
    // login → display name of every user with one.
    static QHash<QString, QString> displayNames(const QList<User>& users);
    // The last moment of a local day: "on date D" means as things stood when D ended.
    static qint64 endOfDay(const QDate& day);
    static QString dash() { return QStringLiteral("—"); }
};

} // namespace assay
