#pragma once

#include "MlflowModelVersion.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace assay {

// A registered model of MLflow's registry, with its live versions (deleted ones are left out)
// and its aliases.
struct MlflowRegisteredModel {
    QString name;
    QString description;
    std::optional<qint64> createdAt;
    QMap<QString, QString> tags;
    QList<MlflowModelVersion> versions; // by version number
    QMap<QString, int> aliases;         // alias -> version
    QString location;
};

} // namespace assay
