#pragma once

#include "RunStatus.h"

#include <QString>

#include <optional>

namespace assay {

// A tracked run. uid is Assay's own (or MLflow's run id, for imported runs).
struct Run {
    qint64 id = 0;
    QString uid;
    qint64 experimentId = 0;
    QString name;
    RunStatus status = RunStatus::Running;
    QString user;
    std::optional<qint64> startTime; // ms since the Unix epoch
    std::optional<qint64> endTime;
    QString sourceCommit;
    QString sourceName;
    std::optional<qint64> parentRunId;
    bool deleted = false;
};

} // namespace assay
