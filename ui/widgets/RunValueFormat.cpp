#include "RunValueFormat.h"

#include <QDateTime>

#include <cmath>

namespace assay {

QString RunValueFormat::metric(double value) {
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("∞") : QStringLiteral("-∞");
    return QString::number(value, 'g', 4);
}

QString RunValueFormat::metricExact(double value) {
    if (!std::isfinite(value))
        return metric(value);
    return QString::number(value, 'g', 17);
}

QString RunValueFormat::duration(std::optional<qint64> startMs, std::optional<qint64> endMs) {
    if (!startMs || !endMs || *endMs < *startMs)
        return {};
    return duration(*endMs - *startMs);
}

QString RunValueFormat::duration(qint64 milliseconds) {
    constexpr qint64 second = 1000;
    constexpr qint64 minute = 60 * second;
    constexpr qint64 hour = 60 * minute;
    constexpr qint64 day = 24 * hour;
    const auto twoDigits = [](qint64 n) {
        return QStringLiteral("%1").arg(n, 2, 10, QLatin1Char('0'));
    };
    if (milliseconds < second)
        return QStringLiteral("%1 ms").arg(milliseconds);
    if (milliseconds < minute)
        return QStringLiteral("%1s").arg(milliseconds / second);
    if (milliseconds < hour)
        return QStringLiteral("%1m %2s")
            .arg(milliseconds / minute)
            .arg(twoDigits(milliseconds % minute / second));
    if (milliseconds < day)
        return QStringLiteral("%1h %2m")
            .arg(milliseconds / hour)
            .arg(twoDigits(milliseconds % hour / minute));
    return QStringLiteral("%1d %2h").arg(milliseconds / day).arg(milliseconds % day / hour);
}

QString RunValueFormat::dateTime(std::optional<qint64> msSinceEpoch) {
    if (!msSinceEpoch)
        return {};
    return QDateTime::fromMSecsSinceEpoch(*msSinceEpoch).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString RunValueFormat::dateTimeLong(std::optional<qint64> msSinceEpoch) {
    if (!msSinceEpoch)
        return {};
    return QDateTime::fromMSecsSinceEpoch(*msSinceEpoch).toString(Qt::ISODate);
}

QString RunValueFormat::statusLabel(const QString& statusName) {
    if (statusName.isEmpty())
        return {};
    return statusName.left(1).toUpper() + statusName.mid(1).toLower();
}

} // namespace assay
