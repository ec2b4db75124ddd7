#pragma once

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QTemporaryDir>

#include <random>

namespace assay {

class WriteTransaction;

// The demo's monitored production model: a drift monitor named "production" on a version, with
// 5,000 reference applications (income, utilization, debt_to_income, age, loan_amount,
// employment_type, the default outcome and the model's prediction), then twelve weekly windows of
// about 1,500 applications ending with the last complete week. Weeks 1-8 look like the reference;
// from week 9 income falls and utilization rises further each week, and accuracy slips. Income
// is a key feature, so the model ends "retraining recommended". The data is made with a fixed
// seed and goes through the same CSV reading and statistics as real files.
class DemoMonitoring {
public:
    static constexpr int weeks = 12;
    static constexpr int driftFromWeek = 9;

    DemoMonitoring();

    // As tx's current (replayed) actor and time.
    qint64 createMonitor(WriteTransaction& tx, qint64 versionId);
    // Each week's file added by actor on the Monday after it, at 06:00 UTC, or a few minutes after
    // notBefore for the weeks that ended before the monitor existed (a backfill).
    void addWeeks(WriteTransaction& tx, qint64 monitorId, const QString& actor, qint64 notBefore, qint64 now);

private:
    QByteArray applications(int count, int week, const QDate& monday);

    QTemporaryDir m_dir;
    std::mt19937 m_rng;
};

} // namespace assay
