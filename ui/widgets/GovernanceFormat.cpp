#include "GovernanceFormat.h"

#include <QDateTime>

namespace assay {

QString GovernanceFormat::date(std::optional<qint64> msSinceEpoch) {
    if (!msSinceEpoch)
        return {};
    return QDateTime::fromMSecsSinceEpoch(*msSinceEpoch).date().toString(Qt::ISODate);
}

QString GovernanceFormat::version(std::optional<int> version) {
    return version ? QStringLiteral("v%1").arg(*version) : dash();
}

QString GovernanceFormat::person(const QString& login, const QHash<QString, QString>& displayNames) {
    return displayNames.value(login, login);
}

QHash<QString, QString> GovernanceFormat::displayNames(const QList<User>& users) {
    QHash<QString, QString> names;
    for (const User& user : users) {
        if (!user.displayName.trimmed().isEmpty())
            names.insert(user.login, user.displayName.trimmed());
    }
    return names;
}

qint64 GovernanceFormat::endOfDay(const QDate& day) {
    return QDateTime(day.addDays(1), QTime(0, 0)).toMSecsSinceEpoch() - 1;
}

} // namespace assay
