#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace assay {

// How a monitor cuts current data into windows: one window per file, or by the calendar date of
// a timestamp column (ISO weeks start on Monday).
enum class DriftPeriod { File, Day, Week, Month };

QString driftPeriodName(DriftPeriod period); // file, day, week, month
std::optional<DriftPeriod> driftPeriodFromName(const QString& name);

// The calendar window a date falls in: "2026-03-02", "2026-W10" or "2026-03".
struct DriftWindowSpan {
    QString label;
    QDate first;
    QDate last;
};

DriftWindowSpan driftWindowSpan(DriftPeriod period, const QDate& date);

} // namespace assay
