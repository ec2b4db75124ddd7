#pragma once

#include "core/tracking/DatasetInput.h"
#include "core/tracking/MetricSeries.h"
#include "core/tracking/RunStatus.h"

#include <QList>
#include <QMap>
#include <QString>

#include <map>
#include <optional>

namespace assay {

// A run as an MLflow store holds it. The fields are MLflow's own (run_name, user_id,
// source_version, source_name); MlflowImporter maps the system tags (mlflow.runName,
// mlflow.user, mlflow.source.*, mlflow.parentRunId) onto Assay's run.
struct MlflowRun {
    QString uid; // MLflow's run id
    QString name;
    RunStatus status = RunStatus::Running;
    QString user;
    std::optional<qint64> startTime;
    std::optional<qint64> endTime;
    QString sourceVersion;
    QString sourceName;
    bool deleted = false;
    QMap<QString, QString> params;
    QMap<QString, QString> tags;
    // Each history in the store's own order: file lines, or table rows by rowid.
    std::map<QString, MetricSeries> metrics;
    QList<DatasetInput> inputs;
    QString location; // the run's folder or "database: run <id>", for messages
};

} // namespace assay
