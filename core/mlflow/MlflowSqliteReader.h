#pragma once

#include "MlflowStoreReader.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <initializer_list>
#include <optional>

namespace assay {

// An MLflow SQLite database at any alembic revision from MLflow 1.x to today. The tables'
// columns are looked up (PRAGMA table_info) and only those that exist are read, so a store
// from before steps, is_nan, run names, datasets or the registry reads as well as today's.
// The file is opened read-only and never changed; one that is not an MLflow store is refused.
class MlflowSqliteReader : public MlflowStoreReader {
public:
    explicit MlflowSqliteReader(const QString& path);
    ~MlflowSqliteReader() override;

    // The alembic revision, empty for a store without alembic_version.
    const QString& revision() const { return m_revision; }

    QString description() const override;
    QList<MlflowExperiment> experiments() override;
    void readRuns(const MlflowExperiment& experiment, const RunSink& sink) override;
    QList<MlflowRegisteredModel> registeredModels() override;

private:
    QStringList readTables(const QString& path);
    void requireMlflowColumns(const QString& path, const QStringList& tables) const;
    void readRevisionAndIndexes();
    // The runs of one experiment while their params, tags and inputs are added: in the order they
    // are handed on, each found by its MLflow id and matched to its rowid in the runs table.
    struct ExperimentRuns {
        QList<MlflowRun> runs;
        QList<qint64> rowids; // rowids[i] is that of runs[i]
        QHash<QString, qsizetype> indexOf;

        // Nothing for a run that was left out.
        MlflowRun* find(const QVariant& uid);
    };
    // The registered models while their tags, versions and aliases are added, each found by its
    // qualified name.
    struct RegisteredModels {
        QList<MlflowRegisteredModel> models;
        QHash<QString, qsizetype> indexOf;

        MlflowRegisteredModel* find(const QVariant& workspace, const QVariant& name);
    };

    bool hasTable(const QString& table) const { return m_columns.contains(table); }
    bool hasColumn(const QString& table, const QString& column) const;
    // The column as a select expression, or NULL where this revision lacks it.
    QString column(const QString& table, const QString& column, const QString& alias = {}) const;
    QSqlQuery select(const QString& sql, std::initializer_list<QVariant> values = {}) const;
    // The name an entity of an MLflow workspace other than the default one is imported under.
    static QString qualifiedName(const QVariant& workspace, const QString& name);
    // key, value (NULL for NaN), timestamp, step of the metrics table under alias.
    QString metricColumns(const QString& alias) const;
    void readMetricsOfRun(MlflowRun& run) const;
    void readMetricsOfExperiment(const MlflowExperiment& experiment,
                                 QHash<qint64, MlflowRun*>& byRowid) const;

    ExperimentRuns readRunRows(const MlflowExperiment& experiment);
    // Nothing, and a skipped item, for a run with a status MLflow does not have.
    std::optional<MlflowRun> runFromRow(const QSqlQuery& query);
    void readKeyValues(const QString& table, QMap<QString, QString> MlflowRun::*into,
                       const MlflowExperiment& experiment, ExperimentRuns& runs) const;
    void readDatasetInputs(const MlflowExperiment& experiment, ExperimentRuns& runs) const;
    // Hands on each run once its histories are read, then lets them go: they can be large. With
    // an index on run_uuid they are read run by run, so that only one run's are held at a time.
    void readMetricsAndHandOn(const MlflowExperiment& experiment, ExperimentRuns& runs,
                              const RunSink& sink) const;

    RegisteredModels readModelRows() const;
    void readModelTags(RegisteredModels& models) const;
    void readModelVersions(RegisteredModels& models) const;
    void readModelAliases(RegisteredModels& models) const;

    QString m_connectionName;
    QSqlDatabase m_db;
    QHash<QString, QSet<QString>> m_columns; // table -> columns
    QString m_revision;
    bool m_metricsIndexedByRun = false;
};

} // namespace assay
