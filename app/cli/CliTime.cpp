#include "CliTime.h"

#include <QDateTime>
#include <QTimeZone>

namespace assay::cli {

QString CliTime::date(qint64 msSinceEpoch) {
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, QTimeZone::utc()).date().toString(Qt::ISODate);
}

QString CliTime::timestamp(qint64 msSinceEpoch) {
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC).toString(Qt::ISODate); // ends in Z
}

QJsonValue CliTime::json(std::optional<qint64> msSinceEpoch) {
    return msSinceEpoch ? QJsonValue(timestamp(*msSinceEpoch)) : QJsonValue(QJsonValue::Null);
}

} // namespace assay::cli
