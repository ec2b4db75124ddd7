#pragma once

#include "DownsampledSeries.h"
#include "MetricSeries.h"
#include "MetricSummary.h"
#include "SeriesWindow.h"

#include <QList>
#include <QString>

#include <map>
#include <optional>

namespace assay {

class Workspace;
class WriteTransaction;

// Metric series stored as chunks (DESIGN §3) with a per-(run, key) summary kept up to date on
// every append.
class MetricStore {
public:
    explicit MetricStore(const Workspace& workspace)
        : m_workspace(workspace) {}

    // Appends points to each (run, key) series and records one audit event for the batch.
    static void log(WriteTransaction& tx, qint64 runId, const std::map<QString, MetricSeries>& seriesByKey);

    MetricSeries series(qint64 runId, const QString& key) const;
    // Reads into `into`, replacing its points but keeping its capacity: a chart that refetches
    // on every zoom reuses one buffer instead of faulting in fresh pages each time.
    void readSeries(qint64 runId, const QString& key, MetricSeries& into) const;
    // The series reduced for a chart (SeriesDownsampler), read chunk by chunk through one small
    // buffer: a million points cost their decoding, not 24 MB of fresh memory. With x = step,
    // chunks wholly outside the window are not read (their step bounds are stored); a zoomed
    // window comes back at full resolution once it holds no more than 4 points per pixel. With
    // a time axis every chunk is read, twice when the window has an open end.
    DownsampledSeries downsampled(qint64 runId, const QString& key, const SeriesWindow& window) const;
    std::optional<MetricSummary> summary(qint64 runId, const QString& key) const;
    QList<MetricSummary> summaries(qint64 runId) const;

private:
    static void append(WriteTransaction& tx, qint64 runId, const QString& key, const MetricSeries& points);

    const Workspace& m_workspace;
};

} // namespace assay
