#pragma once

#include <QString>

#include <optional>

namespace assay {

// How the runs table writes values, kept apart from the model so that the rules are testable
// and shared by later pages (run details, compare).
class RunValueFormat {
public:
    // Up to four significant digits; "NaN", "∞" and "-∞" for the IEEE specials.
    static QString metric(double value);
    // The value with all the digits a double holds, for tooltips and copying.
    static QString metricExact(double value);
    // "850 ms", "42s", "3m 12s", "2h 05m", "3d 4h"; empty when the run has not ended.
    static QString duration(std::optional<qint64> startMs, std::optional<qint64> endMs);
    static QString duration(qint64 milliseconds);
    // Local time, "2026-03-14 09:26"; empty without a time.
    static QString dateTime(std::optional<qint64> msSinceEpoch);
    // Local time with seconds and the UTC offset, for tooltips.
    static QString dateTimeLong(std::optional<qint64> msSinceEpoch);
    // "RUNNING" → "Running".
    static QString statusLabel(const QString& statusName);
};

} // namespace assay
