#include "RiskAssessments.h"

#include "Policies.h"
#include "core/base/AssayError.h"
#include "core/base/CanonicalJson.h"
#include "core/base/SqlQuery.h"
#include "core/identity/Identity.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

#include <QJsonObject>

namespace assay {
namespace {

const QString selectAssessments = QStringLiteral(
    "SELECT id, model_id, policy_version, scores, eu_category, computed_tier, blocked, rule, rationale, "
    "override_tier, override_reason, override_status, override_decided_by, override_decided_at, "
    "override_comment, assessed_at, assessed_by FROM risk_assessments ");

RiskAssessment assessmentFrom(const QSqlQuery& query) {
    RiskAssessment a;
    a.id = query.value(0).toLongLong();
    a.modelId = query.value(1).toLongLong();
    a.policyVersion = query.value(2).toInt();
    const QJsonObject scores = CanonicalJson::parse(query.value(3).toString());
    for (auto it = scores.begin(); it != scores.end(); ++it)
        a.scores.insert(it.key(), it.value().toInt());
    a.euCategory = query.value(4).toString();
    a.computedTier = query.value(5).toInt();
    a.blocked = query.value(6).toBool();
    a.rule = query.value(7).toString();
    a.rationale = query.value(8).toString();
    if (!query.value(9).isNull())
        a.overrideTier = query.value(9).toInt();
    a.overrideReason = query.value(10).toString();
    a.overrideStatus = RiskAssessment::statusFromName(query.value(11).toString());
    a.overrideDecidedBy = query.value(12).toString();
    if (!query.value(13).isNull())
        a.overrideDecidedAt = query.value(13).toLongLong();
    a.overrideComment = query.value(14).toString();
    a.assessedAt = query.value(15).toLongLong();
    a.assessedBy = query.value(16).toString();
    return a;
}

QList<RiskAssessment> query(const QSqlDatabase& db, const QString& where,
                            std::initializer_list<QVariant> values) {
    QSqlQuery query = SqlQuery::run(db, selectAssessments + where, values);
    QList<RiskAssessment> result;
    while (query.next())
        result.append(assessmentFrom(query));
    return result;
}

QString modelName(WriteTransaction& tx, qint64 modelId) {
    const QVariant name = SqlQuery::scalar(
        tx.database(), QStringLiteral("SELECT name FROM registered_models WHERE id = ?"), {modelId});
    if (name.isNull())
        throw AssayError(QStringLiteral("There is no registered model with id %1.").arg(modelId));
    return name.toString();
}

void requireAssessor(WriteTransaction& tx) {
    if (Identity::actorHas(tx, Role::DataScientist) || Identity::actorHas(tx, Role::Validator))
        return;
    Identity::requireRole(tx, Role::RiskOfficer, QStringLiteral("assess a model's risk"));
}

void checkOverride(const RiskAssessments::Override& tierOverride, const TierAssessment& computed) {
    if (computed.blocked)
        throw AssayError(QStringLiteral("A use the EU AI Act prohibits cannot be overridden to a tier."));
    if (tierOverride.tier < 1 || tierOverride.tier > 3)
        throw AssayError(
            QStringLiteral("An override tier must be 1, 2 or 3, not %1.").arg(tierOverride.tier));
    if (tierOverride.tier == computed.tier)
        throw AssayError(QStringLiteral("The override names Tier %1, which is the computed tier already.")
                             .arg(tierOverride.tier));
    if (tierOverride.reason.trimmed().size() < 20)
        throw AssayError(QStringLiteral("An override needs a written reason (at least 20 characters) that a "
                                        "risk officer can weigh."));
}

} // namespace

QString RiskAssessment::statusName(OverrideStatus status) {
    switch (status) {
    case OverrideStatus::None:
        return QStringLiteral("none");
    case OverrideStatus::Pending:
        return QStringLiteral("pending");
    case OverrideStatus::Approved:
        return QStringLiteral("approved");
    case OverrideStatus::Rejected:
        return QStringLiteral("rejected");
    }
    return QStringLiteral("none");
}

RiskAssessment::OverrideStatus RiskAssessment::statusFromName(const QString& name) {
    for (OverrideStatus status :
         {OverrideStatus::Pending, OverrideStatus::Approved, OverrideStatus::Rejected}) {
        if (statusName(status) == name)
            return status;
    }
    return OverrideStatus::None;
}

qint64 RiskAssessments::assess(WriteTransaction& tx, qint64 modelId, const QMap<QString, int>& scores,
                               const QString& euCategory, const QString& rationale,
                               const std::optional<Override>& tierOverride) {
    requireAssessor(tx);
    const QString name = modelName(tx, modelId);
    const int policyVersion = Policies::ensurePublished(tx);
    const TierAssessment computed = Policies(tx.workspace()).policy(policyVersion).assess(scores, euCategory);
    if (tierOverride)
        checkOverride(*tierOverride, computed);

    QJsonObject scoreJson;
    for (auto it = scores.cbegin(); it != scores.cend(); ++it)
        scoreJson.insert(it.key(), it.value());
    const qint64 id = tx.insert(
        QStringLiteral(
            "INSERT INTO risk_assessments (model_id, policy_version, scores, eu_category, computed_tier, "
            "blocked, rule, rationale, override_tier, override_reason, override_status, assessed_at, "
            "assessed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {modelId, policyVersion, QString::fromUtf8(CanonicalJson::serialize(scoreJson)), euCategory,
         computed.tier, computed.blocked ? 1 : 0, computed.rule, rationale.trimmed(),
         tierOverride ? QVariant(tierOverride->tier) : QVariant(QMetaType(QMetaType::Int)),
         tierOverride ? tierOverride->reason.trimmed() : QString(),
         tierOverride ? QStringLiteral("pending") : QStringLiteral("none"), tx.now(), tx.actor()});
    QJsonObject payload{
        {QStringLiteral("assessment"), id},      {QStringLiteral("policy_version"), policyVersion},
        {QStringLiteral("scores"), scoreJson},   {QStringLiteral("eu_category"), euCategory},
        {QStringLiteral("tier"), computed.tier}, {QStringLiteral("blocked"), computed.blocked},
        {QStringLiteral("rule"), computed.rule}};
    if (tierOverride) {
        payload.insert(QStringLiteral("override_tier"), tierOverride->tier);
        payload.insert(QStringLiteral("override_reason"), tierOverride->reason.trimmed());
    }
    tx.audit(QStringLiteral("risk.assess"), QStringLiteral("model:") + name, payload);
    tx.changes().add(EntityKind::RiskAssessment, modelId);
    return id;
}

void RiskAssessments::decideOverride(WriteTransaction& tx, qint64 assessmentId, bool approve,
                                     const QString& comment) {
    Identity::requireRole(tx, Role::RiskOfficer, QStringLiteral("decide tier overrides"));
    const std::optional<RiskAssessment> found = RiskAssessments(tx.workspace()).assessment(assessmentId);
    if (!found)
        throw AssayError(QStringLiteral("There is no risk assessment %1.").arg(assessmentId));
    if (found->overrideStatus != RiskAssessment::OverrideStatus::Pending)
        throw AssayError(
            QStringLiteral("Assessment %1 has no override waiting for a decision.").arg(assessmentId));
    if (found->assessedBy == tx.actor())
        throw AssayError(
            QStringLiteral("%1 proposed this override and cannot approve or reject it; another risk "
                           "officer must.")
                .arg(tx.actor()));
    if (comment.trimmed().isEmpty())
        throw AssayError(QStringLiteral("A decision on an override needs a comment."));
    tx.run(QStringLiteral("UPDATE risk_assessments SET override_status = ?, override_decided_by = ?, "
                          "override_decided_at = ?, override_comment = ? WHERE id = ?"),
           {approve ? QStringLiteral("approved") : QStringLiteral("rejected"), tx.actor(), tx.now(),
            comment.trimmed(), assessmentId});
    tx.audit(approve ? QStringLiteral("risk.override.approve") : QStringLiteral("risk.override.reject"),
             QStringLiteral("model:") + modelName(tx, found->modelId),
             {{QStringLiteral("assessment"), assessmentId},
              {QStringLiteral("computed_tier"), found->computedTier},
              {QStringLiteral("override_tier"), *found->overrideTier},
              {QStringLiteral("comment"), comment.trimmed()}});
    tx.changes().add(EntityKind::RiskAssessment, found->modelId);
}

std::optional<RiskAssessment> RiskAssessments::latest(qint64 modelId) const {
    const QList<RiskAssessment> found = query(
        m_workspace.database(), QStringLiteral("WHERE model_id = ? ORDER BY id DESC LIMIT 1"), {modelId});
    return found.isEmpty() ? std::nullopt : std::optional<RiskAssessment>(found.first());
}

std::optional<RiskAssessment> RiskAssessments::assessment(qint64 assessmentId) const {
    const QList<RiskAssessment> found =
        query(m_workspace.database(), QStringLiteral("WHERE id = ?"), {assessmentId});
    return found.isEmpty() ? std::nullopt : std::optional<RiskAssessment>(found.first());
}

QList<RiskAssessment> RiskAssessments::history(qint64 modelId) const {
    return query(m_workspace.database(), QStringLiteral("WHERE model_id = ? ORDER BY id DESC"), {modelId});
}

QList<RiskAssessment> RiskAssessments::pendingOverrides() const {
    return query(m_workspace.database(), QStringLiteral("WHERE override_status = 'pending' ORDER BY id"), {});
}

} // namespace assay
