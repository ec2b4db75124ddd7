#pragma once

#include "AliasChange.h"
#include "ModelVersion.h"
#include "ModelVersionRef.h"
#include "RegisteredModel.h"

#include <QList>
#include <QMap>

#include <optional>

namespace assay {

class Workspace;
class WriteTransaction;

// Registered models, their versions (each linked to the run it came from), aliases and the
// history of every alias move.
class Registry {
public:
    explicit Registry(const Workspace& workspace)
        : m_workspace(workspace) {}

    // The optional times are when the fact happened (an imported or replayed history); the audit
    // event always carries the time of the write itself.
    static qint64 createModel(WriteTransaction& tx, const QString& name, const QString& description = {},
                              std::optional<qint64> createdAt = {});
    // Registers the next version of the model from a run; returns the new version number.
    static int createVersion(WriteTransaction& tx, qint64 modelId, std::optional<qint64> runId,
                             const QString& description = {}, std::optional<qint64> createdAt = {});
    // Registers a version under the number it carries elsewhere: an imported registry keeps its
    // numbering, gaps included. Refuses a number the model has already.
    static void createNumberedVersion(WriteTransaction& tx, qint64 modelId, int version,
                                      std::optional<qint64> runId, const QString& stage,
                                      const QString& description = {}, std::optional<qint64> createdAt = {});
    // MLflow's stages: "None", "Staging", "Production", "Archived".
    static void setStage(WriteTransaction& tx, qint64 modelId, int version, const QString& stage);
    // A data scientist registers a run as the next version of a model, creating the model when
    // it is new; the version's model card starts as a copy of the previous version's.
    static ModelVersionRef registerRun(WriteTransaction& tx, const QString& modelName, qint64 runId,
                                       const QString& description = {});
    // The owner must be a user of the workspace; an admin or a data scientist may name owners.
    static void setOwners(WriteTransaction& tx, qint64 modelId, const QString& owner,
                          const QString& businessOwner);
    static void setPrimaryMetric(WriteTransaction& tx, qint64 modelId, const QString& metricKey,
                                 bool higherIsBetter);
    static void setModelTags(WriteTransaction& tx, qint64 modelId, const QMap<QString, QString>& tags);
    // Points alias at version (moving it from its previous holder) and records the move.
    static void setAlias(WriteTransaction& tx, qint64 modelId, const QString& alias, int version,
                         const QString& reason = {}, std::optional<qint64> changedAt = {});
    static void removeAlias(WriteTransaction& tx, qint64 modelId, const QString& alias,
                            const QString& reason = {});

    QList<RegisteredModel> models() const;
    std::optional<RegisteredModel> modelByName(const QString& name) const;
    std::optional<RegisteredModel> model(qint64 modelId) const;
    std::optional<ModelVersion> version(qint64 modelId, int version) const;
    std::optional<ModelVersion> versionById(qint64 versionId) const;
    QMap<QString, QString> modelTags(qint64 modelId) const;
    QList<ModelVersion> versions(qint64 modelId) const;
    // The versions registered from a run, by model name then version.
    QList<ModelVersionRef> versionsOfRun(qint64 runId) const;
    std::optional<int> aliasVersion(qint64 modelId, const QString& alias) const;
    // Every alias the model has had, current or since removed, sorted by name.
    QStringList aliasNames(qint64 modelId) const;
    QList<AliasChange> aliasHistory(qint64 modelId, const QString& alias) const;
    // The version the alias pointed at, at the given moment (ms since the epoch).
    std::optional<int> aliasVersionAt(qint64 modelId, const QString& alias, qint64 at) const;

private:
    const Workspace& m_workspace;
};

} // namespace assay
