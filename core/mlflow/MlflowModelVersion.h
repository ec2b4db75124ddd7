#pragma once

#include <QString>

#include <optional>

namespace assay {

// A version of a registered model as MLflow's registry holds it.
struct MlflowModelVersion {
    int version = 0;
    QString runUid; // empty when the version came from no run
    QString stage;  // "None", "Staging", "Production", "Archived"
    QString description;
    std::optional<qint64> createdAt;
    QString location;
};

} // namespace assay
