#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

namespace assay::test {

// What an assay_shared_writer process did, printed by it as one JSON line and read back by the
// test: the writes that committed, by kind, each write's latency (from the call to write() to
// its return, commit included), and the error that stopped it, if one did.
struct SharedWriterReport {
    QString user;
    QString journal; // "WAL" or "rollback journal", as the workspace reported it
    int runs = 0;
    int points = 0;
    int tags = 0;
    int decisions = 0;
    int reads = 0;         // refreshes after another process's commit, as a GUI makes
    qint64 startedAt = 0;  // ms since the epoch, when the first write was called
    qint64 finishedAt = 0; // ms since the epoch, when the last one returned
    std::vector<qint64> latenciesUs;
    QString error; // the message of an AssayError that escaped; empty if none

    int writes() const { return runs + points + tags + decisions; }
    QByteArray toJson() const;
    // A report with an error saying so when line is not one.
    static SharedWriterReport fromJson(const QByteArray& line);
    // The value below which the given fraction of values lie (nearest rank); 0 for none.
    static qint64 percentile(std::vector<qint64> values, double fraction);
};

} // namespace assay::test
