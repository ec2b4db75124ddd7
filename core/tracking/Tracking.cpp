#include "Tracking.h"

#include "RunRecord.h"
#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

namespace assay {
namespace {

QVariant nullableInt(const std::optional<qint64>& value) {
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::LongLong));
}

QString runEntity(WriteTransaction& tx, qint64 runId) {
    QSqlQuery& query = tx.cached(QStringLiteral("SELECT uid FROM runs WHERE id = ?"));
    SqlQuery::bind(query, runId);
    SqlQuery::exec(query);
    if (!query.next())
        throw AssayError(QStringLiteral("There is no run with id %1.").arg(runId));
    const QString uid = query.value(0).toString();
    query.finish();
    return QStringLiteral("run:") + uid;
}

QJsonValue jsonInt(const std::optional<qint64>& value) {
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QString experimentEntity(WriteTransaction& tx, qint64 experimentId) {
    QSqlQuery& query = tx.cached(QStringLiteral("SELECT name FROM experiments WHERE id = ?"));
    SqlQuery::bind(query, experimentId);
    SqlQuery::exec(query);
    if (!query.next())
        throw AssayError(QStringLiteral("There is no experiment with id %1.").arg(experimentId));
    const QString name = query.value(0).toString();
    query.finish();
    return QStringLiteral("experiment:") + name;
}

QJsonObject toJson(const QMap<QString, QString>& map) {
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QMap<QString, QString> keyValues(const Workspace& workspace, const QString& table, qint64 runId) {
    QSqlQuery query =
        SqlQuery::run(workspace.database(),
                      QStringLiteral("SELECT key, value FROM %1 WHERE run_id = ?").arg(table), {runId});
    QMap<QString, QString> result;
    while (query.next())
        result.insert(query.value(0).toString(), query.value(1).toString());
    return result;
}

} // namespace

QString Tracking::newRunUid() {
    return QUuid::createUuid().toString(QUuid::Id128);
}

qint64 Tracking::createExperiment(WriteTransaction& tx, const QString& name, const QString& description,
                                  std::optional<qint64> createdAt) {
    if (name.trimmed().isEmpty())
        throw AssayError(QStringLiteral("An experiment needs a name."));
    QSqlQuery& exists = tx.cached(QStringLiteral("SELECT 1 FROM experiments WHERE name = ?"));
    SqlQuery::bind(exists, name);
    SqlQuery::exec(exists);
    const bool taken = exists.next();
    exists.finish();
    if (taken)
        throw AssayError(QStringLiteral("An experiment named \"%1\" exists already.").arg(name));
    const qint64 id = tx.insert(
        QStringLiteral(
            "INSERT INTO experiments (name, description, created_at, created_by) VALUES (?, ?, ?, ?)"),
        {name, description, createdAt.value_or(tx.now()), tx.actor()});
    tx.audit(QStringLiteral("experiment.create"), QStringLiteral("experiment:") + name,
             {{QStringLiteral("name"), name}, {QStringLiteral("description"), description}});
    tx.changes().add(EntityKind::Experiment, id);
    return id;
}

void Tracking::setExperimentDeleted(WriteTransaction& tx, qint64 experimentId, bool deleted) {
    const QString entity = experimentEntity(tx, experimentId);
    tx.run(QStringLiteral("UPDATE experiments SET lifecycle = ? WHERE id = ?"),
           {deleted ? QStringLiteral("deleted") : QStringLiteral("active"), experimentId});
    tx.audit(deleted ? QStringLiteral("experiment.delete") : QStringLiteral("experiment.restore"), entity,
             {});
    tx.changes().add(EntityKind::Experiment, experimentId);
}

void Tracking::setExperimentTags(WriteTransaction& tx, qint64 experimentId,
                                 const QMap<QString, QString>& tags) {
    if (tags.isEmpty())
        return;
    const QString entity = experimentEntity(tx, experimentId);
    QSqlQuery& upsert = tx.cached(QStringLiteral(
        "INSERT OR REPLACE INTO experiment_tags (experiment_id, key, value) VALUES (?, ?, ?)"));
    for (auto it = tags.cbegin(); it != tags.cend(); ++it) {
        if (it.key().trimmed().isEmpty())
            throw AssayError(QStringLiteral("A tag key must not be empty."));
        SqlQuery::bind(upsert, experimentId);
        SqlQuery::bind(upsert, it.key());
        SqlQuery::bind(upsert, it.value());
        SqlQuery::exec(upsert);
    }
    tx.audit(QStringLiteral("experiment.tags.set"), entity, {{QStringLiteral("tags"), toJson(tags)}});
    tx.changes().add(EntityKind::Experiment, experimentId);
}

qint64 Tracking::ensureExperiment(WriteTransaction& tx, const QString& name) {
    QSqlQuery& find = tx.cached(QStringLiteral("SELECT id FROM experiments WHERE name = ?"));
    SqlQuery::bind(find, name);
    SqlQuery::exec(find);
    const std::optional<qint64> id =
        find.next() ? std::optional<qint64>(find.value(0).toLongLong()) : std::nullopt;
    find.finish();
    return id ? *id : createExperiment(tx, name);
}

qint64 Tracking::createRun(WriteTransaction& tx, const Run& run) {
    const QString uid = run.uid.isEmpty() ? newRunUid() : run.uid;
    const qint64 id = tx.insert(
        QStringLiteral(
            "INSERT INTO runs (uid, experiment_id, name, status, user, start_time, end_time, "
            "source_commit, source_name, parent_run_id, lifecycle) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {uid, run.experimentId, run.name, runStatusName(run.status), run.user, nullableInt(run.startTime),
         nullableInt(run.endTime), run.sourceCommit, run.sourceName, nullableInt(run.parentRunId),
         run.deleted ? QStringLiteral("deleted") : QStringLiteral("active")});
    tx.audit(QStringLiteral("run.create"), QStringLiteral("run:") + uid,
             {{QStringLiteral("experiment_id"), run.experimentId},
              {QStringLiteral("name"), run.name},
              {QStringLiteral("status"), runStatusName(run.status)},
              {QStringLiteral("user"), run.user},
              {QStringLiteral("source_commit"), run.sourceCommit}});
    tx.changes().add(EntityKind::Run, id);
    return id;
}

void Tracking::setRunStatus(WriteTransaction& tx, qint64 runId, RunStatus status,
                            std::optional<qint64> endTime) {
    const QString entity = runEntity(tx, runId);
    tx.run(QStringLiteral("UPDATE runs SET status = ?, end_time = COALESCE(?, end_time) WHERE id = ?"),
           {runStatusName(status), nullableInt(endTime), runId});
    tx.audit(QStringLiteral("run.status"), entity,
             {{QStringLiteral("status"), runStatusName(status)},
              {QStringLiteral("end_time"), endTime.value_or(0)}});
    tx.changes().add(EntityKind::Run, runId);
}

bool Tracking::updateRun(WriteTransaction& tx, const Run& run) {
    QSqlQuery& current = tx.cached(QStringLiteral("SELECT ") + RunRecord::columns() +
                                   QStringLiteral(" FROM runs WHERE id = ?"));
    SqlQuery::bind(current, run.id);
    SqlQuery::exec(current);
    if (!current.next())
        throw AssayError(QStringLiteral("There is no run with id %1.").arg(run.id));
    const Run stored = RunRecord::read(current);
    current.finish();

    QJsonObject changed;
    if (stored.name != run.name)
        changed.insert(QStringLiteral("name"), run.name);
    if (stored.status != run.status)
        changed.insert(QStringLiteral("status"), runStatusName(run.status));
    if (stored.user != run.user)
        changed.insert(QStringLiteral("user"), run.user);
    if (stored.startTime != run.startTime)
        changed.insert(QStringLiteral("start_time"), jsonInt(run.startTime));
    if (stored.endTime != run.endTime)
        changed.insert(QStringLiteral("end_time"), jsonInt(run.endTime));
    if (stored.sourceCommit != run.sourceCommit)
        changed.insert(QStringLiteral("source_commit"), run.sourceCommit);
    if (stored.sourceName != run.sourceName)
        changed.insert(QStringLiteral("source_name"), run.sourceName);
    if (stored.parentRunId != run.parentRunId)
        changed.insert(QStringLiteral("parent_run_id"), jsonInt(run.parentRunId));
    if (stored.deleted != run.deleted)
        changed.insert(QStringLiteral("lifecycle"),
                       run.deleted ? QStringLiteral("deleted") : QStringLiteral("active"));
    if (changed.isEmpty())
        return false;

    QSqlQuery& update = tx.cached(
        QStringLiteral("UPDATE runs SET name = ?, status = ?, user = ?, start_time = ?, end_time = ?, "
                       "source_commit = ?, source_name = ?, parent_run_id = ?, lifecycle = ? WHERE id = ?"));
    for (const QVariant& value :
         {QVariant(run.name), QVariant(runStatusName(run.status)), QVariant(run.user),
          nullableInt(run.startTime), nullableInt(run.endTime), QVariant(run.sourceCommit),
          QVariant(run.sourceName), nullableInt(run.parentRunId),
          QVariant(run.deleted ? QStringLiteral("deleted") : QStringLiteral("active")), QVariant(run.id)})
        SqlQuery::bind(update, value);
    SqlQuery::exec(update);
    tx.audit(QStringLiteral("run.update"), QStringLiteral("run:") + stored.uid, changed);
    tx.changes().add(EntityKind::Run, run.id);
    return true;
}

void Tracking::logParams(WriteTransaction& tx, qint64 runId, const QMap<QString, QString>& params) {
    if (params.isEmpty())
        return;
    const QString entity = runEntity(tx, runId);
    QSqlQuery& existing = tx.cached(QStringLiteral("SELECT value FROM params WHERE run_id = ? AND key = ?"));
    QSqlQuery& insert =
        tx.cached(QStringLiteral("INSERT OR IGNORE INTO params (run_id, key, value) VALUES (?, ?, ?)"));
    for (auto it = params.cbegin(); it != params.cend(); ++it) {
        if (it.key().trimmed().isEmpty())
            throw AssayError(QStringLiteral("A param key must not be empty."));
        SqlQuery::bind(existing, runId);
        SqlQuery::bind(existing, it.key());
        SqlQuery::exec(existing);
        if (existing.next() && existing.value(0).toString() != it.value()) {
            const QString old = existing.value(0).toString();
            existing.finish();
            throw AssayError(
                QStringLiteral("Param \"%1\" of %2 is \"%3\" already; params cannot change (got \"%4\").")
                    .arg(it.key(), entity, old, it.value()));
        }
        existing.finish();
        SqlQuery::bind(insert, runId);
        SqlQuery::bind(insert, it.key());
        SqlQuery::bind(insert, it.value());
        SqlQuery::exec(insert);
    }
    tx.audit(QStringLiteral("params.log"), entity, {{QStringLiteral("params"), toJson(params)}});
    tx.changes().add(EntityKind::Param, runId);
}

void Tracking::setTags(WriteTransaction& tx, qint64 runId, const QMap<QString, QString>& tags) {
    if (tags.isEmpty())
        return;
    const QString entity = runEntity(tx, runId);
    QSqlQuery& upsert =
        tx.cached(QStringLiteral("INSERT OR REPLACE INTO tags (run_id, key, value) VALUES (?, ?, ?)"));
    for (auto it = tags.cbegin(); it != tags.cend(); ++it) {
        if (it.key().trimmed().isEmpty())
            throw AssayError(QStringLiteral("A tag key must not be empty."));
        SqlQuery::bind(upsert, runId);
        SqlQuery::bind(upsert, it.key());
        SqlQuery::bind(upsert, it.value());
        SqlQuery::exec(upsert);
    }
    tx.audit(QStringLiteral("tags.set"), entity, {{QStringLiteral("tags"), toJson(tags)}});
    tx.changes().add(EntityKind::Tag, runId);
}

void Tracking::logInputs(WriteTransaction& tx, qint64 runId, const QList<DatasetInput>& inputs) {
    if (inputs.isEmpty())
        return;
    const QString entity = runEntity(tx, runId);
    QJsonArray logged;
    for (const DatasetInput& input : inputs) {
        if (input.name.isEmpty() || input.digest.isEmpty())
            throw AssayError(QStringLiteral("A dataset input needs a name and a digest."));
        tx.run(QStringLiteral("INSERT OR IGNORE INTO datasets (name, digest, source) VALUES (?, ?, ?)"),
               {input.name, input.digest, input.source});
        tx.run(QStringLiteral("INSERT OR REPLACE INTO run_inputs (run_id, dataset_id, context) "
                              "SELECT ?, id, ? FROM datasets WHERE name = ? AND digest = ?"),
               {runId, input.context, input.name, input.digest});
        logged.append(QJsonObject{{QStringLiteral("name"), input.name},
                                  {QStringLiteral("digest"), input.digest},
                                  {QStringLiteral("source"), input.source},
                                  {QStringLiteral("context"), input.context}});
    }
    tx.audit(QStringLiteral("inputs.log"), entity, {{QStringLiteral("datasets"), logged}});
    tx.changes().add(EntityKind::Dataset, runId);
}

qint64 Tracking::attach(WriteTransaction& tx, qint64 runId, const QString& name, const QString& mediaType,
                        const QByteArray& content) {
    const QString entity = runEntity(tx, runId);
    const QString sha256 =
        QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    const qint64 id =
        tx.insert(QStringLiteral("INSERT INTO attachments (run_id, name, media_type, sha256, size, "
                                 "content, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                  {runId, name, mediaType, sha256, static_cast<qint64>(content.size()), content, tx.now()});
    tx.audit(QStringLiteral("attachment.add"), entity,
             {{QStringLiteral("name"), name},
              {QStringLiteral("media_type"), mediaType},
              {QStringLiteral("sha256"), sha256},
              {QStringLiteral("size"), static_cast<qint64>(content.size())}});
    tx.changes().add(EntityKind::Attachment, runId);
    return id;
}

QList<Experiment> Tracking::experiments() const {
    // The active runs as all runs less the deleted ones: two index searches (RunQuery::activeCount)
    // instead of a read of every run's row.
    QSqlQuery query = SqlQuery::run(
        m_workspace.database(),
        QStringLiteral(
            "SELECT e.id, e.name, e.description, e.lifecycle, e.created_at, e.created_by, "
            "(SELECT count(*) FROM runs r WHERE r.experiment_id = e.id) - (SELECT count(*) FROM runs r "
            "WHERE r.experiment_id = e.id AND r.lifecycle = 'deleted') "
            "FROM experiments e ORDER BY e.name COLLATE NOCASE"));
    QList<Experiment> result;
    while (query.next()) {
        result.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                       query.value(3).toString() == QLatin1String("deleted"), query.value(4).toLongLong(),
                       query.value(5).toString(), query.value(6).toLongLong()});
    }
    return result;
}

std::optional<Experiment> Tracking::experimentByName(const QString& name) const {
    for (const Experiment& experiment : experiments()) {
        if (experiment.name == name)
            return experiment;
    }
    return std::nullopt;
}

std::optional<Run> Tracking::runWhere(const QString& condition, const QVariant& value) const {
    QSqlQuery query = SqlQuery::run(m_workspace.database(),
                                    QStringLiteral("SELECT ") + RunRecord::columns() +
                                        QStringLiteral(" FROM runs WHERE ") + condition,
                                    {value});
    return query.next() ? std::optional<Run>(RunRecord::read(query)) : std::nullopt;
}

std::optional<Run> Tracking::run(qint64 runId) const {
    return runWhere(QStringLiteral("id = ?"), runId);
}

std::optional<Run> Tracking::runByUid(const QString& uid) const {
    return runWhere(QStringLiteral("uid = ?"), uid);
}

QList<Run> Tracking::runs(qint64 experimentId) const {
    QSqlQuery query =
        SqlQuery::run(m_workspace.database(),
                      QStringLiteral("SELECT ") + RunRecord::columns() +
                          QStringLiteral(" FROM runs WHERE experiment_id = ? ORDER BY start_time DESC"),
                      {experimentId});
    QList<Run> result;
    while (query.next())
        result.append(RunRecord::read(query));
    return result;
}

QMap<QString, QString> Tracking::experimentTags(qint64 experimentId) const {
    QSqlQuery query = SqlQuery::run(
        m_workspace.database(),
        QStringLiteral("SELECT key, value FROM experiment_tags WHERE experiment_id = ?"), {experimentId});
    QMap<QString, QString> result;
    while (query.next())
        result.insert(query.value(0).toString(), query.value(1).toString());
    return result;
}

QMap<QString, QString> Tracking::params(qint64 runId) const {
    return keyValues(m_workspace, QStringLiteral("params"), runId);
}

QMap<QString, QString> Tracking::tags(qint64 runId) const {
    return keyValues(m_workspace, QStringLiteral("tags"), runId);
}

QList<DatasetInput> Tracking::inputs(qint64 runId) const {
    QSqlQuery query =
        SqlQuery::run(m_workspace.database(),
                      QStringLiteral("SELECT d.name, d.digest, d.source, i.context FROM run_inputs i "
                                     "JOIN datasets d ON d.id = i.dataset_id WHERE i.run_id = ? "
                                     "ORDER BY d.name"),
                      {runId});
    QList<DatasetInput> result;
    while (query.next()) {
        result.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                       query.value(3).toString()});
    }
    return result;
}

QList<Attachment> Tracking::attachments(qint64 runId) const {
    QSqlQuery query =
        SqlQuery::run(m_workspace.database(),
                      QStringLiteral("SELECT id, run_id, name, media_type, sha256, size, created_at "
                                     "FROM attachments WHERE run_id = ? ORDER BY name"),
                      {runId});
    QList<Attachment> result;
    while (query.next()) {
        result.append({query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toString(),
                       query.value(3).toString(), query.value(4).toString(), query.value(5).toLongLong(),
                       query.value(6).toLongLong()});
    }
    return result;
}

QByteArray Tracking::attachmentContent(qint64 attachmentId) const {
    return SqlQuery::scalar(m_workspace.database(),
                            QStringLiteral("SELECT content FROM attachments WHERE id = ?"), {attachmentId})
        .toByteArray();
}

} // namespace assay
