// Metric ingest and read-back: Assay's chunked series against MLflow's one-row-per-point table.
// Prints one JSON object. Not part of the timed test run:
// `build/release/tests/bench/assay_bench_metric_storage`.
//
// Both stores live on the same disk with the same pragmas (WAL, synchronous=NORMAL). The row table
// uses MLflow's own DDL and prepared inserts in one transaction through the SQLite C API, the
// fastest way to fill it, so the ratio flatters MLflow rather than us.
#include "BenchTiming.h"
#include "MlflowSchema.h"
#include "core/base/SqlQuery.h"
#include "core/tracking/MetricStore.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <sqlite3.h>
#include <vector>

using namespace assay;
using namespace assay::bench;

namespace {

constexpr int runCount = 1000;
constexpr int keysPerRun = 10;
constexpr int stepsPerSeries = 1000;
constexpr int longSeriesPoints = 1'000'000;
constexpr qint64 epoch = 1'760'000'000'000;

MetricSeries makeSeries(std::mt19937_64& rng, int points, int keyIndex) {
    std::normal_distribution<double> noise(0.0, 0.01);
    std::uniform_int_distribution<int> jitter(0, 40);
    MetricSeries series;
    series.reserve(static_cast<std::size_t>(points));
    for (int step = 0; step < points; ++step) {
        const double value = 0.1 + (1.0 + keyIndex) * std::exp(-step / 300.0) + noise(rng);
        series.append(step, epoch + step * 250LL + jitter(rng), value);
    }
    return series;
}

QString keyName(int k) {
    return QStringLiteral("metric_%1").arg(k);
}

class RowTable {
public:
    explicit RowTable(const QString& path) {
        check(sqlite3_open(path.toUtf8().constData(), &m_db), "open");
        exec("PRAGMA journal_mode=WAL");
        exec("PRAGMA synchronous=NORMAL");
        // All of MLflow's tables, as its SQL store creates them; the benchmark fills metrics.
        for (const QByteArray& statement : mlflowSchemaStatements())
            exec(statement.constData());
    }
    ~RowTable() { sqlite3_close(m_db); }
    RowTable(const RowTable&) = delete;
    RowTable& operator=(const RowTable&) = delete;

    void exec(const char* sql) { check(sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr), sql); }

    void check(int code, const char* what) {
        if (code != SQLITE_OK && code != SQLITE_DONE && code != SQLITE_ROW) {
            std::fprintf(stderr, "row table: %s: %s\n", what, sqlite3_errmsg(m_db));
            std::exit(1);
        }
    }

    void insert(const QByteArray& runUuid, const QByteArray& key, const MetricSeries& series) {
        if (!m_insert) {
            check(sqlite3_prepare_v2(
                      m_db,
                      "INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) VALUES (?, "
                      "?, ?, ?, ?, ?)",
                      -1, &m_insert, nullptr),
                  "prepare insert");
        }
        for (std::size_t i = 0; i < series.size(); ++i) {
            const bool isNan = std::isnan(series.values[i]);
            sqlite3_bind_text(m_insert, 1, key.constData(), static_cast<int>(key.size()), SQLITE_STATIC);
            sqlite3_bind_double(m_insert, 2, isNan ? 0.0 : series.values[i]);
            sqlite3_bind_int64(m_insert, 3, series.timestamps[i]);
            sqlite3_bind_text(m_insert, 4, runUuid.constData(), static_cast<int>(runUuid.size()),
                              SQLITE_STATIC);
            sqlite3_bind_int64(m_insert, 5, series.steps[i]);
            sqlite3_bind_int(m_insert, 6, isNan ? 1 : 0);
            check(sqlite3_step(m_insert), "insert");
            sqlite3_reset(m_insert);
        }
    }

    // What MLflow's get_metric_history reads: every point of one (run, key).
    MetricSeries read(const QByteArray& runUuid, const QByteArray& key) {
        sqlite3_stmt* select = nullptr;
        check(sqlite3_prepare_v2(
                  m_db,
                  "SELECT key, value, timestamp, step, is_nan FROM metrics WHERE run_uuid = ? AND key = ?",
                  -1, &select, nullptr),
              "prepare select");
        sqlite3_bind_text(select, 1, runUuid.constData(), static_cast<int>(runUuid.size()), SQLITE_STATIC);
        sqlite3_bind_text(select, 2, key.constData(), static_cast<int>(key.size()), SQLITE_STATIC);
        MetricSeries series;
        while (sqlite3_step(select) == SQLITE_ROW) {
            const double value =
                sqlite3_column_int(select, 4) ? std::nan("") : sqlite3_column_double(select, 1);
            series.append(sqlite3_column_int64(select, 3), sqlite3_column_int64(select, 2), value);
        }
        sqlite3_finalize(select);
        return series;
    }

    void finish() {
        sqlite3_finalize(m_insert);
        m_insert = nullptr;
    }

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_insert = nullptr;
};

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    std::mt19937_64 rng(42);

    // Generate first, so that both stores are timed on storage alone.
    std::vector<std::vector<MetricSeries>> data(runCount);
    for (auto& run : data) {
        for (int k = 0; k < keysPerRun; ++k)
            run.push_back(makeSeries(rng, stepsPerSeries, k));
    }
    const MetricSeries longSeries = makeSeries(rng, longSeriesPoints, 0);
    const double totalPoints = double(runCount) * keysPerRun * stepsPerSeries;

    WorkspaceOptions options;
    options.actor = QStringLiteral("bench");
    const auto workspace = Workspace::create(dir.filePath(QStringLiteral("bench.assay")), options);
    qint64 experimentId = 0;
    workspace->write([&](WriteTransaction& tx) {
        experimentId = Tracking::createExperiment(tx, QStringLiteral("bench"));
    });

    QElapsedTimer timer;
    timer.start();
    std::vector<qint64> runIds;
    for (const auto& run : data) {
        workspace->write([&](WriteTransaction& tx) {
            Run record;
            record.experimentId = experimentId;
            const qint64 runId = Tracking::createRun(tx, record);
            std::map<QString, MetricSeries> batch;
            for (int k = 0; k < keysPerRun; ++k)
                batch.emplace(keyName(k), run[static_cast<std::size_t>(k)]);
            MetricStore::log(tx, runId, batch);
            runIds.push_back(runId);
        });
    }
    const double assayIngest = secondsSince(timer);

    RowTable rows(dir.filePath(QStringLiteral("mlflow.db")));
    timer.restart();
    rows.exec("BEGIN");
    for (std::size_t r = 0; r < data.size(); ++r) {
        const QByteArray uuid = QByteArray::number(qulonglong(r)).rightJustified(32, '0');
        for (int k = 0; k < keysPerRun; ++k)
            rows.insert(uuid, keyName(k).toUtf8(), data[r][static_cast<std::size_t>(k)]);
    }
    rows.exec("COMMIT");
    const double rowIngest = secondsSince(timer);

    // Storage cost, measured on the 10 million points alone.
    SqlQuery::run(workspace->database(), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    const double chunkBytes =
        SqlQuery::scalar(workspace->database(), QStringLiteral("SELECT sum(length(data)) FROM metric_chunks"))
            .toDouble();
    const double fileBytes = double(QFileInfo(workspace->path()).size());

    // One 1,000,000-point series, read back both ways.
    qint64 longRun = 0;
    workspace->write([&](WriteTransaction& tx) {
        Run record;
        record.experimentId = experimentId;
        longRun = Tracking::createRun(tx, record);
        MetricStore::log(tx, longRun, {{QStringLiteral("long"), longSeries}});
    });
    rows.exec("BEGIN");
    rows.insert("long-run", "long", longSeries);
    rows.exec("COMMIT");
    rows.finish();

    const MetricStore store(*workspace);
    std::size_t assayRead = 0;
    std::size_t rowRead = 0;
    // Cold: a fresh series each time, paying the page faults of 24 MB of new memory. Warm: one
    // buffer reused, as a chart refetching on zoom does.
    const double assayReadMs =
        medianMs(7, [&] { assayRead = store.series(longRun, QStringLiteral("long")).size(); });
    MetricSeries buffer;
    const double assayWarmReadMs =
        medianMs(7, [&] { store.readSeries(longRun, QStringLiteral("long"), buffer); });
    const double rowReadMs = medianMs(3, [&] { rowRead = rows.read("long-run", "long").size(); });

    const double assayRate = totalPoints / assayIngest;
    const double rowRate = totalPoints / rowIngest;
    const QJsonObject result{
        {QStringLiteral("benchmark"), QStringLiteral("metric_storage")},
        {QStringLiteral("points_ingested"), totalPoints},
        {QStringLiteral("assay_ingest_s"), assayIngest},
        {QStringLiteral("assay_ingest_points_per_s"), assayRate},
        {QStringLiteral("mlflow_row_table_ingest_s"), rowIngest},
        {QStringLiteral("mlflow_row_table_points_per_s"), rowRate},
        {QStringLiteral("ingest_ratio"), assayRate / rowRate},
        {QStringLiteral("read_1m_series_points"), double(assayRead)},
        {QStringLiteral("assay_read_1m_ms"), assayReadMs},
        {QStringLiteral("mlflow_row_table_read_1m_ms"), rowReadMs},
        {QStringLiteral("mlflow_row_table_read_points"), double(rowRead)},
        {QStringLiteral("read_ratio"), rowReadMs / assayReadMs},
        {QStringLiteral("assay_read_1m_reused_buffer_ms"), assayWarmReadMs},
        {QStringLiteral("read_ratio_reused_buffer"), rowReadMs / assayWarmReadMs},
        {QStringLiteral("chunk_bytes_per_point"), chunkBytes / totalPoints},
        {QStringLiteral("workspace_file_bytes_per_point"), fileBytes / totalPoints},
        {QStringLiteral("targets_met"),
         QJsonObject{
             {QStringLiteral("ingest_5M_points_per_s"), assayRate >= 5e6},
             {QStringLiteral("ingest_10x_row_table"), assayRate / rowRate >= 10},
             {QStringLiteral("read_1m_within_30ms"), assayReadMs <= 30},
             {QStringLiteral("read_10x_row_table"), rowReadMs / assayReadMs >= 10},
             {QStringLiteral("read_10x_row_table_reused_buffer"), rowReadMs / assayWarmReadMs >= 10},
             {QStringLiteral("at_most_12_bytes_per_point"), fileBytes / totalPoints <= 12},
         }},
    };
    std::fputs(QJsonDocument(result).toJson(QJsonDocument::Indented).constData(), stdout);
    return 0;
}
