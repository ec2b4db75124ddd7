#include "Registry.h"

#include "ModelCards.h"
#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"
#include "core/identity/Identity.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace assay {
namespace {

struct ModelRef {
    qint64 id;
    QString name;
};

ModelRef modelRef(WriteTransaction& tx, qint64 modelId) {
    const QVariant name = SqlQuery::scalar(
        tx.database(), QStringLiteral("SELECT name FROM registered_models WHERE id = ?"), {modelId});
    if (name.isNull())
        throw AssayError(QStringLiteral("There is no registered model with id %1.").arg(modelId));
    return {modelId, name.toString()};
}

std::optional<qint64> versionId(const QSqlDatabase& db, qint64 modelId, int version) {
    const QVariant id = SqlQuery::scalar(
        db, QStringLiteral("SELECT id FROM model_versions WHERE model_id = ? AND version = ?"),
        {modelId, version});
    return id.isNull() ? std::nullopt : std::optional<qint64>(id.toLongLong());
}

std::optional<int> optionalVersion(const QVariant& value) {
    return value.isNull() ? std::nullopt : std::optional<int>(value.toInt());
}

QJsonValue jsonVersion(const std::optional<int>& version) {
    return version ? QJsonValue(*version) : QJsonValue(QJsonValue::Null);
}

void recordAliasMove(WriteTransaction& tx, const ModelRef& model, const QString& alias,
                     std::optional<qint64> toId, std::optional<int> toVersion, const QString& reason,
                     qint64 changedAt) {
    const QVariant previousId = SqlQuery::scalar(
        tx.database(),
        QStringLiteral("SELECT version_id FROM model_aliases WHERE model_id = ? AND alias = ?"),
        {model.id, alias});
    const std::optional<int> previousVersion = optionalVersion(SqlQuery::scalar(
        tx.database(), QStringLiteral("SELECT version FROM model_versions WHERE id = ?"), {previousId}));
    if (toId) {
        tx.run(QStringLiteral(
                   "INSERT OR REPLACE INTO model_aliases (model_id, alias, version_id) VALUES (?, ?, ?)"),
               {model.id, alias, *toId});
    } else {
        tx.run(QStringLiteral("DELETE FROM model_aliases WHERE model_id = ? AND alias = ?"),
               {model.id, alias});
    }
    tx.run(QStringLiteral(
               "INSERT INTO alias_history (model_id, alias, version_id, previous_version_id, changed_at, "
               "changed_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?)"),
           {model.id, alias, toId ? QVariant(*toId) : QVariant(QMetaType(QMetaType::LongLong)), previousId,
            changedAt, tx.actor(), reason});
    tx.audit(toId ? QStringLiteral("alias.set") : QStringLiteral("alias.remove"),
             QStringLiteral("model:") + model.name,
             {{QStringLiteral("alias"), alias},
              {QStringLiteral("version"), jsonVersion(toVersion)},
              {QStringLiteral("previous_version"), jsonVersion(previousVersion)},
              {QStringLiteral("reason"), reason}});
    tx.changes().add(EntityKind::Alias, model.id);
}

void insertVersion(WriteTransaction& tx, const ModelRef& model, int version, std::optional<qint64> runId,
                   const QString& stage, const QString& description, std::optional<qint64> createdAt) {
    QString runUid;
    if (runId) {
        const QVariant uid =
            SqlQuery::scalar(tx.database(), QStringLiteral("SELECT uid FROM runs WHERE id = ?"), {*runId});
        if (uid.isNull())
            throw AssayError(QStringLiteral("There is no run with id %1 to register.").arg(*runId));
        runUid = uid.toString();
    }
    const qint64 id =
        tx.insert(QStringLiteral("INSERT INTO model_versions (model_id, version, run_id, description, stage, "
                                 "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                  {model.id, version, runId ? QVariant(*runId) : QVariant(QMetaType(QMetaType::LongLong)),
                   description, stage, createdAt.value_or(tx.now()), tx.actor()});
    tx.audit(QStringLiteral("version.create"), QStringLiteral("model:%1/%2").arg(model.name).arg(version),
             {{QStringLiteral("run"), runUid},
              {QStringLiteral("description"), description},
              {QStringLiteral("stage"), stage}});
    tx.changes().add(EntityKind::ModelVersion, id);
}

QList<RegisteredModel> queryModels(const QSqlDatabase& db, const QString& where,
                                   std::initializer_list<QVariant> values) {
    QSqlQuery query = SqlQuery::run(
        db,
        QStringLiteral("SELECT id, name, description, created_at, created_by, owner, business_owner, "
                       "primary_metric, higher_is_better FROM registered_models %1 "
                       "ORDER BY name COLLATE NOCASE")
            .arg(where),
        values);
    QList<RegisteredModel> result;
    while (query.next()) {
        RegisteredModel model;
        model.id = query.value(0).toLongLong();
        model.name = query.value(1).toString();
        model.description = query.value(2).toString();
        model.createdAt = query.value(3).toLongLong();
        model.createdBy = query.value(4).toString();
        model.owner = query.value(5).toString();
        model.businessOwner = query.value(6).toString();
        model.primaryMetric = query.value(7).toString();
        model.higherIsBetter = query.value(8).toBool();
        result.append(model);
    }
    return result;
}

QList<ModelVersion> queryVersions(const QSqlDatabase& db, const QString& where,
                                  std::initializer_list<QVariant> values) {
    QSqlQuery query = SqlQuery::run(
        db,
        QStringLiteral(
            "SELECT v.id, v.model_id, v.version, v.run_id, r.uid, v.description, v.stage, v.created_at, "
            "v.created_by, (SELECT group_concat(a.alias, ',') FROM model_aliases a "
            "WHERE a.version_id = v.id), r.user FROM model_versions v LEFT JOIN runs r ON r.id = v.run_id "
            "%1 ORDER BY v.version DESC")
            .arg(where),
        values);
    QList<ModelVersion> result;
    while (query.next()) {
        ModelVersion version;
        version.id = query.value(0).toLongLong();
        version.modelId = query.value(1).toLongLong();
        version.version = query.value(2).toInt();
        if (!query.value(3).isNull())
            version.runId = query.value(3).toLongLong();
        version.runUid = query.value(4).toString();
        version.description = query.value(5).toString();
        version.stage = query.value(6).toString();
        version.createdAt = query.value(7).toLongLong();
        version.createdBy = query.value(8).toString();
        const QString aliases = query.value(9).toString();
        if (!aliases.isEmpty())
            version.aliases = aliases.split(QLatin1Char(','));
        version.aliases.sort();
        version.runUser = query.value(10).toString();
        result.append(version);
    }
    return result;
}

} // namespace

qint64 Registry::createModel(WriteTransaction& tx, const QString& name, const QString& description,
                             std::optional<qint64> createdAt) {
    if (name.trimmed().isEmpty())
        throw AssayError(QStringLiteral("A registered model needs a name."));
    if (!SqlQuery::scalar(tx.database(), QStringLiteral("SELECT 1 FROM registered_models WHERE name = ?"),
                          {name})
             .isNull())
        throw AssayError(QStringLiteral("A model named \"%1\" is registered already.").arg(name));
    const qint64 id =
        tx.insert(QStringLiteral("INSERT INTO registered_models (name, description, created_at, "
                                 "created_by) VALUES (?, ?, ?, ?)"),
                  {name, description, createdAt.value_or(tx.now()), tx.actor()});
    tx.audit(QStringLiteral("model.create"), QStringLiteral("model:") + name,
             {{QStringLiteral("description"), description}});
    tx.changes().add(EntityKind::RegisteredModel, id);
    return id;
}

int Registry::createVersion(WriteTransaction& tx, qint64 modelId, std::optional<qint64> runId,
                            const QString& description, std::optional<qint64> createdAt) {
    const ModelRef model = modelRef(tx, modelId);
    const int version =
        SqlQuery::scalar(tx.database(),
                         QStringLiteral("SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions "
                                        "WHERE model_id = ?"),
                         {modelId})
            .toInt();
    insertVersion(tx, model, version, runId, QStringLiteral("None"), description, createdAt);
    return version;
}

void Registry::createNumberedVersion(WriteTransaction& tx, qint64 modelId, int version,
                                     std::optional<qint64> runId, const QString& stage,
                                     const QString& description, std::optional<qint64> createdAt) {
    const ModelRef model = modelRef(tx, modelId);
    if (version < 1)
        throw AssayError(QStringLiteral("Model \"%1\": a version number must be 1 or more, not %2.")
                             .arg(model.name)
                             .arg(version));
    if (versionId(tx.database(), modelId, version))
        throw AssayError(
            QStringLiteral("Model \"%1\" has a version %2 already.").arg(model.name).arg(version));
    insertVersion(tx, model, version, runId, stage.isEmpty() ? QStringLiteral("None") : stage, description,
                  createdAt);
}

void Registry::setStage(WriteTransaction& tx, qint64 modelId, int version, const QString& stage) {
    const ModelRef model = modelRef(tx, modelId);
    const std::optional<qint64> id = versionId(tx.database(), modelId, version);
    if (!id)
        throw AssayError(QStringLiteral("Model \"%1\" has no version %2.").arg(model.name).arg(version));
    const QString previous =
        SqlQuery::scalar(tx.database(), QStringLiteral("SELECT stage FROM model_versions WHERE id = ?"),
                         {*id})
            .toString();
    tx.run(QStringLiteral("UPDATE model_versions SET stage = ? WHERE id = ?"), {stage, *id});
    tx.audit(QStringLiteral("version.stage"), QStringLiteral("model:%1/%2").arg(model.name).arg(version),
             {{QStringLiteral("stage"), stage}, {QStringLiteral("previous_stage"), previous}});
    tx.changes().add(EntityKind::ModelVersion, *id);
}

ModelVersionRef Registry::registerRun(WriteTransaction& tx, const QString& modelName, qint64 runId,
                                      const QString& description) {
    Identity::requireRole(tx, Role::DataScientist, QStringLiteral("register model versions"));
    const QVariant existing = SqlQuery::scalar(
        tx.database(), QStringLiteral("SELECT id FROM registered_models WHERE name = ?"), {modelName});
    const qint64 modelId = existing.isNull() ? createModel(tx, modelName) : existing.toLongLong();
    const int number = createVersion(tx, modelId, runId, description);
    const qint64 id = *versionId(tx.database(), modelId, number);
    ModelCards::copyFromPreviousVersion(tx, modelId, id);
    ModelVersionRef ref;
    ref.modelId = modelId;
    ref.modelName = modelName;
    ref.version = number;
    ref.stage = QStringLiteral("None");
    return ref;
}

void Registry::setOwners(WriteTransaction& tx, qint64 modelId, const QString& owner,
                         const QString& businessOwner) {
    if (!Identity::actorHas(tx, Role::Admin))
        Identity::requireRole(tx, Role::DataScientist, QStringLiteral("name model owners"));
    const ModelRef model = modelRef(tx, modelId);
    if (!owner.isEmpty() &&
        SqlQuery::scalar(tx.database(), QStringLiteral("SELECT 1 FROM users WHERE login = ?"), {owner})
            .isNull())
        throw AssayError(QStringLiteral("The model owner must be a user of this workspace; there is no user "
                                        "\"%1\".")
                             .arg(owner));
    tx.run(QStringLiteral("UPDATE registered_models SET owner = ?, business_owner = ? WHERE id = ?"),
           {owner, businessOwner.trimmed(), modelId});
    tx.audit(QStringLiteral("model.owners"), QStringLiteral("model:") + model.name,
             {{QStringLiteral("owner"), owner}, {QStringLiteral("business_owner"), businessOwner.trimmed()}});
    tx.changes().add(EntityKind::RegisteredModel, modelId);
}

void Registry::setPrimaryMetric(WriteTransaction& tx, qint64 modelId, const QString& metricKey,
                                bool higherIsBetter) {
    if (!Identity::actorHas(tx, Role::Admin))
        Identity::requireRole(tx, Role::DataScientist, QStringLiteral("choose a model's primary metric"));
    const ModelRef model = modelRef(tx, modelId);
    tx.run(
        QStringLiteral("UPDATE registered_models SET primary_metric = ?, higher_is_better = ? WHERE id = ?"),
        {metricKey.trimmed(), higherIsBetter ? 1 : 0, modelId});
    tx.audit(QStringLiteral("model.primary_metric"), QStringLiteral("model:") + model.name,
             {{QStringLiteral("metric"), metricKey.trimmed()},
              {QStringLiteral("higher_is_better"), higherIsBetter}});
    tx.changes().add(EntityKind::RegisteredModel, modelId);
}

void Registry::setModelTags(WriteTransaction& tx, qint64 modelId, const QMap<QString, QString>& tags) {
    if (tags.isEmpty())
        return;
    const ModelRef model = modelRef(tx, modelId);
    QJsonObject logged;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it) {
        if (it.key().trimmed().isEmpty())
            throw AssayError(QStringLiteral("A tag key must not be empty."));
        tx.run(QStringLiteral(
                   "INSERT OR REPLACE INTO registered_model_tags (model_id, key, value) VALUES (?, ?, ?)"),
               {modelId, it.key(), it.value()});
        logged.insert(it.key(), it.value());
    }
    tx.audit(QStringLiteral("model.tags.set"), QStringLiteral("model:") + model.name,
             {{QStringLiteral("tags"), logged}});
    tx.changes().add(EntityKind::RegisteredModel, modelId);
}

void Registry::setAlias(WriteTransaction& tx, qint64 modelId, const QString& alias, int version,
                        const QString& reason, std::optional<qint64> changedAt) {
    static const QRegularExpression validAlias(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]{0,254}$"));
    if (!validAlias.match(alias).hasMatch())
        throw AssayError(
            QStringLiteral("\"%1\" is not a valid alias: use letters, digits, '_' and '-', starting "
                           "with a letter.")
                .arg(alias));
    const ModelRef model = modelRef(tx, modelId);
    const std::optional<qint64> id = versionId(tx.database(), modelId, version);
    if (!id)
        throw AssayError(QStringLiteral("Model \"%1\" has no version %2.").arg(model.name).arg(version));
    recordAliasMove(tx, model, alias, id, version, reason, changedAt.value_or(tx.now()));
}

void Registry::removeAlias(WriteTransaction& tx, qint64 modelId, const QString& alias,
                           const QString& reason) {
    recordAliasMove(tx, modelRef(tx, modelId), alias, std::nullopt, std::nullopt, reason, tx.now());
}

QList<RegisteredModel> Registry::models() const {
    return queryModels(m_workspace.database(), {}, {});
}

std::optional<RegisteredModel> Registry::modelByName(const QString& name) const {
    const QList<RegisteredModel> found =
        queryModels(m_workspace.database(), QStringLiteral("WHERE name = ?"), {name});
    return found.isEmpty() ? std::nullopt : std::optional<RegisteredModel>(found.first());
}

std::optional<RegisteredModel> Registry::model(qint64 modelId) const {
    const QList<RegisteredModel> found =
        queryModels(m_workspace.database(), QStringLiteral("WHERE id = ?"), {modelId});
    return found.isEmpty() ? std::nullopt : std::optional<RegisteredModel>(found.first());
}

QMap<QString, QString> Registry::modelTags(qint64 modelId) const {
    QSqlQuery query = SqlQuery::run(
        m_workspace.database(),
        QStringLiteral("SELECT key, value FROM registered_model_tags WHERE model_id = ?"), {modelId});
    QMap<QString, QString> result;
    while (query.next())
        result.insert(query.value(0).toString(), query.value(1).toString());
    return result;
}

QList<ModelVersion> Registry::versions(qint64 modelId) const {
    return queryVersions(m_workspace.database(), QStringLiteral("WHERE v.model_id = ?"), {modelId});
}

std::optional<ModelVersion> Registry::version(qint64 modelId, int version) const {
    const QList<ModelVersion> found = queryVersions(
        m_workspace.database(), QStringLiteral("WHERE v.model_id = ? AND v.version = ?"), {modelId, version});
    return found.isEmpty() ? std::nullopt : std::optional<ModelVersion>(found.first());
}

std::optional<ModelVersion> Registry::versionById(qint64 versionId) const {
    const QList<ModelVersion> found =
        queryVersions(m_workspace.database(), QStringLiteral("WHERE v.id = ?"), {versionId});
    return found.isEmpty() ? std::nullopt : std::optional<ModelVersion>(found.first());
}

QList<ModelVersionRef> Registry::versionsOfRun(qint64 runId) const {
    QSqlQuery query = SqlQuery::run(
        m_workspace.database(),
        QStringLiteral("SELECT m.id, m.name, v.version, v.stage, (SELECT group_concat(a.alias, ',') "
                       "FROM model_aliases a WHERE a.version_id = v.id) FROM model_versions v "
                       "JOIN registered_models m ON m.id = v.model_id WHERE v.run_id = ? "
                       "ORDER BY m.name, v.version"),
        {runId});
    QList<ModelVersionRef> result;
    while (query.next()) {
        ModelVersionRef ref;
        ref.modelId = query.value(0).toLongLong();
        ref.modelName = query.value(1).toString();
        ref.version = query.value(2).toInt();
        ref.stage = query.value(3).toString();
        const QString aliases = query.value(4).toString();
        if (!aliases.isEmpty())
            ref.aliases = aliases.split(QLatin1Char(','));
        ref.aliases.sort();
        result.append(ref);
    }
    return result;
}

std::optional<int> Registry::aliasVersion(qint64 modelId, const QString& alias) const {
    return optionalVersion(
        SqlQuery::scalar(m_workspace.database(),
                         QStringLiteral("SELECT v.version FROM model_aliases a JOIN model_versions v "
                                        "ON v.id = a.version_id WHERE a.model_id = ? AND a.alias = ?"),
                         {modelId, alias}));
}

QStringList Registry::aliasNames(qint64 modelId) const {
    // Imported registries may hold aliases that never went through setAlias, hence the union.
    QSqlQuery query =
        SqlQuery::run(m_workspace.database(),
                      QStringLiteral("SELECT alias FROM alias_history WHERE model_id = ? UNION "
                                     "SELECT alias FROM model_aliases WHERE model_id = ? ORDER BY 1"),
                      {modelId, modelId});
    QStringList result;
    while (query.next())
        result.append(query.value(0).toString());
    return result;
}

QList<AliasChange> Registry::aliasHistory(qint64 modelId, const QString& alias) const {
    QSqlQuery query = SqlQuery::run(
        m_workspace.database(),
        QStringLiteral(
            "SELECT h.alias, v.version, p.version, h.changed_at, h.changed_by, h.reason FROM alias_history h "
            "LEFT JOIN model_versions v ON v.id = h.version_id "
            "LEFT JOIN model_versions p ON p.id = h.previous_version_id "
            "WHERE h.model_id = ? AND h.alias = ? ORDER BY h.changed_at, h.id"),
        {modelId, alias});
    QList<AliasChange> result;
    while (query.next()) {
        result.append({query.value(0).toString(), optionalVersion(query.value(1)),
                       optionalVersion(query.value(2)), query.value(3).toLongLong(),
                       query.value(4).toString(), query.value(5).toString()});
    }
    return result;
}

std::optional<int> Registry::aliasVersionAt(qint64 modelId, const QString& alias, qint64 at) const {
    return optionalVersion(SqlQuery::scalar(
        m_workspace.database(),
        QStringLiteral(
            "SELECT v.version FROM alias_history h LEFT JOIN model_versions v ON v.id = h.version_id "
            "WHERE h.model_id = ? AND h.alias = ? AND h.changed_at <= ? "
            "ORDER BY h.changed_at DESC, h.id DESC LIMIT 1"),
        {modelId, alias, at}));
}

} // namespace assay
