#pragma once

#include <QMap>
#include <QString>

#include <optional>

namespace assay {

// An experiment as an MLflow store holds it, read by an MlflowStoreReader.
struct MlflowExperiment {
    QString id; // MLflow's experiment id: the folder name, or experiments.experiment_id
    QString name;
    bool deleted = false; // lifecycle_stage deleted, or moved to mlruns/.trash
    std::optional<qint64> createdAt;
    QMap<QString, QString> tags;
    QString location; // the meta.yaml or database row it came from, for messages
    int runCount = 0; // run entries found, for progress; some may be skipped when read
};

} // namespace assay
