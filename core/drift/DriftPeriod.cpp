#include "DriftPeriod.h"

namespace assay {

QString driftPeriodName(DriftPeriod period) {
    switch (period) {
    case DriftPeriod::File:
        return QStringLiteral("file");
    case DriftPeriod::Day:
        return QStringLiteral("day");
    case DriftPeriod::Week:
        return QStringLiteral("week");
    case DriftPeriod::Month:
        return QStringLiteral("month");
    }
    return {};
}

std::optional<DriftPeriod> driftPeriodFromName(const QString& name) {
    for (const DriftPeriod period :
         {DriftPeriod::File, DriftPeriod::Day, DriftPeriod::Week, DriftPeriod::Month}) {
        if (driftPeriodName(period) == name)
            return period;
    }
    return std::nullopt;
}

DriftWindowSpan driftWindowSpan(DriftPeriod period, const QDate& date) {
    switch (period) {
    case DriftPeriod::Week: {
        int isoYear = 0;
        const int week = date.weekNumber(&isoYear);
        const QDate monday = date.addDays(1 - date.dayOfWeek());
        return {QStringLiteral("%1-W%2").arg(isoYear).arg(week, 2, 10, QLatin1Char('0')), monday,
                monday.addDays(6)};
    }
    case DriftPeriod::Month: {
        const QDate first(date.year(), date.month(), 1);
        return {first.toString(QStringLiteral("yyyy-MM")), first, first.addMonths(1).addDays(-1)};
    }
    case DriftPeriod::Day:
    case DriftPeriod::File:
        break;
    }
    return {date.toString(Qt::ISODate), date, date};
}

} // namespace assay
