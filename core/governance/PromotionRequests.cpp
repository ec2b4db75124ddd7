#include "PromotionRequests.h"

#include "EvidenceBundle.h"
#include "Findings.h"
#include "Policies.h"
#include "PromotionGates.h"
#include "ReviewSchedule.h"
#include "RiskAssessments.h"
#include "core/base/AssayError.h"
#include "core/base/CanonicalJson.h"
#include "core/base/SqlQuery.h"
#include "core/identity/Identity.h"
#include "core/identity/SigningKeys.h"
#include "core/registry/Registry.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

#include <QJsonArray>

namespace assay {
namespace {

const QString selectRequests = QStringLiteral(
    "SELECT p.id, p.kind, p.model_id, m.name, p.version_id, v.version, p.alias, p.tier, p.policy_version, "
    "p.evidence, p.evidence_hash, p.justification, p.status, p.submitted_at, p.submitted_by, p.closed_at, "
    "p.revision FROM promotion_requests p JOIN registered_models m ON m.id = p.model_id "
    "JOIN model_versions v ON v.id = p.version_id ");

QList<PromotionRequest> queryRequests(const QSqlDatabase& db, const QString& where,
                                      std::initializer_list<QVariant> values) {
    QSqlQuery query = SqlQuery::run(db, selectRequests + where, values);
    QList<PromotionRequest> result;
    while (query.next()) {
        PromotionRequest r;
        r.id = query.value(0).toLongLong();
        r.kind = PromotionRequest::kindFromName(query.value(1).toString());
        r.modelId = query.value(2).toLongLong();
        r.modelName = query.value(3).toString();
        r.versionId = query.value(4).toLongLong();
        r.version = query.value(5).toInt();
        r.alias = query.value(6).toString();
        r.tier = query.value(7).toInt();
        r.policyVersion = query.value(8).toInt();
        r.evidence = CanonicalJson::parse(query.value(9).toString());
        r.evidenceHash = query.value(10).toString();
        r.justification = query.value(11).toString();
        r.status = PromotionRequest::statusFromName(query.value(12).toString());
        r.submittedAt = query.value(13).toLongLong();
        r.submittedBy = query.value(14).toString();
        if (!query.value(15).isNull())
            r.closedAt = query.value(15).toLongLong();
        r.revision = query.value(16).toInt();
        result.append(r);
    }
    return result;
}

// A snapshot that does not parse stays unread and makes the decision invalid: the record was edited.
void readSnapshot(const QVariant& stored, Decision& decision) {
    if (stored.isNull())
        return;
    try {
        decision.snapshot = DecisionSnapshot::fromJson(CanonicalJson::parse(stored.toString()));
    } catch (const AssayError& error) {
        decision.status = Decision::Status::Invalid;
        decision.statusDetail = error.message();
    }
}

// What the reviewer sees beside the decision now, to be signed with it.
DecisionSnapshot snapshotOf(const Workspace& workspace, const PromotionRequest& request,
                            const QJsonObject& liveEvidence) {
    DecisionSnapshot snapshot;
    snapshot.gates = PromotionGates::compute(workspace, request);
    snapshot.evidence = liveEvidence;
    if (const std::optional<ModelVersion> champion = PromotionGates::champion(workspace, request)) {
        snapshot.championVersion = champion->version;
        snapshot.championEvidence =
            EvidenceBundle::build(workspace, champion->id, request.policyVersion, request.tier);
    }
    return snapshot;
}

QList<Decision> queryDecisions(const Workspace& workspace, qint64 requestId) {
    QSqlQuery query = SqlQuery::run(
        workspace.database(),
        QStringLiteral(
            "SELECT id, request_id, sign_off, outcome, comment, evidence_hash, gates, decided_at, "
            "decided_by, key_id, signature, snapshot FROM decisions WHERE request_id = ? ORDER BY id"),
        {requestId});
    QList<Decision> result;
    while (query.next()) {
        Decision d;
        d.id = query.value(0).toLongLong();
        d.requestId = query.value(1).toLongLong();
        d.signOff = query.value(2).toString();
        // An outcome edited into something unknown stays visible, and is invalid whatever its signature.
        const std::optional<Decision::Outcome> outcome = Decision::outcomeFromName(query.value(3).toString());
        d.outcome = outcome.value_or(Decision::Outcome::Reject);
        if (!outcome) {
            d.status = Decision::Status::Invalid;
            d.statusDetail =
                QStringLiteral("The recorded outcome \"%1\" is not one Assay writes; the record was "
                               "edited.")
                    .arg(query.value(3).toString());
        }
        d.comment = query.value(4).toString();
        d.evidenceHash = query.value(5).toString();
        d.gates = CanonicalJson::parse(query.value(6).toString());
        d.decidedAt = query.value(7).toLongLong();
        d.decidedBy = query.value(8).toString();
        d.keyId = query.value(9).toLongLong();
        d.signature = QByteArray::fromHex(query.value(10).toString().toLatin1());
        readSnapshot(query.value(11), d);
        result.append(d);
    }
    query.finish();
    for (Decision& d : result) {
        for (const Finding& finding : Findings(workspace).ofDecision(d.id))
            d.conditions.append({finding.description, finding.owner, finding.dueDate, finding.severity});
    }
    return result;
}

void assess(const Workspace& workspace, const PromotionRequest& request, const QString& liveHash,
            const QJsonObject& liveEvidence, Decision& decision) {
    if (decision.status == Decision::Status::Invalid)
        return; // found so while reading the record
    const std::optional<SigningKey> key = SigningKeys(workspace).key(decision.keyId);
    if (!key) {
        decision.status = Decision::Status::Invalid;
        decision.statusDetail =
            QStringLiteral("The key it names (%1) is not registered.").arg(decision.keyId);
        return;
    }
    const QByteArray message =
        PromotionRequests::signedMessage(request, decision, SigningKeys::workspaceUuid(workspace.database()));
    if (key->login != decision.decidedBy ||
        !SigningKeys::verify(key->publicKey, message, decision.signature)) {
        decision.status = Decision::Status::Invalid;
        decision.statusDetail =
            QStringLiteral(
                "The signature does not match the decision as recorded, or the key registered for %1.")
                .arg(decision.decidedBy);
        return;
    }
    if (key->revokedAt && *key->revokedAt < decision.decidedAt) {
        decision.status = Decision::Status::Invalid;
        decision.statusDetail = QStringLiteral("Signed with a key revoked before the decision.");
        return;
    }
    if (decision.evidenceHash != liveHash) {
        decision.status = Decision::Status::Stale;
        const QStringList parts = decision.evidenceHash == request.evidenceHash
                                      ? EvidenceBundle::changedParts(request.evidence, liveEvidence)
                                      : QStringList();
        decision.statusDetail =
            parts.isEmpty() ? QStringLiteral("The evidence changed after this decision was signed.")
                            : QStringLiteral("The evidence changed after this decision was signed: %1.")
                                  .arg(parts.join(QStringLiteral(", ")));
        return;
    }
    decision.status = Decision::Status::Verified;
    decision.statusDetail =
        QStringLiteral("Signature verified against %1's registered key; evidence unchanged.")
            .arg(decision.decidedBy);
}

PromotionRequest requireOpen(const Workspace& workspace, qint64 requestId) {
    const std::optional<PromotionRequest> request = PromotionRequests(workspace).request(requestId);
    if (!request)
        throw AssayError(QStringLiteral("There is no request #%1.").arg(requestId));
    if (!request->isOpen())
        throw AssayError(
            QStringLiteral("Request #%1 (%2) is %3; it takes no more decisions.")
                .arg(requestId)
                .arg(request->title(), PromotionRequest::statusLabel(request->status).toLower()));
    return *request;
}

void bumpRevision(WriteTransaction& tx, qint64 requestId) {
    tx.run(QStringLiteral("UPDATE promotion_requests SET revision = revision + 1 WHERE id = ?"), {requestId});
    tx.changes().add(EntityKind::PromotionRequest, requestId);
}

void close(WriteTransaction& tx, const PromotionRequest& request, PromotionRequest::Status status) {
    tx.run(QStringLiteral("UPDATE promotion_requests SET status = ?, closed_at = ?, revision = revision + 1 "
                          "WHERE id = ?"),
           {PromotionRequest::statusName(status), tx.now(), request.id});
    tx.changes().add(EntityKind::PromotionRequest, request.id);
}

QString requestEntity(const PromotionRequest& request) {
    return QStringLiteral("request:%1").arg(request.id);
}

void execute(WriteTransaction& tx, const PromotionRequest& request, const QList<SignOff>& signOffs) {
    QStringList signers;
    for (const SignOff& signOff : signOffs)
        signers << QStringLiteral("%1 (%2)").arg(signOff.givenBy->decidedBy, signOff.label.toLower());
    const QString approvedBy = signers.join(QStringLiteral(", "));
    if (request.kind == PromotionRequest::Kind::Promotion)
        Registry::setAlias(tx, request.modelId, request.alias, request.version,
                           QStringLiteral("Request #%1 approved by %2").arg(request.id).arg(approvedBy));
    const int months =
        Policies(tx.workspace()).policy(request.policyVersion).requirements(request.tier).reviewMonths;
    ReviewSchedule::schedule(tx, request.modelId, months, request.id);
    close(tx, request, PromotionRequest::Status::Executed);
    tx.audit(request.kind == PromotionRequest::Kind::Promotion ? QStringLiteral("request.execute")
                                                               : QStringLiteral("review.complete"),
             requestEntity(request),
             {{QStringLiteral("model"), request.modelName},
              {QStringLiteral("version"), request.version},
              {QStringLiteral("alias"), request.alias},
              {QStringLiteral("approved_by"), approvedBy}});
}

void checkTierUnchanged(WriteTransaction& tx, const PromotionRequest& request) {
    const std::optional<RiskAssessment> latest = RiskAssessments(tx.workspace()).latest(request.modelId);
    if (latest && latest->effectiveTier() != request.tier)
        throw AssayError(
            QStringLiteral("%1's tier changed from %2 to %3 since request #%4 was submitted; withdraw "
                           "it and submit it again so that the right people sign.")
                .arg(request.modelName)
                .arg(request.tier)
                .arg(latest->effectiveTier())
                .arg(request.id));
}

void checkInput(WriteTransaction& tx, const PromotionRequests::DecisionInput& input) {
    if (input.comment.trimmed().isEmpty())
        throw AssayError(QStringLiteral("A decision needs a comment that says why."));
    const bool withConditions = input.outcome == Decision::Outcome::ApproveWithConditions;
    if (withConditions && input.conditions.isEmpty())
        throw AssayError(QStringLiteral("An approval with conditions needs at least one condition."));
    if (!withConditions && !input.conditions.isEmpty())
        throw AssayError(QStringLiteral("Only an approval with conditions takes conditions."));
    for (const DecisionCondition& condition : input.conditions)
        Findings::checkCondition(tx, condition);
}

QString chooseSignOff(const PromotionRequests& requests, const PromotionRequest& request,
                      const PromotionRequests::DecisionInput& input, const QString& actor) {
    const DecisionEligibility eligibility = requests.eligibility(request, actor);
    const bool approving = input.outcome != Decision::Outcome::Reject;
    if (approving ? !eligibility.canApprove : !eligibility.canReject)
        throw AssayError(eligibility.reason);
    if (input.signOff.isEmpty() || input.signOff == eligibility.signOff)
        return eligibility.signOff.isEmpty() ? input.signOff : eligibility.signOff;
    for (const SignOff& signOff : requests.signOffs(request)) {
        if (signOff.key == input.signOff && !signOff.isGiven() &&
            requests.qualifies(request, actor, signOff.key))
            return input.signOff;
    }
    throw AssayError(QStringLiteral("%1 cannot sign request #%2 as %3: that sign-off is given already or not "
                                    "required by Tier %4.")
                         .arg(actor)
                         .arg(request.id)
                         .arg(SignOff::labelOf(input.signOff).toLower())
                         .arg(request.tier));
}

// The decision as it will be signed: the sign-off it gives, the comment and conditions trimmed,
// and what the request shows now (gates, evidence, champion), which must be what the decider saw.
Decision decisionFor(WriteTransaction& tx, const PromotionRequests& requests, const PromotionRequest& request,
                     const PromotionRequests::DecisionInput& input) {
    Decision decision;
    decision.requestId = request.id;
    decision.signOff = chooseSignOff(requests, request, input, tx.actor());
    decision.outcome = input.outcome;
    decision.comment = input.comment.trimmed();
    decision.snapshot = requests.snapshot(request);
    if (input.expectedSnapshotHash && *input.expectedSnapshotHash != decision.snapshot->hash())
        throw AssayError(QStringLiteral("What request #%1 shows changed while you were deciding (its gates, "
                                        "evidence or champion); look at it again before signing.")
                             .arg(request.id));
    decision.evidenceHash = EvidenceBundle::hash(decision.snapshot->evidence);
    decision.gates = PromotionGates::summary(decision.snapshot->gates);
    decision.conditions = input.conditions;
    for (DecisionCondition& condition : decision.conditions)
        condition.description = condition.description.trimmed();
    decision.decidedAt = tx.now();
    decision.decidedBy = tx.actor();
    return decision;
}

// Every tier needs the model owner's sign-off and nobody decides what they submitted, so a
// request the owner submitted could never be approved: it is refused up front.
void requireNotOwner(WriteTransaction& tx, const RegisteredModel& model) {
    if (model.owner == tx.actor())
        throw AssayError(
            QStringLiteral("%1 owns %2 and signs its requests as model owner, so cannot also submit "
                           "them; another data scientist (or, for a review, a validator or risk "
                           "officer) submits.")
                .arg(tx.actor(), model.name));
}

// Snapshots the evidence bundle under the current policy and opens the request.
qint64 openRequest(WriteTransaction& tx, PromotionRequest::Kind kind, const RegisteredModel& model,
                   const ModelVersion& version, const QString& alias, int tier,
                   const QString& justification) {
    const int policyVersion = Policies::ensurePublished(tx);
    const QJsonObject evidence = EvidenceBundle::build(tx.workspace(), version.id, policyVersion, tier);
    const QString hash = EvidenceBundle::hash(evidence);
    const QString kindName = PromotionRequest::kindName(kind);
    const qint64 id = tx.insert(
        QStringLiteral(
            "INSERT INTO promotion_requests (kind, model_id, version_id, alias, tier, policy_version, "
            "evidence, evidence_hash, justification, status, submitted_at, submitted_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)"),
        {kindName, model.id, version.id, alias, tier, policyVersion,
         QString::fromUtf8(CanonicalJson::serialize(evidence)), hash, justification.trimmed(), tx.now(),
         tx.actor()});
    tx.audit(kind == PromotionRequest::Kind::Review ? QStringLiteral("review.open")
                                                    : QStringLiteral("request.submit"),
             QStringLiteral("request:%1").arg(id),
             {{QStringLiteral("kind"), kindName},
              {QStringLiteral("model"), model.name},
              {QStringLiteral("version"), version.version},
              {QStringLiteral("alias"), alias},
              {QStringLiteral("tier"), tier},
              {QStringLiteral("policy_version"), policyVersion},
              {QStringLiteral("evidence_hash"), hash},
              {QStringLiteral("justification"), justification.trimmed()}});
    tx.changes().add(EntityKind::PromotionRequest, id);
    return id;
}

} // namespace

qint64 PromotionRequests::submit(WriteTransaction& tx, qint64 modelId, int version, const QString& alias,
                                 const QString& justification) {
    Identity::requireRole(tx, Role::DataScientist, QStringLiteral("request promotions"));
    const Registry registry(tx.workspace());
    const std::optional<RegisteredModel> model = registry.model(modelId);
    if (!model)
        throw AssayError(QStringLiteral("There is no registered model with id %1.").arg(modelId));
    const std::optional<ModelVersion> target = registry.version(modelId, version);
    if (!target)
        throw AssayError(QStringLiteral("Model \"%1\" has no version %2.").arg(model->name).arg(version));
    if (alias.trimmed().isEmpty())
        throw AssayError(QStringLiteral("A promotion request names the alias to move, such as production."));
    if (model->owner.isEmpty())
        throw AssayError(
            QStringLiteral("Name an owner for %1 first: every tier needs the model owner's sign-off.")
                .arg(model->name));
    requireNotOwner(tx, *model);
    const std::optional<RiskAssessment> assessment = RiskAssessments(tx.workspace()).latest(modelId);
    if (!assessment)
        throw AssayError(
            QStringLiteral("Assess %1's risk first: its tier decides who must sign.").arg(model->name));
    if (assessment->blocked)
        throw AssayError(QStringLiteral("%1 cannot be promoted: %2").arg(model->name, assessment->rule));
    if (target->aliases.contains(alias))
        throw AssayError(QStringLiteral("%1 v%2 is %3 already.").arg(model->name).arg(version).arg(alias));
    const QVariant open = SqlQuery::scalar(
        tx.database(),
        QStringLiteral(
            "SELECT id FROM promotion_requests WHERE model_id = ? AND alias = ? AND kind = 'promotion' "
            "AND status = 'open'"),
        {modelId, alias});
    if (!open.isNull())
        throw AssayError(
            QStringLiteral("Request #%1 to move %2's %3 alias is still open; decide or withdraw it "
                           "first.")
                .arg(open.toLongLong())
                .arg(model->name, alias));

    return openRequest(tx, PromotionRequest::Kind::Promotion, *model, *target, alias,
                       assessment->effectiveTier(), justification);
}

qint64 PromotionRequests::submitReview(WriteTransaction& tx, qint64 modelId, const QString& justification) {
    const Registry registry(tx.workspace());
    const std::optional<RegisteredModel> model = registry.model(modelId);
    if (!model)
        throw AssayError(QStringLiteral("There is no registered model with id %1.").arg(modelId));
    requireNotOwner(tx, *model);
    if (!Identity::actorHas(tx, Role::Validator) && !Identity::actorHas(tx, Role::DataScientist))
        Identity::requireRole(tx, Role::RiskOfficer, QStringLiteral("open a periodic review"));
    const QString alias = QStringLiteral("production");
    const std::optional<int> version = registry.aliasVersion(modelId, alias);
    if (!version)
        throw AssayError(QStringLiteral("%1 has no version in production to review.").arg(model->name));
    const std::optional<RiskAssessment> assessment = RiskAssessments(tx.workspace()).latest(modelId);
    if (!assessment)
        throw AssayError(
            QStringLiteral("Assess %1's risk first: its tier decides who must sign.").arg(model->name));
    const QVariant open = SqlQuery::scalar(
        tx.database(),
        QStringLiteral(
            "SELECT id FROM promotion_requests WHERE model_id = ? AND kind = 'review' AND status = 'open'"),
        {modelId});
    if (!open.isNull())
        throw AssayError(
            QStringLiteral("Review #%1 of %2 is still open.").arg(open.toLongLong()).arg(model->name));

    return openRequest(tx, PromotionRequest::Kind::Review, *model, *registry.version(modelId, *version),
                       alias, assessment->effectiveTier(), justification);
}

qint64 PromotionRequests::decide(WriteTransaction& tx, SecretStore& store, qint64 requestId,
                                 const DecisionInput& input) {
    const PromotionRequests requests(tx.workspace());
    const PromotionRequest request = requireOpen(tx.workspace(), requestId);
    if (input.expectedRevision && *input.expectedRevision != request.revision)
        throw AssayError(
            QStringLiteral("Request #%1 changed while you were looking at it (someone decided or "
                           "withdrew it); look at it again before deciding.")
                .arg(requestId));
    checkTierUnchanged(tx, request);
    checkInput(tx, input);
    const Decision decision = decisionFor(tx, requests, request, input);

    const Signature signature = SigningKeys::sign(
        tx, store, signedMessage(request, decision, SigningKeys::workspaceUuid(tx.database())));
    const qint64 id = tx.insert(
        QStringLiteral("INSERT INTO decisions (request_id, sign_off, outcome, comment, evidence_hash, gates, "
                       "decided_at, decided_by, key_id, signature, snapshot) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {requestId, decision.signOff, Decision::outcomeName(decision.outcome), decision.comment,
         decision.evidenceHash, QString::fromUtf8(CanonicalJson::serialize(decision.gates)),
         decision.decidedAt, decision.decidedBy, signature.keyId,
         QString::fromLatin1(signature.bytes.toHex()),
         QString::fromUtf8(CanonicalJson::serialize(decision.snapshot->toJson()))});
    for (const DecisionCondition& condition : decision.conditions)
        Findings::raiseForDecision(tx, request.modelId, request.versionId, id, condition);
    bumpRevision(tx, requestId);
    tx.audit(QStringLiteral("decision.sign"), requestEntity(request),
             {{QStringLiteral("decision"), id},
              {QStringLiteral("sign_off"), decision.signOff},
              {QStringLiteral("outcome"), Decision::outcomeName(decision.outcome)},
              {QStringLiteral("comment"), decision.comment},
              {QStringLiteral("evidence_hash"), decision.evidenceHash},
              {QStringLiteral("snapshot_hash"), decision.snapshot->hash()},
              {QStringLiteral("key_id"), signature.keyId},
              {QStringLiteral("signature"), QString::fromLatin1(signature.bytes.toHex())}});
    tx.changes().add(EntityKind::Decision, id);

    if (decision.outcome == Decision::Outcome::Reject) {
        close(tx, request, PromotionRequest::Status::Rejected);
        tx.audit(QStringLiteral("request.reject"), requestEntity(request),
                 {{QStringLiteral("rejected_by"), tx.actor()}, {QStringLiteral("decision"), id}});
        return id;
    }
    const QList<SignOff> signOffs = requests.signOffs(request);
    if (std::all_of(signOffs.cbegin(), signOffs.cend(), [](const SignOff& s) { return s.isGiven(); }))
        execute(tx, request, signOffs);
    return id;
}

void PromotionRequests::withdraw(WriteTransaction& tx, qint64 requestId, const QString& reason) {
    const PromotionRequest request = requireOpen(tx.workspace(), requestId);
    if (request.submittedBy != tx.actor())
        Identity::requireRole(tx, Role::Admin, QStringLiteral("withdraw someone else's request"));
    close(tx, request, PromotionRequest::Status::Withdrawn);
    tx.audit(QStringLiteral("request.withdraw"), requestEntity(request),
             {{QStringLiteral("reason"), reason.trimmed()}});
}

QByteArray PromotionRequests::signedMessage(const PromotionRequest& request, const Decision& decision,
                                            const QString& workspaceUuid) {
    QJsonArray conditions;
    for (const DecisionCondition& condition : decision.conditions) {
        conditions.append(QJsonObject{{QStringLiteral("description"), condition.description},
                                      {QStringLiteral("owner"), condition.owner},
                                      {QStringLiteral("due_date"), condition.dueDate.toString(Qt::ISODate)},
                                      {QStringLiteral("severity"), condition.severity}});
    }
    QJsonObject message{{QStringLiteral("assay_decision"), 1},
                        {QStringLiteral("workspace"), workspaceUuid},
                        {QStringLiteral("request"), request.id},
                        {QStringLiteral("kind"), PromotionRequest::kindName(request.kind)},
                        {QStringLiteral("model"), request.modelName},
                        {QStringLiteral("version"), request.version},
                        {QStringLiteral("alias"), request.alias},
                        {QStringLiteral("tier"), request.tier},
                        {QStringLiteral("sign_off"), decision.signOff},
                        {QStringLiteral("outcome"), Decision::outcomeName(decision.outcome)},
                        {QStringLiteral("comment"), decision.comment},
                        {QStringLiteral("conditions"), conditions},
                        {QStringLiteral("evidence_hash"), decision.evidenceHash},
                        {QStringLiteral("gates"), decision.gates},
                        {QStringLiteral("decided_at"), decision.decidedAt},
                        {QStringLiteral("decided_by"), decision.decidedBy}};
    // Version 2 also signs what the reviewer saw; a decision recorded without a snapshot is
    // checked as version 1, so removing a snapshot breaks the signature instead of hiding it.
    if (decision.snapshot) {
        message.insert(QStringLiteral("assay_decision"), 2);
        message.insert(QStringLiteral("snapshot"), decision.snapshot->hash());
    }
    return CanonicalJson::serialize(message);
}

std::optional<PromotionRequest> PromotionRequests::request(qint64 requestId) const {
    const QList<PromotionRequest> found =
        queryRequests(m_workspace.database(), QStringLiteral("WHERE p.id = ?"), {requestId});
    return found.isEmpty() ? std::nullopt : std::optional<PromotionRequest>(found.first());
}

QList<PromotionRequest> PromotionRequests::requests(std::optional<qint64> modelId) const {
    if (modelId)
        return queryRequests(m_workspace.database(),
                             QStringLiteral("WHERE p.model_id = ? ORDER BY p.id DESC"), {*modelId});
    return queryRequests(m_workspace.database(), QStringLiteral("ORDER BY p.id DESC"), {});
}

QList<PromotionRequest> PromotionRequests::openRequests() const {
    return queryRequests(m_workspace.database(), QStringLiteral("WHERE p.status = 'open' ORDER BY p.id"), {});
}

DecisionSnapshot PromotionRequests::snapshot(const PromotionRequest& request) const {
    return snapshotOf(m_workspace, request, liveEvidence(request));
}

QJsonObject PromotionRequests::liveEvidence(const PromotionRequest& request) const {
    return EvidenceBundle::build(m_workspace, request.versionId, request.policyVersion, request.tier);
}

QList<Decision> PromotionRequests::decisions(const PromotionRequest& request) const {
    QList<Decision> decisions = queryDecisions(m_workspace, request.id);
    const QJsonObject live = liveEvidence(request);
    const QString liveHash = EvidenceBundle::hash(live);
    for (Decision& decision : decisions)
        assess(m_workspace, request, liveHash, live, decision);
    return decisions;
}

QList<SignOff> PromotionRequests::signOffs(const PromotionRequest& request) const {
    const QList<Decision> all = decisions(request);
    // Only each person's latest decision counts: a stale decision made again replaces the old one.
    QList<Decision> current;
    for (const Decision& decision : all) {
        const bool later = std::any_of(all.cbegin(), all.cend(), [&](const Decision& other) {
            return other.decidedBy == decision.decidedBy && other.id > decision.id;
        });
        if (!later && decision.counts())
            current.append(decision);
    }
    QList<SignOff> signOffs;
    const TierRequirements requirements =
        Policies(m_workspace).policy(request.policyVersion).requirements(request.tier);
    for (const QString& key : requirements.signOffs) {
        SignOff signOff{key, SignOff::labelOf(key), std::nullopt};
        for (const Decision& decision : current) {
            if (decision.signOff == key)
                signOff.givenBy = decision;
        }
        signOffs.append(signOff);
    }
    return signOffs;
}

bool PromotionRequests::qualifies(const PromotionRequest& request, const QString& login,
                                  const QString& signOff) const {
    const Identity identity(m_workspace);
    if (signOff == QLatin1String("model_owner"))
        return Registry(m_workspace).model(request.modelId)->owner == login;
    if (signOff == QLatin1String("validator"))
        return identity.has(login, Role::Validator);
    if (signOff == QLatin1String("risk_officer"))
        return identity.has(login, Role::RiskOfficer);
    if (signOff == QLatin1String("reviewer"))
        return identity.has(login, Role::Validator) || identity.has(login, Role::RiskOfficer) ||
               identity.has(login, Role::DataScientist);
    return false;
}

DecisionEligibility PromotionRequests::eligibility(const PromotionRequest& request,
                                                   const QString& login) const {
    DecisionEligibility result;
    if (!request.isOpen()) {
        result.reason = QStringLiteral("Request #%1 is %2.")
                            .arg(request.id)
                            .arg(PromotionRequest::statusLabel(request.status).toLower());
        return result;
    }
    if (request.submittedBy == login) {
        result.reason =
            QStringLiteral("%1 submitted request #%2 and may not decide it; segregation of duties "
                           "needs someone else.")
                .arg(login)
                .arg(request.id);
        return result;
    }
    const std::optional<ModelVersion> version = Registry(m_workspace).versionById(request.versionId);
    if (version && version->runUser == login) {
        result.reason =
            QStringLiteral("%1 created the run behind %2 v%3 and may not decide on it; segregation of "
                           "duties needs someone else.")
                .arg(login, request.modelName)
                .arg(request.version);
        return result;
    }
    const QList<SignOff> signOffs = this->signOffs(request);
    for (const SignOff& signOff : signOffs) {
        if (signOff.isGiven() && signOff.givenBy->decidedBy == login) {
            result.reason = QStringLiteral("%1 has signed request #%2 already, as %3; each sign-off needs a "
                                           "different person.")
                                .arg(login)
                                .arg(request.id)
                                .arg(signOff.label.toLower());
            return result;
        }
    }
    QStringList needed;
    for (const SignOff& signOff : signOffs) {
        if (qualifies(request, login, signOff.key)) {
            result.canReject = true;
            if (!signOff.isGiven() && result.signOff.isEmpty())
                result.signOff = signOff.key;
        }
        if (!signOff.isGiven())
            needed << signOff.label.toLower();
    }
    result.canApprove = !result.signOff.isEmpty();
    if (!result.canApprove && !result.canReject) {
        result.reason = needed.isEmpty()
                            ? QStringLiteral("Every sign-off of request #%1 is given.").arg(request.id)
                            : QStringLiteral("Request #%1 still needs: %2. %3 can give none of them.")
                                  .arg(request.id)
                                  .arg(needed.join(QStringLiteral(", ")), login);
    } else if (!result.canApprove) {
        result.reason = QStringLiteral("Request #%1 still needs: %2. The sign-offs %3 could give are given "
                                       "already; %3 can still reject.")
                            .arg(request.id)
                            .arg(needed.join(QStringLiteral(", ")), login);
    }
    return result;
}

QList<PromotionRequest> PromotionRequests::inbox(const QString& login) const {
    QList<PromotionRequest> result;
    for (const PromotionRequest& request : openRequests()) {
        if (eligibility(request, login).canApprove)
            result.append(request);
    }
    return result;
}

QList<SignatureCheck> PromotionRequests::verifySignatures() const {
    QList<SignatureCheck> checks;
    for (const PromotionRequest& request : requests()) {
        for (const Decision& decision : decisions(request)) {
            checks.append({decision.id, request.id, request.title(), decision.decidedBy, decision.status,
                           request.status == PromotionRequest::Status::Executed, decision.statusDetail});
        }
    }
    return checks;
}

} // namespace assay
