#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace assay {
class Workspace;
}

namespace assay::test {

// What addDriftMonitor writes: churn-like data with six features (tenure, monthly_charges,
// support_calls, contract, region, age), a week per window from Monday 2026-01-05, and two
// features drifting from driftFromWeek on (1-based), more each week: monthly_charges (a key
// feature) moves up, contract moves towards month-to-month. Accuracy falls as they drift.
struct DriftScenario {
    QString name = QStringLiteral("production");
    int referenceRows = 400;
    int weeks = 4;
    int rowsPerWeek = 150;
    int driftFromWeek = 3;
    bool withPerformance = true;
    // Methods other than the default (feature → method), e.g. to mix p-values and distances.
    QMap<QString, QString> methods;
};

// Writes the CSV files into dir and makes the monitor on versionId through core (createFromFile,
// then one addFile per week); the workspace's actor needs a role that may. Returns its id.
qint64 addDriftMonitor(Workspace& workspace, const QString& dir, qint64 versionId,
                       const DriftScenario& scenario = {});

} // namespace assay::test
