#pragma once

#include <QString>
#include <QTest>
#include <QtGlobal>

#include <cmath>
#include <limits>

namespace assay {
class Workspace;
}

namespace assay::test {

// Runs written through core's API for the ui tests. Run i of an experiment:
// - name "<prefix>-<i, 3 digits>", started i minutes after startMs, lasting i seconds;
// - status FAILED when i % 10 == 0, KILLED when 1, RUNNING (no end) when 2, else FINISHED;
// - params lr = 0.001 * (i % 17 + 1) and model = tree/linear; "depth" = i when withDepth;
// - metric "auc" = aucOf(i) (absent when i % 7 == 6; NaN, +inf, -inf for i = 3, 4, 5), and a
//   "loss" series of three points whose latest value is 1 / (i + 1).
void addRuns(Workspace& workspace, const QString& experiment, const QString& prefix, int count,
             qint64 startMs, bool withDepth);

inline bool hasAuc(int i) {
    return i % 7 != 6;
}

inline double aucOf(int i) {
    switch (i) {
    case 3:
        return std::numeric_limits<double>::quiet_NaN();
    case 4:
        return std::numeric_limits<double>::infinity();
    case 5:
        return -std::numeric_limits<double>::infinity();
    default:
        return (i * 37 % 101) / 100.0;
    }
}

// Waits (processing events) until condition() holds or timeoutMs passes; returns condition().
template <class Condition>
bool waitFor(Condition condition, int timeoutMs = 30'000) {
    return QTest::qWaitFor(condition, timeoutMs);
}

} // namespace assay::test
