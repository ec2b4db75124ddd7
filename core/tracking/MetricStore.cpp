#include "MetricStore.h"

#include "MetricChunkCodec.h"
#include "SeriesDownsampler.h"
#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>

namespace assay {
namespace {

struct ChunkStats {
    qint64 minStep = std::numeric_limits<qint64>::max();
    qint64 maxStep = std::numeric_limits<qint64>::min();
    std::optional<double> minValue;
    std::optional<double> maxValue;
};

ChunkStats statsOf(const MetricSeries& series, std::size_t begin, std::size_t end) {
    ChunkStats stats;
    for (std::size_t i = begin; i < end; ++i) {
        stats.minStep = std::min(stats.minStep, series.steps[i]);
        stats.maxStep = std::max(stats.maxStep, series.steps[i]);
        const double value = series.values[i];
        if (std::isnan(value))
            continue;
        stats.minValue = stats.minValue ? std::min(*stats.minValue, value) : value;
        stats.maxValue = stats.maxValue ? std::max(*stats.maxValue, value) : value;
    }
    return stats;
}

QVariant optionalReal(const std::optional<double>& value) {
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Double));
}

std::optional<double> readOptionalReal(const QVariant& value) {
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

MetricSummary readSummary(const QSqlQuery& query, int first) {
    MetricSummary summary;
    summary.key = query.value(first).toString();
    summary.latest = query.value(first + 2).toBool() ? std::numeric_limits<double>::quiet_NaN()
                                                     : query.value(first + 1).toDouble();
    summary.latestStep = query.value(first + 3).toLongLong();
    summary.latestTimestamp = query.value(first + 4).toLongLong();
    summary.min = readOptionalReal(query.value(first + 5));
    summary.max = readOptionalReal(query.value(first + 6));
    summary.count = query.value(first + 7).toLongLong();
    return summary;
}

const QString summaryColumns = QStringLiteral(
    "key, latest_value, latest_is_nan, latest_step, latest_timestamp, min_value, max_value, point_count");

void mergeInto(MetricSummary& summary, const MetricSeries& points, bool isNew) {
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double value = points.values[i];
        if (isNew && i == 0) {
            summary.latest = value;
            summary.latestStep = points.steps[i];
            summary.latestTimestamp = points.timestamps[i];
        } else if (MetricSummary::isLater(points.steps[i], points.timestamps[i], value, summary)) {
            summary.latest = value;
            summary.latestStep = points.steps[i];
            summary.latestTimestamp = points.timestamps[i];
        }
        if (!std::isnan(value)) {
            summary.min = summary.min ? std::min(*summary.min, value) : value;
            summary.max = summary.max ? std::max(*summary.max, value) : value;
        }
    }
    summary.count += static_cast<qint64>(points.size());
}

void writeChunk(WriteTransaction& tx, qint64 runId, const QString& key, qint64 seq,
                const MetricSeries& series, std::size_t begin, std::size_t end) {
    const ChunkStats stats = statsOf(series, begin, end);
    QSqlQuery& insert = tx.cached(QStringLiteral(
        "INSERT INTO metric_chunks (run_id, key, seq, point_count, min_step, max_step, min_value, max_value, "
        "data) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (run_id, key, seq) DO UPDATE SET point_count = excluded.point_count, "
        "min_step = excluded.min_step, max_step = excluded.max_step, min_value = excluded.min_value, "
        "max_value = excluded.max_value, data = excluded.data"));
    SqlQuery::bind(insert, runId);
    SqlQuery::bind(insert, key);
    SqlQuery::bind(insert, seq);
    SqlQuery::bind(insert, static_cast<qint64>(end - begin));
    SqlQuery::bind(insert, stats.minStep);
    SqlQuery::bind(insert, stats.maxStep);
    SqlQuery::bind(insert, optionalReal(stats.minValue));
    SqlQuery::bind(insert, optionalReal(stats.maxValue));
    SqlQuery::bind(insert, MetricChunkCodec::encode(series, begin, end));
    SqlQuery::exec(insert);
}

void writeSummary(WriteTransaction& tx, qint64 runId, const MetricSummary& summary) {
    QSqlQuery& upsert = tx.cached(QStringLiteral(
        "INSERT OR REPLACE INTO metric_summaries (run_id, key, latest_value, latest_is_nan, latest_step, "
        "latest_timestamp, min_value, max_value, point_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const bool latestIsNan = std::isnan(summary.latest);
    SqlQuery::bind(upsert, runId);
    SqlQuery::bind(upsert, summary.key);
    SqlQuery::bind(upsert, latestIsNan ? QVariant(QMetaType(QMetaType::Double)) : QVariant(summary.latest));
    SqlQuery::bind(upsert, latestIsNan ? 1 : 0);
    SqlQuery::bind(upsert, summary.latestStep);
    SqlQuery::bind(upsert, summary.latestTimestamp);
    SqlQuery::bind(upsert, optionalReal(summary.min));
    SqlQuery::bind(upsert, optionalReal(summary.max));
    SqlQuery::bind(upsert, summary.count);
    SqlQuery::exec(upsert);
}

// Decodes one chunk at a time into arrays that only ever grow to the largest chunk.
struct ChunkBuffer {
    std::vector<qint64> xs;
    std::vector<double> values;

    std::size_t decode(const QByteArray& chunk, SeriesWindow::Axis axis) {
        const std::size_t count = MetricChunkCodec::pointCount(chunk);
        if (xs.size() < count) {
            xs.resize(count);
            values.resize(count);
        }
        const bool byStep = axis == SeriesWindow::Axis::Step;
        return MetricChunkCodec::decodeInto(chunk, xs.size(), byStep ? xs.data() : nullptr,
                                            byStep ? nullptr : xs.data(), values.data());
    }
};

// The chunks that hold steps in [from, to], and the nearest chunk on either side for the points
// just outside the window.
const QString chunksInStepWindow = QStringLiteral(
    "SELECT data FROM metric_chunks WHERE run_id = ? AND key = ? AND ((max_step >= ? AND min_step <= ?) "
    "OR seq = (SELECT seq FROM metric_chunks WHERE run_id = ? AND key = ? AND max_step < ? "
    "ORDER BY max_step DESC, seq DESC LIMIT 1) "
    "OR seq = (SELECT seq FROM metric_chunks WHERE run_id = ? AND key = ? AND min_step > ? "
    "ORDER BY min_step, seq LIMIT 1)) ORDER BY seq");

DownsampledSeries downsampleBySteps(const QSqlDatabase& db, qint64 runId, const QString& key,
                                    const SeriesWindow& window) {
    QSqlQuery extent = SqlQuery::run(
        db,
        QStringLiteral("SELECT min(min_step), max(max_step) FROM metric_chunks WHERE run_id = ? AND key = ?"),
        {runId, key});
    if (!extent.next() || extent.value(0).isNull())
        return SeriesDownsampler(window, 0, 0).finish();
    SeriesDownsampler downsampler(window, extent.value(0).toDouble(), extent.value(1).toDouble());
    const double from = downsampler.from();
    const double to = downsampler.to();
    QSqlQuery chunks =
        SqlQuery::run(db, chunksInStepWindow, {runId, key, from, to, runId, key, from, runId, key, to});
    ChunkBuffer buffer;
    while (chunks.next()) {
        const std::size_t count = buffer.decode(chunks.value(0).toByteArray(), window.axis);
        downsampler.add(buffer.xs.data(), 0, buffer.values.data(), count);
    }
    return downsampler.finish();
}

struct TimeExtent {
    qint64 first = 0; // the timestamp of the first logged point: relative time counts from it
    qint64 low = std::numeric_limits<qint64>::max();
    qint64 high = std::numeric_limits<qint64>::min();
};

// Timestamps have no stored per-chunk bounds, so an open window costs a first pass; a closed one
// only needs the first chunk, for the origin of relative time.
std::optional<TimeExtent> timeExtent(const QSqlDatabase& db, qint64 runId, const QString& key, bool whole,
                                     ChunkBuffer& buffer) {
    QSqlQuery chunks = SqlQuery::run(
        db,
        QStringLiteral("SELECT data FROM metric_chunks WHERE run_id = ? AND key = ? ORDER BY seq") +
            (whole ? QString() : QStringLiteral(" LIMIT 1")),
        {runId, key});
    std::optional<TimeExtent> extent;
    while (chunks.next()) {
        const std::size_t count = buffer.decode(chunks.value(0).toByteArray(), SeriesWindow::Axis::WallTime);
        if (count == 0)
            continue;
        if (!extent)
            extent = TimeExtent{buffer.xs.front(), buffer.xs.front(), buffer.xs.front()};
        const auto [low, high] = std::minmax_element(buffer.xs.begin(), buffer.xs.begin() + count);
        extent->low = std::min(extent->low, *low);
        extent->high = std::max(extent->high, *high);
    }
    return extent;
}

DownsampledSeries downsampleByTime(const QSqlDatabase& db, qint64 runId, const QString& key,
                                   const SeriesWindow& window) {
    ChunkBuffer buffer;
    const std::optional<TimeExtent> extent = timeExtent(db, runId, key, !window.from || !window.to, buffer);
    if (!extent)
        return SeriesDownsampler(window, 0, 0).finish();
    const qint64 origin = window.axis == SeriesWindow::Axis::RelativeTime ? extent->first : 0;
    SeriesDownsampler downsampler(window, static_cast<double>(extent->low - origin),
                                  static_cast<double>(extent->high - origin));
    QSqlQuery chunks = SqlQuery::run(
        db, QStringLiteral("SELECT data FROM metric_chunks WHERE run_id = ? AND key = ? ORDER BY seq"),
        {runId, key});
    while (chunks.next()) {
        const std::size_t count = buffer.decode(chunks.value(0).toByteArray(), window.axis);
        downsampler.add(buffer.xs.data(), origin, buffer.values.data(), count);
    }
    return downsampler.finish();
}

} // namespace

void MetricStore::log(WriteTransaction& tx, qint64 runId,
                      const std::map<QString, MetricSeries>& seriesByKey) {
    QJsonObject counts;
    for (const auto& [key, points] : seriesByKey) {
        if (key.trimmed().isEmpty())
            throw AssayError(QStringLiteral("A metric key must not be empty."));
        if (points.empty())
            continue;
        append(tx, runId, key, points);
        counts.insert(key, static_cast<qint64>(points.size()));
    }
    if (counts.isEmpty())
        return;
    QSqlQuery& uid = tx.cached(QStringLiteral("SELECT uid FROM runs WHERE id = ?"));
    SqlQuery::bind(uid, runId);
    SqlQuery::exec(uid);
    if (!uid.next())
        throw AssayError(QStringLiteral("There is no run with id %1 to log metrics to.").arg(runId));
    const QString runUid = uid.value(0).toString();
    uid.finish();
    tx.audit(QStringLiteral("metrics.log"), QStringLiteral("run:") + runUid,
             {{QStringLiteral("points"), counts}});
    tx.changes().add(EntityKind::Metric, runId);
}

void MetricStore::append(WriteTransaction& tx, qint64 runId, const QString& key, const MetricSeries& points) {
    QSqlQuery& current = tx.cached(QStringLiteral("SELECT ") + summaryColumns +
                                   QStringLiteral(" FROM metric_summaries WHERE run_id = ? AND key = ?"));
    SqlQuery::bind(current, runId);
    SqlQuery::bind(current, key);
    SqlQuery::exec(current);
    const bool isNew = !current.next();
    MetricSummary summary = isNew ? MetricSummary{} : readSummary(current, 0);
    current.finish();
    summary.key = key;

    // Top up the last chunk before starting new ones, so that point-by-point logging does not
    // leave a trail of tiny chunks.
    MetricSeries pending;
    qint64 seq = 0;
    if (!isNew) {
        QSqlQuery& last = tx.cached(QStringLiteral("SELECT seq, point_count, data FROM metric_chunks "
                                                   "WHERE run_id = ? AND key = ? ORDER BY seq DESC LIMIT 1"));
        SqlQuery::bind(last, runId);
        SqlQuery::bind(last, key);
        SqlQuery::exec(last);
        if (last.next()) {
            seq = last.value(0).toLongLong();
            if (last.value(1).toULongLong() < MetricChunkCodec::chunkCapacity)
                MetricChunkCodec::decode(last.value(2).toByteArray(), pending);
            else
                ++seq;
        }
        last.finish();
    }
    pending.reserve(pending.size() + points.size());
    pending.steps.insert(pending.steps.end(), points.steps.begin(), points.steps.end());
    pending.timestamps.insert(pending.timestamps.end(), points.timestamps.begin(), points.timestamps.end());
    pending.values.insert(pending.values.end(), points.values.begin(), points.values.end());
    for (std::size_t begin = 0; begin < pending.size(); begin += MetricChunkCodec::chunkCapacity, ++seq)
        writeChunk(tx, runId, key, seq, pending, begin,
                   std::min(pending.size(), begin + MetricChunkCodec::chunkCapacity));

    mergeInto(summary, points, isNew);
    writeSummary(tx, runId, summary);
}

MetricSeries MetricStore::series(qint64 runId, const QString& key) const {
    MetricSeries series;
    readSeries(runId, key, series);
    return series;
}

void MetricStore::readSeries(qint64 runId, const QString& key, MetricSeries& into) const {
    QSqlQuery query =
        SqlQuery::run(m_workspace.database(),
                      QStringLiteral("SELECT data, point_count FROM metric_chunks WHERE run_id = ? AND "
                                     "key = ? ORDER BY seq"),
                      {runId, key});
    std::vector<QByteArray> chunks;
    std::size_t total = 0;
    while (query.next()) {
        chunks.push_back(query.value(0).toByteArray());
        total += query.value(1).toULongLong();
    }
    into.steps.clear();
    into.timestamps.clear();
    into.values.clear();
    into.reserve(total);
    for (const QByteArray& chunk : chunks)
        MetricChunkCodec::decode(chunk, into);
}

DownsampledSeries MetricStore::downsampled(qint64 runId, const QString& key,
                                           const SeriesWindow& window) const {
    return window.axis == SeriesWindow::Axis::Step
               ? downsampleBySteps(m_workspace.database(), runId, key, window)
               : downsampleByTime(m_workspace.database(), runId, key, window);
}

std::optional<MetricSummary> MetricStore::summary(qint64 runId, const QString& key) const {
    QSqlQuery query = SqlQuery::run(m_workspace.database(),
                                    QStringLiteral("SELECT ") + summaryColumns +
                                        QStringLiteral(" FROM metric_summaries WHERE run_id = ? AND key = ?"),
                                    {runId, key});
    if (!query.next())
        return std::nullopt;
    return readSummary(query, 0);
}

QList<MetricSummary> MetricStore::summaries(qint64 runId) const {
    QSqlQuery query =
        SqlQuery::run(m_workspace.database(),
                      QStringLiteral("SELECT ") + summaryColumns +
                          QStringLiteral(" FROM metric_summaries WHERE run_id = ? ORDER BY key"),
                      {runId});
    QList<MetricSummary> result;
    while (query.next())
        result.append(readSummary(query, 0));
    return result;
}

} // namespace assay
