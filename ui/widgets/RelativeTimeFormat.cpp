#include "RelativeTimeFormat.h"

#include <QCoreApplication>

namespace assay {
namespace {

QString count(qint64 n, const char* one, const char* many) {
    return n == 1 ? QCoreApplication::translate("RelativeTimeFormat", one)
                  : QCoreApplication::translate("RelativeTimeFormat", many).arg(n);
}

} // namespace

QString RelativeTimeFormat::elapsed(qint64 fromMs, qint64 nowMs) {
    constexpr qint64 minute = 60'000;
    constexpr qint64 hour = 60 * minute;
    constexpr qint64 day = 24 * hour;
    const qint64 span = nowMs - fromMs;
    if (span < minute)
        return QCoreApplication::translate("RelativeTimeFormat", "just now");
    if (span < hour)
        return count(span / minute, QT_TRANSLATE_NOOP("RelativeTimeFormat", "1 minute"),
                     QT_TRANSLATE_NOOP("RelativeTimeFormat", "%1 minutes"));
    if (span < day)
        return count(span / hour, QT_TRANSLATE_NOOP("RelativeTimeFormat", "1 hour"),
                     QT_TRANSLATE_NOOP("RelativeTimeFormat", "%1 hours"));
    if (span < 14 * day)
        return count(span / day, QT_TRANSLATE_NOOP("RelativeTimeFormat", "1 day"),
                     QT_TRANSLATE_NOOP("RelativeTimeFormat", "%1 days"));
    if (span < 60 * day)
        return count(span / (7 * day), QT_TRANSLATE_NOOP("RelativeTimeFormat", "1 week"),
                     QT_TRANSLATE_NOOP("RelativeTimeFormat", "%1 weeks"));
    if (span < 365 * day)
        return count(span / (30 * day), QT_TRANSLATE_NOOP("RelativeTimeFormat", "1 month"),
                     QT_TRANSLATE_NOOP("RelativeTimeFormat", "%1 months"));
    return count(span / (365 * day), QT_TRANSLATE_NOOP("RelativeTimeFormat", "1 year"),
                 QT_TRANSLATE_NOOP("RelativeTimeFormat", "%1 years"));
}

} // namespace assay
