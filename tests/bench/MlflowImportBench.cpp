// Importing MLflow stores: 10,000 runs x 5 metrics x 100 steps (5 million points) as a file store
// (mlruns/) and as an SQLite database made with MLflow's newest DDL, each imported into a fresh
// workspace, then imported again (which must add nothing). Prints one JSON object. Not part of
// the timed test run: `build/release/tests/bench/assay_bench_mlflow_import`.
//
// Targets (issue 4): the file store in 15 s or less, the database in 10 s or less. The database
// is built from latest_schema.sql alone, which has no index on metrics.run_uuid (databases that
// MLflow migrated have one): the slower of the importer's two ways of reading metrics.
#include "MlflowSchema.h"
#include "core/base/SqlQuery.h"
#include "core/mlflow/MlflowImporter.h"
#include "core/workspace/Workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <sqlite3.h>

using namespace assay;

namespace {

constexpr int runCount = 10'000;
constexpr int stepsPerMetric = 100;
constexpr qint64 epoch = 1'700'000'000'000;
const char* const metricKeys[] = {"loss", "val_loss", "accuracy", "val_accuracy", "learning_rate"};
constexpr int metricCount = 5;

void fail(const QString& what) {
    std::fprintf(stderr, "assay_bench_mlflow_import: %s\n", what.toLocal8Bit().constData());
    std::exit(1);
}

QString runUid(int run) {
    return QStringLiteral("%1").arg(run, 32, 16, QLatin1Char('0'));
}

// The same data for both stores: run r, metric k, step s.
double valueAt(std::mt19937_64& rng, int k, int step) {
    std::normal_distribution<double> noise(0.0, 0.01);
    const double decay = std::exp(-step / 30.0);
    switch (k) {
    case 0:
    case 1:
        return 0.1 + (1.0 + k) * decay + noise(rng);
    case 2:
    case 3:
        return 0.95 - 0.5 * decay + noise(rng);
    default:
        return 0.001 * decay;
    }
}

qint64 timestampAt(int run, int step) {
    return epoch + run * 60'000LL + step * 250LL;
}

void writeFile(const QString& path, const QByteArray& content) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        fail(QStringLiteral("cannot write ") + path);
}

QString makeFileStore(const QString& root) {
    std::mt19937_64 rng(20261123);
    const QString experiment = root + QStringLiteral("/1");
    QDir().mkpath(root + QStringLiteral("/.trash"));
    QDir().mkpath(root + QStringLiteral("/0"));
    writeFile(
        root + QStringLiteral("/0/meta.yaml"),
        "artifact_location: file:///bench/0\nexperiment_id: '0'\nlifecycle_stage: active\nname: Default\n");
    QDir().mkpath(experiment);
    writeFile(experiment + QStringLiteral("/meta.yaml"),
              "artifact_location: file:///bench/1\ncreation_time: 1700000000000\nexperiment_id: '1'\n"
              "last_update_time: 1700000000000\nlifecycle_stage: active\nname: sweep\n");
    for (int run = 0; run < runCount; ++run) {
        const QString uid = runUid(run);
        const QString folder = experiment + QLatin1Char('/') + uid;
        for (const char* sub : {"/metrics", "/params", "/tags"})
            QDir().mkpath(folder + QLatin1String(sub));
        writeFile(
            folder + QStringLiteral("/meta.yaml"),
            QStringLiteral("artifact_uri: file:///bench/1/%1/artifacts\nend_time: %3\nentry_point_name: ''\n"
                           "experiment_id: '1'\nlifecycle_stage: active\nrun_id: %1\nrun_name: run-%4\n"
                           "run_uuid: %1\nsource_name: ''\nsource_type: 4\nsource_version: ''\n"
                           "start_time: %2\nstatus: 3\ntags: []\nuser_id: bench\n")
                .arg(uid)
                .arg(timestampAt(run, 0))
                .arg(timestampAt(run, stepsPerMetric))
                .arg(run)
                .toUtf8());
        writeFile(folder + QStringLiteral("/params/learning_rate"),
                  QByteArray::number(0.001 * (1 + run % 10)));
        writeFile(folder + QStringLiteral("/params/batch_size"), QByteArray::number(32 << (run % 4)));
        writeFile(folder + QStringLiteral("/params/optimizer"), run % 2 ? "adam" : "sgd");
        writeFile(folder + QStringLiteral("/tags/mlflow.user"), "bench");
        writeFile(folder + QStringLiteral("/tags/mlflow.source.name"), "train.py");
        writeFile(folder + QStringLiteral("/tags/mlflow.runName"),
                  QStringLiteral("run-%1").arg(run).toUtf8());
        writeFile(folder + QStringLiteral("/tags/mlflow.source.git.commit"), "0123456789abcdef");
        for (int k = 0; k < metricCount; ++k) {
            QByteArray lines;
            lines.reserve(stepsPerMetric * 40);
            for (int step = 0; step < stepsPerMetric; ++step) {
                lines += QByteArray::number(timestampAt(run, step));
                lines += ' ';
                lines += QByteArray::number(valueAt(rng, k, step), 'g', 17);
                lines += ' ';
                lines += QByteArray::number(step);
                lines += '\n';
            }
            writeFile(folder + QStringLiteral("/metrics/") + QLatin1String(metricKeys[k]), lines);
        }
    }
    return root;
}

class Database {
public:
    explicit Database(const QString& path) {
        if (sqlite3_open(path.toUtf8().constData(), &m_db) != SQLITE_OK)
            fail(QStringLiteral("cannot create ") + path);
    }
    ~Database() { sqlite3_close(m_db); }
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(const QByteArray& sql) {
        char* message = nullptr;
        if (sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, &message) != SQLITE_OK)
            fail(QStringLiteral("%1 (in %2)").arg(QString::fromUtf8(message), QString::fromUtf8(sql)));
    }
    sqlite3_stmt* prepare(const char* sql) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(m_db, sql, -1, &statement, nullptr) != SQLITE_OK)
            fail(QStringLiteral("cannot prepare %1").arg(QLatin1String(sql)));
        return statement;
    }
    void step(sqlite3_stmt* statement) {
        if (sqlite3_step(statement) != SQLITE_DONE)
            fail(QString::fromUtf8(sqlite3_errmsg(m_db)));
        sqlite3_reset(statement);
    }

private:
    sqlite3* m_db = nullptr;
};

void bindText(sqlite3_stmt* statement, int index, const QByteArray& text) {
    sqlite3_bind_text(statement, index, text.constData(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

QString makeDatabase(const QString& path) {
    Database db(path);
    for (const QByteArray& statement : assay::bench::mlflowSchemaStatements())
        db.exec(statement);
    db.exec("BEGIN");
    db.exec(
        "INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, "
        "last_update_time) VALUES (0, 'Default', 'x', 'active', 1700000000000, 1700000000000), "
        "(1, 'sweep', 'x', 'active', 1700000000000, 1700000000000)");
    sqlite3_stmt* run = db.prepare("INSERT INTO runs (run_uuid, name, source_type, source_name, "
                                   "entry_point_name, user_id, status, start_time, "
                                   "end_time, source_version, lifecycle_stage, artifact_uri, experiment_id) "
                                   "VALUES (?, ?, 'LOCAL', '', '', "
                                   "'bench', 'FINISHED', ?, ?, '', 'active', '', 1)");
    sqlite3_stmt* param = db.prepare("INSERT INTO params (key, value, run_uuid) VALUES (?, ?, ?)");
    sqlite3_stmt* tag = db.prepare("INSERT INTO tags (key, value, run_uuid) VALUES (?, ?, ?)");
    sqlite3_stmt* metric = db.prepare(
        "INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) VALUES (?, ?, ?, ?, ?, 0)");
    std::mt19937_64 rng(20261123);
    for (int r = 0; r < runCount; ++r) {
        const QByteArray uid = runUid(r).toLatin1();
        bindText(run, 1, uid);
        bindText(run, 2, QStringLiteral("run-%1").arg(r).toUtf8());
        sqlite3_bind_int64(run, 3, timestampAt(r, 0));
        sqlite3_bind_int64(run, 4, timestampAt(r, stepsPerMetric));
        db.step(run);
        const std::pair<QByteArray, QByteArray> params[] = {
            {"learning_rate", QByteArray::number(0.001 * (1 + r % 10))},
            {"batch_size", QByteArray::number(32 << (r % 4))},
            {"optimizer", r % 2 ? "adam" : "sgd"}};
        for (const auto& [key, value] : params) {
            bindText(param, 1, key);
            bindText(param, 2, value);
            bindText(param, 3, uid);
            db.step(param);
        }
        const std::pair<QByteArray, QByteArray> tags[] = {
            {"mlflow.user", "bench"},
            {"mlflow.source.name", "train.py"},
            {"mlflow.runName", QStringLiteral("run-%1").arg(r).toUtf8()},
            {"mlflow.source.git.commit", "0123456789abcdef"}};
        for (const auto& [key, value] : tags) {
            bindText(tag, 1, key);
            bindText(tag, 2, value);
            bindText(tag, 3, uid);
            db.step(tag);
        }
        for (int k = 0; k < metricCount; ++k) {
            for (int s = 0; s < stepsPerMetric; ++s) {
                sqlite3_bind_text(metric, 1, metricKeys[k], -1, SQLITE_STATIC);
                sqlite3_bind_double(metric, 2, valueAt(rng, k, s));
                sqlite3_bind_int64(metric, 3, timestampAt(r, s));
                bindText(metric, 4, uid);
                sqlite3_bind_int64(metric, 5, s);
                db.step(metric);
            }
        }
    }
    for (sqlite3_stmt* statement : {run, param, tag, metric})
        sqlite3_finalize(statement);
    db.exec("COMMIT");
    return path;
}

QJsonObject importTwice(const QString& source, const QString& workspacePath, double generateSeconds,
                        double targetSeconds) {
    WorkspaceOptions options;
    options.actor = QStringLiteral("bench");
    const auto workspace = Workspace::create(workspacePath, options);
    QElapsedTimer timer;
    timer.start();
    const MlflowImportSummary first = MlflowImporter::importStore(*workspace, source);
    const double importSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    timer.restart();
    const MlflowImportSummary second = MlflowImporter::importStore(*workspace, source);
    const double reimportSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const qint64 points =
        SqlQuery::scalar(workspace->database(), QStringLiteral("SELECT sum(point_count) FROM metric_chunks"))
            .toLongLong();
    if (first.runsAdded != runCount || first.pointsAdded != points ||
        points != qint64{runCount} * metricCount * stepsPerMetric || !first.skipped.isEmpty())
        fail(QStringLiteral("%1: imported %2 runs and %3 points, %4 skipped")
                 .arg(source)
                 .arg(first.runsAdded)
                 .arg(first.pointsAdded)
                 .arg(first.skipped.size()));
    if (second.runsAdded + second.runsUpdated != 0 || second.pointsAdded != 0)
        fail(QStringLiteral("%1: importing again changed something").arg(source));
    const qint64 events =
        SqlQuery::scalar(workspace->database(), QStringLiteral("SELECT count(*) FROM audit_log"))
            .toLongLong();
    return {{QStringLiteral("generate_s"), generateSeconds},
            {QStringLiteral("import_s"), importSeconds},
            {QStringLiteral("target_s"), targetSeconds},
            {QStringLiteral("within_target"), importSeconds <= targetSeconds},
            {QStringLiteral("points_per_s"), static_cast<double>(points) / importSeconds},
            {QStringLiteral("reimport_s"), reimportSeconds},
            {QStringLiteral("audit_events"), events}};
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    if (!dir.isValid())
        fail(QStringLiteral("no temporary folder"));

    QElapsedTimer timer;
    timer.start();
    const QString fileStore = makeFileStore(dir.filePath(QStringLiteral("mlruns")));
    const double fileStoreSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    timer.restart();
    const QString database = makeDatabase(dir.filePath(QStringLiteral("mlflow.db")));
    const double databaseSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;

    const QJsonObject result{
        {QStringLiteral("runs"), runCount},
        {QStringLiteral("metrics_per_run"), metricCount},
        {QStringLiteral("steps_per_metric"), stepsPerMetric},
        {QStringLiteral("points"), qint64{runCount} * metricCount * stepsPerMetric},
        {QStringLiteral("file_store"),
         importTwice(fileStore, dir.filePath(QStringLiteral("from-files.assay")), fileStoreSeconds, 15.0)},
        {QStringLiteral("sqlite"),
         importTwice(database, dir.filePath(QStringLiteral("from-sqlite.assay")), databaseSeconds, 10.0)},
    };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Indented).constData());
    return 0;
}
