#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace assay {

// A registered version of a model, made from a run.
struct ModelVersion {
    qint64 id = 0;
    qint64 modelId = 0;
    int version = 0;
    std::optional<qint64> runId;
    QString runUid;
    QString description;
    QString stage;
    qint64 createdAt = 0;
    QString createdBy;
    QStringList aliases;
    QString runUser; // who created the source run: segregation of duties keeps them from approving
};

} // namespace assay
