#include "Findings.h"

#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"
#include "core/identity/Identity.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

#include <QJsonObject>

namespace assay {
namespace {

const QString selectFindings = QStringLiteral("SELECT id, model_id, version_id, decision_id, description, "
                                              "severity, owner, due_date, status, resolution, "
                                              "closed_at, closed_by, created_at, created_by FROM findings ");

QList<Finding> query(const QSqlDatabase& db, const QString& where, std::initializer_list<QVariant> values) {
    QSqlQuery query = SqlQuery::run(db, selectFindings + where, values);
    QList<Finding> result;
    while (query.next()) {
        Finding f;
        f.id = query.value(0).toLongLong();
        f.modelId = query.value(1).toLongLong();
        if (!query.value(2).isNull())
            f.versionId = query.value(2).toLongLong();
        if (!query.value(3).isNull())
            f.decisionId = query.value(3).toLongLong();
        f.description = query.value(4).toString();
        f.severity = query.value(5).toString();
        f.owner = query.value(6).toString();
        f.dueDate = QDate::fromString(query.value(7).toString(), Qt::ISODate);
        f.open = query.value(8).toString() == QLatin1String("open");
        f.resolution = query.value(9).toString();
        if (!query.value(10).isNull())
            f.closedAt = query.value(10).toLongLong();
        f.closedBy = query.value(11).toString();
        f.createdAt = query.value(12).toLongLong();
        f.createdBy = query.value(13).toString();
        result.append(f);
    }
    return result;
}

QString modelEntity(WriteTransaction& tx, qint64 modelId) {
    const QVariant name = SqlQuery::scalar(
        tx.database(), QStringLiteral("SELECT name FROM registered_models WHERE id = ?"), {modelId});
    if (name.isNull())
        throw AssayError(QStringLiteral("There is no registered model with id %1.").arg(modelId));
    return QStringLiteral("model:") + name.toString();
}

qint64 insert(WriteTransaction& tx, qint64 modelId, std::optional<qint64> versionId,
              std::optional<qint64> decisionId, const DecisionCondition& condition) {
    Findings::checkCondition(tx, condition);
    const QVariant noId(QMetaType(QMetaType::LongLong));
    const qint64 id = tx.insert(
        QStringLiteral(
            "INSERT INTO findings (model_id, version_id, decision_id, description, severity, owner, "
            "due_date, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {modelId, versionId ? QVariant(*versionId) : noId, decisionId ? QVariant(*decisionId) : noId,
         condition.description.trimmed(), condition.severity, condition.owner,
         condition.dueDate.toString(Qt::ISODate), tx.now(), tx.actor()});
    QJsonObject payload{{QStringLiteral("finding"), id},
                        {QStringLiteral("description"), condition.description.trimmed()},
                        {QStringLiteral("severity"), condition.severity},
                        {QStringLiteral("owner"), condition.owner},
                        {QStringLiteral("due_date"), condition.dueDate.toString(Qt::ISODate)}};
    if (decisionId)
        payload.insert(QStringLiteral("decision"), *decisionId);
    tx.audit(QStringLiteral("finding.raise"), modelEntity(tx, modelId), payload);
    tx.changes().add(EntityKind::Finding, modelId);
    return id;
}

} // namespace

void Findings::checkCondition(WriteTransaction& tx, const DecisionCondition& condition) {
    if (condition.description.trimmed().isEmpty())
        throw AssayError(QStringLiteral("A condition needs a description of what must be done."));
    if (!Finding::severities().contains(condition.severity))
        throw AssayError(
            QStringLiteral("Condition \"%1\": severity must be low, medium, high or critical, not "
                           "\"%2\".")
                .arg(condition.description.trimmed(), condition.severity));
    if (!condition.dueDate.isValid())
        throw AssayError(
            QStringLiteral("Condition \"%1\" needs a due date.").arg(condition.description.trimmed()));
    if (SqlQuery::scalar(tx.database(), QStringLiteral("SELECT 1 FROM users WHERE login = ?"),
                         {condition.owner})
            .isNull())
        throw AssayError(
            QStringLiteral("Condition \"%1\": its owner must be a user of this workspace, and there "
                           "is no user \"%2\".")
                .arg(condition.description.trimmed(), condition.owner));
}

qint64 Findings::raise(WriteTransaction& tx, qint64 modelId, std::optional<qint64> versionId,
                       const DecisionCondition& condition) {
    if (!Identity::actorHas(tx, Role::Validator))
        Identity::requireRole(tx, Role::RiskOfficer, QStringLiteral("raise findings"));
    return insert(tx, modelId, versionId, std::nullopt, condition);
}

qint64 Findings::raiseForDecision(WriteTransaction& tx, qint64 modelId, qint64 versionId, qint64 decisionId,
                                  const DecisionCondition& condition) {
    return insert(tx, modelId, versionId, decisionId, condition);
}

void Findings::close(WriteTransaction& tx, qint64 findingId, const QString& resolution) {
    const std::optional<Finding> found = Findings(tx.workspace()).finding(findingId);
    if (!found)
        throw AssayError(QStringLiteral("There is no finding %1.").arg(findingId));
    if (!found->open)
        throw AssayError(QStringLiteral("Finding %1 is closed already.").arg(findingId));
    if (found->owner != tx.actor() && !Identity::actorHas(tx, Role::Validator))
        Identity::requireRole(tx, Role::RiskOfficer, QStringLiteral("close findings owned by someone else"));
    if (resolution.trimmed().isEmpty())
        throw AssayError(QStringLiteral("Closing a finding needs a resolution: what was done."));
    tx.run(
        QStringLiteral("UPDATE findings SET status = 'closed', resolution = ?, closed_at = ?, closed_by = ? "
                       "WHERE id = ?"),
        {resolution.trimmed(), tx.now(), tx.actor(), findingId});
    tx.audit(QStringLiteral("finding.close"), modelEntity(tx, found->modelId),
             {{QStringLiteral("finding"), findingId}, {QStringLiteral("resolution"), resolution.trimmed()}});
    tx.changes().add(EntityKind::Finding, found->modelId);
}

QList<Finding> Findings::findings(qint64 modelId) const {
    return query(m_workspace.database(),
                 QStringLiteral("WHERE model_id = ? ORDER BY status = 'closed', due_date, id"), {modelId});
}

QList<Finding> Findings::ofDecision(qint64 decisionId) const {
    return query(m_workspace.database(), QStringLiteral("WHERE decision_id = ? ORDER BY id"), {decisionId});
}

std::optional<Finding> Findings::finding(qint64 findingId) const {
    const QList<Finding> found = query(m_workspace.database(), QStringLiteral("WHERE id = ?"), {findingId});
    return found.isEmpty() ? std::nullopt : std::optional<Finding>(found.first());
}

int Findings::openCritical(qint64 modelId) const {
    return SqlQuery::scalar(
               m_workspace.database(),
               QStringLiteral("SELECT count(*) FROM findings WHERE model_id = ? AND status = 'open' "
                              "AND severity = 'critical'"),
               {modelId})
        .toInt();
}

} // namespace assay
