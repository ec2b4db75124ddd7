#pragma once

#include "core/drift/DriftMonitor.h"

#include <QJsonObject>
#include <QString>

namespace assay::cli {

// A drift monitor as drift monitor and drift rules show it: what it compares against, how data
// becomes windows, and each feature's method, threshold and key flag.
class DriftMonitorReport {
public:
    // "Monitor "production" on churn v2: reference ref.csv (5000 rows), windows by week of "date", accuracy."
    static QString heading(const DriftMonitor& monitor);
    static QString featuresTable(const DriftMonitor& monitor);
    static QJsonObject json(const DriftMonitor& monitor);
};

} // namespace assay::cli
