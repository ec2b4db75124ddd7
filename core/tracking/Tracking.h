#pragma once

#include "Attachment.h"
#include "DatasetInput.h"
#include "Experiment.h"
#include "Run.h"

#include <QList>
#include <QMap>
#include <QStringList>

#include <optional>

namespace assay {

class Workspace;
class WriteTransaction;

// Experiments, runs, params, tags, dataset inputs and attachments. Writes take the caller's
// WriteTransaction, so that one user action is one transaction however many records it touches;
// each write records its own audit event.
class Tracking {
public:
    explicit Tracking(const Workspace& workspace)
        : m_workspace(workspace) {}

    // createdAt is when the experiment came to be (an imported history); the audit event always
    // carries the time of the write itself.
    static qint64 createExperiment(WriteTransaction& tx, const QString& name, const QString& description = {},
                                   std::optional<qint64> createdAt = {});
    // Marks the experiment deleted (hidden with its runs by default) or active again.
    static void setExperimentDeleted(WriteTransaction& tx, qint64 experimentId, bool deleted);
    static void setExperimentTags(WriteTransaction& tx, qint64 experimentId,
                                  const QMap<QString, QString>& tags);
    // The experiment's id, creating it first when there is none of that name.
    static qint64 ensureExperiment(WriteTransaction& tx, const QString& name);
    // Inserts run (its id is ignored; an empty uid gets a fresh one) and returns the new id.
    static qint64 createRun(WriteTransaction& tx, const Run& run);
    static void setRunStatus(WriteTransaction& tx, qint64 runId, RunStatus status,
                             std::optional<qint64> endTime);
    // Brings the stored run run.id to run's attributes (name, status, user, times, source, parent,
    // deleted; uid and experiment stay) and records one run.update event listing what changed.
    // Returns false, writing nothing, when nothing differs.
    static bool updateRun(WriteTransaction& tx, const Run& run);
    // Params are immutable, as in MLflow: logging a different value for a key that is there
    // already is refused; the same value again is accepted.
    static void logParams(WriteTransaction& tx, qint64 runId, const QMap<QString, QString>& params);
    static void setTags(WriteTransaction& tx, qint64 runId, const QMap<QString, QString>& tags);
    static void logInputs(WriteTransaction& tx, qint64 runId, const QList<DatasetInput>& inputs);
    static qint64 attach(WriteTransaction& tx, qint64 runId, const QString& name, const QString& mediaType,
                         const QByteArray& content);
    static QString newRunUid();

    QList<Experiment> experiments() const;
    std::optional<Experiment> experimentByName(const QString& name) const;
    QMap<QString, QString> experimentTags(qint64 experimentId) const;
    std::optional<Run> run(qint64 runId) const;
    std::optional<Run> runByUid(const QString& uid) const;
    QList<Run> runs(qint64 experimentId) const;
    QMap<QString, QString> params(qint64 runId) const;
    QMap<QString, QString> tags(qint64 runId) const;
    QList<DatasetInput> inputs(qint64 runId) const;
    QList<Attachment> attachments(qint64 runId) const;
    QByteArray attachmentContent(qint64 attachmentId) const;

private:
    std::optional<Run> runWhere(const QString& condition, const QVariant& value) const;

    const Workspace& m_workspace;
};

} // namespace assay
