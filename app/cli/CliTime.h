#pragma once

#include <QJsonValue>
#include <QString>

#include <optional>

namespace assay::cli {

// Times as the CLI writes them: ISO 8601 in UTC, as `runs --format json` does, so that output
// from machines in different time zones compares.
class CliTime {
public:
    static QString date(qint64 msSinceEpoch);      // 2026-05-01
    static QString timestamp(qint64 msSinceEpoch); // 2026-05-01T09:30:00Z
    // The timestamp, or null when there is no time.
    static QJsonValue json(std::optional<qint64> msSinceEpoch);
};

} // namespace assay::cli
