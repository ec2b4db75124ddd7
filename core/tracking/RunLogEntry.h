#pragma once

#include "DatasetInput.h"
#include "MetricSeries.h"
#include "RunStatus.h"

#include <QList>
#include <QMap>
#include <QString>

#include <map>
#include <optional>

namespace assay {

// One parsed line of a JSON-lines run log (the format is in docs/cli.md, "Logging runs").
struct RunLogEntry {
    int line = 0;
    QString experiment;
    QString runUid; // empty: a new run with a fresh uid
    std::optional<QString> name;
    std::optional<RunStatus> status;
    std::optional<QString> user;
    std::optional<qint64> startTime;
    std::optional<qint64> endTime;
    std::optional<QString> sourceCommit;
    std::optional<QString> sourceName;
    std::optional<QString> parentRunUid;
    QMap<QString, QString> params;
    QMap<QString, QString> tags;
    std::map<QString, MetricSeries> metrics;
    QList<DatasetInput> inputs;
};

} // namespace assay
