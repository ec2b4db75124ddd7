#include "MlflowSqliteReader.h"

#include "core/base/AssayError.h"

#include <QSqlError>

#include <atomic>
#include <cmath>
#include <limits>
#include <utility>

namespace assay {
namespace {

QString uniqueConnectionName() {
    static std::atomic<int> counter{0};
    return QStringLiteral("assay-mlflow-source-%1").arg(++counter);
}

QString quoted(const QString& identifier) {
    QString escaped = identifier;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

std::optional<qint64> optionalInt(const QVariant& value) {
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

// MLflow's SQL store keeps NaN as 0 with is_nan = 1 (the queries below turn those into NULL),
// and, as SQL has no infinity, +inf and -inf as the largest finite doubles. The values logged
// are given back.
double metricValue(const QVariant& value) {
    if (value.isNull())
        return std::numeric_limits<double>::quiet_NaN();
    const double number = value.toDouble();
    if (number == std::numeric_limits<double>::max())
        return std::numeric_limits<double>::infinity();
    if (number == std::numeric_limits<double>::lowest())
        return -std::numeric_limits<double>::infinity();
    return number;
}

// Restricts a query of params or tags to the runs of the experiment bound to it.
const QString ofExperimentRuns =
    QStringLiteral(" WHERE run_uuid IN (SELECT run_uuid FROM runs WHERE experiment_id = ?)");

// The tables and columns every MLflow tracking database has had since the SQL store began.
const char* const requiredColumns[] = {
    "experiments.experiment_id",
    "experiments.name",
    "runs.run_uuid",
    "runs.experiment_id",
    "metrics.key",
    "metrics.value",
    "metrics.timestamp",
    "metrics.run_uuid",
    "params.key",
    "params.value",
    "params.run_uuid",
    "tags.key",
    "tags.value",
    "tags.run_uuid",
};

} // namespace

MlflowSqliteReader::MlflowSqliteReader(const QString& path)
    : MlflowStoreReader(path)
    , m_connectionName(uniqueConnectionName()) {
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    // Read-only: the source is never changed, whatever it turns out to be.
    m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
    try {
        if (!m_db.open())
            throw AssayError(
                QStringLiteral("Cannot open %1 as an SQLite database: %2. The file was not changed.")
                    .arg(path, m_db.lastError().text()));
        const QStringList tables = readTables(path);
        requireMlflowColumns(path, tables);
        readRevisionAndIndexes();
    } catch (...) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        throw;
    }
}

// Every table and its columns, so that later reads can ask which columns this store's MLflow
// version has.
QStringList MlflowSqliteReader::readTables(const QString& path) {
    QStringList tables;
    {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")))
            throw AssayError(
                QStringLiteral("Cannot read %1 as an SQLite database: %2. The file was not changed.")
                    .arg(path, query.lastError().text()));
        while (query.next())
            tables << query.value(0).toString();
    }
    for (const QString& table : tables) {
        QSqlQuery info = select(QStringLiteral("PRAGMA table_info(%1)").arg(quoted(table)));
        QSet<QString>& columns = m_columns[table];
        while (info.next())
            columns.insert(info.value(1).toString());
    }
    return tables;
}

// Refuses, before anything is read, a database that lacks a column the reads below rely on.
void MlflowSqliteReader::requireMlflowColumns(const QString& path, const QStringList& tables) const {
    QStringList missing;
    for (const char* required : requiredColumns) {
        const QString name = QLatin1String(required);
        if (!hasColumn(name.section(QLatin1Char('.'), 0, 0), name.section(QLatin1Char('.'), 1)))
            missing << name;
    }
    if (!missing.isEmpty())
        throw AssayError(
            QStringLiteral("%1 is not an MLflow tracking database: it has no %2 (its tables: %3). The "
                           "file was not changed.")
                .arg(path, missing.join(QStringLiteral(", ")),
                     tables.isEmpty() ? QStringLiteral("none") : tables.join(QStringLiteral(", "))));
}

// The alembic revision, and whether metrics can be read run by run through an index on run_uuid.
void MlflowSqliteReader::readRevisionAndIndexes() {
    if (hasTable(QStringLiteral("alembic_version"))) {
        QSqlQuery revision = select(QStringLiteral("SELECT version_num FROM alembic_version"));
        if (revision.next())
            m_revision = revision.value(0).toString();
    }
    QSqlQuery indexes = select(QStringLiteral("PRAGMA index_list(metrics)"));
    QStringList indexNames;
    while (indexes.next())
        indexNames << indexes.value(1).toString();
    for (const QString& index : indexNames) {
        QSqlQuery info = select(QStringLiteral("PRAGMA index_info(%1)").arg(quoted(index)));
        if (info.next() && info.value(0).toInt() == 0 &&
            info.value(2).toString() == QLatin1String("run_uuid"))
            m_metricsIndexedByRun = true;
    }
}

MlflowSqliteReader::~MlflowSqliteReader() {
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString MlflowSqliteReader::description() const {
    return m_revision.isEmpty()
               ? QStringLiteral("MLflow SQLite database")
               : QStringLiteral("MLflow SQLite database (schema revision %1)").arg(m_revision);
}

bool MlflowSqliteReader::hasColumn(const QString& table, const QString& column) const {
    const auto found = m_columns.constFind(table);
    return found != m_columns.cend() && found->contains(column);
}

QString MlflowSqliteReader::column(const QString& table, const QString& name, const QString& alias) const {
    if (!hasColumn(table, name))
        return QStringLiteral("NULL");
    return (alias.isEmpty() ? QString() : alias + QLatin1Char('.')) + quoted(name);
}

QSqlQuery MlflowSqliteReader::select(const QString& sql, std::initializer_list<QVariant> values) const {
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        throw AssayError(
            QStringLiteral("Cannot read %1: %2 (in: %3)").arg(path(), query.lastError().text(), sql));
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        throw AssayError(
            QStringLiteral("Cannot read %1: %2 (in: %3)").arg(path(), query.lastError().text(), sql));
    return query;
}

QString MlflowSqliteReader::qualifiedName(const QVariant& workspace, const QString& name) {
    const QString space = workspace.toString();
    return space.isEmpty() || space == QLatin1String("default") ? name : space + QLatin1Char('/') + name;
}

QList<MlflowExperiment> MlflowSqliteReader::experiments() {
    const QString experiments = QStringLiteral("experiments");
    QHash<QString, int> runCounts;
    {
        QSqlQuery counts =
            select(QStringLiteral("SELECT experiment_id, count(*) FROM runs GROUP BY experiment_id"));
        while (counts.next())
            runCounts.insert(counts.value(0).toString(), counts.value(1).toInt());
    }
    QHash<QString, QMap<QString, QString>> tags;
    if (hasColumn(QStringLiteral("experiment_tags"), QStringLiteral("experiment_id"))) {
        QSqlQuery query = select(QStringLiteral("SELECT experiment_id, key, value FROM experiment_tags"));
        while (query.next())
            tags[query.value(0).toString()].insert(query.value(1).toString(), query.value(2).toString());
    }
    QSqlQuery query = select(
        QStringLiteral("SELECT experiment_id, name, %1, %2, %3 FROM experiments ORDER BY (%1 = 'deleted'), "
                       "experiment_id")
            .arg(column(experiments, QStringLiteral("lifecycle_stage")),
                 column(experiments, QStringLiteral("creation_time")),
                 column(experiments, QStringLiteral("workspace"))));
    QList<MlflowExperiment> result;
    while (query.next()) {
        MlflowExperiment experiment;
        experiment.id = query.value(0).toString();
        experiment.location = QStringLiteral("%1: experiment %2").arg(path(), experiment.id);
        if (query.value(1).toString().trimmed().isEmpty()) {
            skip(experiment.location,
                 QStringLiteral("the experiment has no name; it and its runs were left out"));
            continue;
        }
        experiment.name = qualifiedName(query.value(4), query.value(1).toString());
        experiment.deleted = query.value(2).toString() == QLatin1String("deleted");
        experiment.createdAt = optionalInt(query.value(3));
        experiment.tags = tags.value(experiment.id);
        experiment.runCount = runCounts.value(experiment.id);
        result.append(experiment);
    }
    return result;
}

MlflowRun* MlflowSqliteReader::ExperimentRuns::find(const QVariant& uid) {
    const auto found = indexOf.constFind(uid.toString());
    return found == indexOf.cend() ? nullptr : &runs[*found];
}

void MlflowSqliteReader::readRuns(const MlflowExperiment& experiment, const RunSink& sink) {
    ExperimentRuns runs = readRunRows(experiment);
    readKeyValues(QStringLiteral("params"), &MlflowRun::params, experiment, runs);
    readKeyValues(QStringLiteral("tags"), &MlflowRun::tags, experiment, runs);
    readDatasetInputs(experiment, runs);
    readMetricsAndHandOn(experiment, runs, sink);
}

MlflowSqliteReader::ExperimentRuns MlflowSqliteReader::readRunRows(const MlflowExperiment& experiment) {
    const QString runsTable = QStringLiteral("runs");
    ExperimentRuns result;
    QSqlQuery query = select(
        QStringLiteral(
            "SELECT run_uuid, %1, %2, %3, %4, %5, %6, %7, %8, rowid FROM runs WHERE experiment_id = ? "
            "ORDER BY %4, run_uuid")
            .arg(column(runsTable, QStringLiteral("name")), column(runsTable, QStringLiteral("user_id")),
                 column(runsTable, QStringLiteral("status")), column(runsTable, QStringLiteral("start_time")),
                 column(runsTable, QStringLiteral("end_time")),
                 column(runsTable, QStringLiteral("source_version")),
                 column(runsTable, QStringLiteral("source_name")),
                 column(runsTable, QStringLiteral("lifecycle_stage"))),
        {experiment.id});
    while (query.next()) {
        std::optional<MlflowRun> run = runFromRow(query);
        if (!run)
            continue;
        result.indexOf.insert(run->uid, result.runs.size());
        result.rowids.append(query.value(9).toLongLong());
        result.runs.append(std::move(*run));
    }
    return result;
}

std::optional<MlflowRun> MlflowSqliteReader::runFromRow(const QSqlQuery& query) {
    MlflowRun run;
    run.uid = query.value(0).toString();
    run.location = QStringLiteral("%1: run %2").arg(path(), run.uid);
    run.name = query.value(1).toString();
    run.user = query.value(2).toString();
    if (!query.value(3).isNull()) {
        const std::optional<RunStatus> status = runStatusFromName(query.value(3).toString());
        if (!status) {
            skip(run.location, QStringLiteral("unknown run status \"%1\"; the run was left out")
                                   .arg(query.value(3).toString()));
            return std::nullopt;
        }
        run.status = *status;
    }
    run.startTime = optionalInt(query.value(4));
    run.endTime = optionalInt(query.value(5));
    run.sourceVersion = query.value(6).toString();
    run.sourceName = query.value(7).toString();
    run.deleted = query.value(8).toString() == QLatin1String("deleted");
    return run;
}

// params and tags have the same shape, each in its own table.
void MlflowSqliteReader::readKeyValues(const QString& table, QMap<QString, QString> MlflowRun::*into,
                                       const MlflowExperiment& experiment, ExperimentRuns& runs) const {
    QSqlQuery rows = select(QStringLiteral("SELECT run_uuid, key, value FROM ") + table + ofExperimentRuns,
                            {experiment.id});
    while (rows.next()) {
        if (MlflowRun* run = runs.find(rows.value(0)))
            (run->*into).insert(rows.value(1).toString(), rows.value(2).toString());
    }
}

void MlflowSqliteReader::readDatasetInputs(const MlflowExperiment& experiment, ExperimentRuns& runs) const {
    const QString inputs = QStringLiteral("inputs");
    const QString datasets = QStringLiteral("datasets");
    if (!hasColumn(inputs, QStringLiteral("source_id")) ||
        !hasColumn(datasets, QStringLiteral("dataset_uuid")))
        return; // a store from before datasets
    const QString context =
        hasColumn(QStringLiteral("input_tags"), QStringLiteral("input_uuid"))
            ? QStringLiteral("(SELECT t.value FROM input_tags t WHERE t.input_uuid = i.input_uuid AND "
                             "t.name = 'mlflow.data.context')")
            : QStringLiteral("NULL");
    QSqlQuery query =
        select(QStringLiteral("SELECT i.destination_id, %1, %2, %3, %4 FROM inputs i JOIN datasets d "
                              "ON d.dataset_uuid = i.source_id WHERE i.source_type = 'DATASET' AND "
                              "i.destination_type = 'RUN' AND d.experiment_id = ? ORDER BY %1, %2")
                   .arg(column(datasets, QStringLiteral("name"), QStringLiteral("d")),
                        column(datasets, QStringLiteral("digest"), QStringLiteral("d")),
                        column(datasets, QStringLiteral("dataset_source"), QStringLiteral("d")), context),
               {experiment.id});
    while (query.next()) {
        if (MlflowRun* run = runs.find(query.value(0))) {
            run->inputs.append({query.value(1).toString(), query.value(2).toString(),
                                query.value(3).toString(), query.value(4).toString()});
        }
    }
}

void MlflowSqliteReader::readMetricsAndHandOn(const MlflowExperiment& experiment, ExperimentRuns& runs,
                                              const RunSink& sink) const {
    if (m_metricsIndexedByRun) {
        for (MlflowRun& run : runs.runs) {
            readMetricsOfRun(run);
            sink(run);
            run = MlflowRun();
        }
        return;
    }
    QHash<qint64, MlflowRun*> byRowid;
    for (qsizetype i = 0; i < runs.runs.size(); ++i)
        byRowid.insert(runs.rowids[i], &runs.runs[i]);
    readMetricsOfExperiment(experiment, byRowid);
    for (MlflowRun& run : runs.runs) {
        sink(run);
        run = MlflowRun(); // the histories can be large: let each go once it is imported
    }
}

QString MlflowSqliteReader::metricColumns(const QString& alias) const {
    const QString metrics = QStringLiteral("metrics");
    const auto of = [&](const char* name) {
        return column(metrics, QLatin1String(name), alias);
    };
    // Stores from before steps read as step 0 (a NULL step reads as 0), as MLflow reads them.
    return QStringLiteral("%1, CASE WHEN %2 THEN NULL ELSE %3 END, %4, %5")
        .arg(of("key"), of("is_nan"), of("value"), of("timestamp"), of("step"));
}

void MlflowSqliteReader::readMetricsOfRun(MlflowRun& run) const {
    QSqlQuery query = select(QStringLiteral("SELECT %1 FROM metrics m WHERE m.run_uuid = ? ORDER BY m.rowid")
                                 .arg(metricColumns(QStringLiteral("m"))),
                             {run.uid});
    MetricSeries* series = nullptr;
    QString currentKey;
    while (query.next()) {
        const QString key = query.value(0).toString();
        if (!series || key != currentKey) {
            series = &run.metrics[key];
            currentKey = key;
        }
        series->append(query.value(3).toLongLong(), query.value(2).toLongLong(), metricValue(query.value(1)));
    }
}

void MlflowSqliteReader::readMetricsOfExperiment(const MlflowExperiment& experiment,
                                                 QHash<qint64, MlflowRun*>& byRowid) const {
    // Without an index on run_uuid (MLflow 1.x databases), one pass over the table in row order
    // is far cheaper than a lookup per run. CROSS JOIN keeps metrics the outer loop; the run is
    // fetched as its rowid, which reads much faster than its 32-character id.
    QSqlQuery query =
        select(QStringLiteral("SELECT r.rowid, %1 FROM metrics m CROSS JOIN runs r ON r.run_uuid = "
                              "m.run_uuid WHERE r.experiment_id = ? ORDER BY m.rowid")
                   .arg(metricColumns(QStringLiteral("m"))),
               {experiment.id});
    qint64 currentRun = -1;
    QString currentKey;
    MetricSeries* series = nullptr;
    while (query.next()) {
        const qint64 rowid = query.value(0).toLongLong();
        const QString key = query.value(1).toString();
        if (!series || rowid != currentRun || key != currentKey) {
            MlflowRun* run = byRowid.value(rowid);
            currentRun = rowid;
            currentKey = key;
            series = run ? &run->metrics[key] : nullptr;
        }
        if (series) // else a run left out for a bad status
            series->append(query.value(4).toLongLong(), query.value(3).toLongLong(),
                           metricValue(query.value(2)));
    }
}

MlflowRegisteredModel* MlflowSqliteReader::RegisteredModels::find(const QVariant& workspace,
                                                                  const QVariant& name) {
    const auto found = indexOf.constFind(qualifiedName(workspace, name.toString()));
    return found == indexOf.cend() ? nullptr : &models[*found];
}

QList<MlflowRegisteredModel> MlflowSqliteReader::registeredModels() {
    if (!hasColumn(QStringLiteral("registered_models"), QStringLiteral("name")))
        return {}; // a store from before the model registry
    RegisteredModels models = readModelRows();
    readModelTags(models);
    readModelVersions(models);
    readModelAliases(models);
    return std::move(models.models);
}

MlflowSqliteReader::RegisteredModels MlflowSqliteReader::readModelRows() const {
    const QString models = QStringLiteral("registered_models");
    RegisteredModels result;
    QSqlQuery query = select(QStringLiteral("SELECT name, %1, %2, %3 FROM registered_models ORDER BY name")
                                 .arg(column(models, QStringLiteral("description")),
                                      column(models, QStringLiteral("creation_time")),
                                      column(models, QStringLiteral("workspace"))));
    while (query.next()) {
        MlflowRegisteredModel model;
        model.name = qualifiedName(query.value(3), query.value(0).toString());
        model.description = query.value(1).toString();
        model.createdAt = optionalInt(query.value(2));
        model.location = QStringLiteral("%1: registered model %2").arg(path(), model.name);
        result.indexOf.insert(model.name, result.models.size());
        result.models.append(model);
    }
    return result;
}

void MlflowSqliteReader::readModelTags(RegisteredModels& models) const {
    const QString tags = QStringLiteral("registered_model_tags");
    if (!hasColumn(tags, QStringLiteral("name")))
        return;
    QSqlQuery query = select(QStringLiteral("SELECT name, key, value, %1 FROM registered_model_tags")
                                 .arg(column(tags, QStringLiteral("workspace"))));
    while (query.next()) {
        if (MlflowRegisteredModel* model = models.find(query.value(3), query.value(0)))
            model->tags.insert(query.value(1).toString(), query.value(2).toString());
    }
}

void MlflowSqliteReader::readModelVersions(RegisteredModels& models) const {
    const QString versions = QStringLiteral("model_versions");
    if (!hasColumn(versions, QStringLiteral("version")))
        return;
    QSqlQuery query = select(
        QStringLiteral("SELECT name, version, %1, %2, %3, %4, %5 FROM model_versions ORDER BY name, version")
            .arg(column(versions, QStringLiteral("run_id")),
                 column(versions, QStringLiteral("current_stage")),
                 column(versions, QStringLiteral("description")),
                 column(versions, QStringLiteral("creation_time")),
                 column(versions, QStringLiteral("workspace"))));
    while (query.next()) {
        MlflowRegisteredModel* model = models.find(query.value(6), query.value(0));
        // A deleted version keeps its row with this stage; it is not part of the registry.
        if (!model || query.value(3).toString() == QLatin1String("Deleted_Internal"))
            continue;
        MlflowModelVersion version;
        version.version = query.value(1).toInt();
        version.runUid = query.value(2).toString();
        version.stage = query.value(3).isNull() ? QStringLiteral("None") : query.value(3).toString();
        version.description = query.value(4).toString();
        version.createdAt = optionalInt(query.value(5));
        version.location =
            QStringLiteral("%1: model %2 version %3").arg(path(), model->name).arg(version.version);
        model->versions.append(version);
    }
}

void MlflowSqliteReader::readModelAliases(RegisteredModels& models) const {
    const QString aliases = QStringLiteral("registered_model_aliases");
    if (!hasColumn(aliases, QStringLiteral("alias")))
        return;
    QSqlQuery query = select(QStringLiteral("SELECT name, alias, version, %1 FROM registered_model_aliases")
                                 .arg(column(aliases, QStringLiteral("workspace"))));
    while (query.next()) {
        if (MlflowRegisteredModel* model = models.find(query.value(3), query.value(0)))
            model->aliases.insert(query.value(1).toString(), query.value(2).toInt());
    }
}

} // namespace assay
