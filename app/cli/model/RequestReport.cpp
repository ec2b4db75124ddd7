#include "RequestReport.h"

#include "app/cli/CliTime.h"
#include "app/cli/TextTable.h"
#include "core/governance/PromotionGates.h"
#include "core/governance/PromotionRequests.h"

#include <QJsonArray>

namespace assay::cli {
namespace {

QString statusName(Decision::Status status) {
    return Decision::statusLabel(status).toLower();
}

QJsonObject conditionJson(const DecisionCondition& condition) {
    return {{QStringLiteral("description"), condition.description},
            {QStringLiteral("owner"), condition.owner},
            {QStringLiteral("due_date"), condition.dueDate.toString(Qt::ISODate)},
            {QStringLiteral("severity"), condition.severity}};
}

QJsonObject decisionJson(const Decision& decision) {
    QJsonArray conditions;
    for (const DecisionCondition& condition : decision.conditions)
        conditions.append(conditionJson(condition));
    return {{QStringLiteral("id"), decision.id},
            {QStringLiteral("sign_off"), decision.signOff},
            {QStringLiteral("outcome"), Decision::outcomeName(decision.outcome)},
            {QStringLiteral("comment"), decision.comment},
            {QStringLiteral("conditions"), conditions},
            {QStringLiteral("decided_by"), decision.decidedBy},
            {QStringLiteral("decided_at"), CliTime::timestamp(decision.decidedAt)},
            {QStringLiteral("key_id"), decision.keyId},
            {QStringLiteral("evidence_hash"), decision.evidenceHash},
            {QStringLiteral("gates"), Gate::toJson(PromotionGates::recorded(decision))},
            {QStringLiteral("status"), statusName(decision.status)},
            {QStringLiteral("status_detail"), decision.statusDetail}};
}

} // namespace

QString RequestReport::heading() const {
    return QStringLiteral("#%1 %2: %3 (Tier %4)")
        .arg(m_request.id)
        .arg(m_request.title(), PromotionRequest::statusLabel(m_request.status))
        .arg(m_request.tier);
}

QString RequestReport::signOffsText() const {
    TextTable table({QStringLiteral("sign-off"), QStringLiteral("given by")});
    for (const SignOff& signOff : PromotionRequests(m_workspace).signOffs(m_request)) {
        const QString given = signOff.isGiven()
                                  ? QStringLiteral("%1 (%2, %3)")
                                        .arg(signOff.givenBy->decidedBy,
                                             Decision::outcomeLabel(signOff.givenBy->outcome).toLower(),
                                             statusName(signOff.givenBy->status))
                                  : QStringLiteral("(waiting)");
        table.addRow({signOff.label.toLower(), given});
    }
    return table.text(QStringLiteral("  "));
}

QString RequestReport::decisionsText() const {
    const QList<Decision> decisions = PromotionRequests(m_workspace).decisions(m_request);
    if (decisions.isEmpty())
        return {};
    TextTable table({QStringLiteral("decision"), QStringLiteral("by"), QStringLiteral("as"),
                     QStringLiteral("outcome"), QStringLiteral("signature"), QStringLiteral("comment")});
    for (const Decision& decision : decisions) {
        table.addRow({QString::number(decision.id), decision.decidedBy, decision.signOff,
                      Decision::outcomeName(decision.outcome),
                      QStringLiteral("%1 (key %2)").arg(statusName(decision.status)).arg(decision.keyId),
                      decision.comment});
    }
    return table.text(QStringLiteral("  "));
}

QString RequestReport::gatesText(const QList<Gate>& gates) {
    TextTable table({QStringLiteral("gate"), QStringLiteral("status"), QStringLiteral("detail")});
    for (const Gate& gate : gates)
        table.addRow({gate.label, Gate::statusName(gate.status).replace(QLatin1Char('_'), QLatin1Char(' ')),
                      gate.detail});
    return table.text(QStringLiteral("  "));
}

QString RequestReport::text() const {
    QString text = heading() + QLatin1Char('\n');
    text += QStringLiteral("  submitted by %1 on %2 under policy v%3")
                .arg(m_request.submittedBy, CliTime::date(m_request.submittedAt))
                .arg(m_request.policyVersion);
    if (!m_request.justification.isEmpty())
        text += QStringLiteral(": ") + m_request.justification;
    text += QStringLiteral("\nSign-offs required by Tier %1:\n").arg(m_request.tier) + signOffsText();
    const QString decisions = decisionsText();
    if (!decisions.isEmpty())
        text += QStringLiteral("Decisions:\n") + decisions;
    if (m_request.isOpen()) {
        text += QStringLiteral("Gates (as the data stands now):\n") +
                gatesText(PromotionGates::compute(m_workspace, m_request));
        return text;
    }
    // A closed request: what each reviewer saw when signing, not today's data.
    for (const Decision& decision : PromotionRequests(m_workspace).decisions(m_request)) {
        text += (decision.status == Decision::Status::Invalid
                     ? QStringLiteral("Gates recorded with decision %2 by %1 on %3, whose signature does not "
                                      "verify (not what anyone signed):\n")
                     : QStringLiteral("Gates as %1 saw them when signing decision %2 on %3:\n"))
                    .arg(decision.decidedBy)
                    .arg(decision.id)
                    .arg(CliTime::date(decision.decidedAt)) +
                gatesText(PromotionGates::recorded(decision));
    }
    return text;
}

QJsonObject RequestReport::json() const {
    const PromotionRequests requests(m_workspace);
    QJsonArray signOffs;
    for (const SignOff& signOff : requests.signOffs(m_request)) {
        signOffs.append(QJsonObject{
            {QStringLiteral("key"), signOff.key},
            {QStringLiteral("label"), signOff.label},
            {QStringLiteral("given_by"),
             signOff.isGiven() ? QJsonValue(signOff.givenBy->decidedBy) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("decision"),
             signOff.isGiven() ? QJsonValue(signOff.givenBy->id) : QJsonValue(QJsonValue::Null)}});
    }
    QJsonArray decisions;
    for (const Decision& decision : requests.decisions(m_request))
        decisions.append(decisionJson(decision));
    QJsonObject json{{QStringLiteral("id"), m_request.id},
                     {QStringLiteral("kind"), PromotionRequest::kindName(m_request.kind)},
                     {QStringLiteral("title"), m_request.title()},
                     {QStringLiteral("model"), m_request.modelName},
                     {QStringLiteral("version"), m_request.version},
                     {QStringLiteral("alias"), m_request.alias},
                     {QStringLiteral("tier"), m_request.tier},
                     {QStringLiteral("policy_version"), m_request.policyVersion},
                     {QStringLiteral("status"), PromotionRequest::statusName(m_request.status)},
                     {QStringLiteral("revision"), m_request.revision},
                     {QStringLiteral("justification"), m_request.justification},
                     {QStringLiteral("submitted_by"), m_request.submittedBy},
                     {QStringLiteral("submitted_at"), CliTime::timestamp(m_request.submittedAt)},
                     {QStringLiteral("closed_at"), CliTime::json(m_request.closedAt)},
                     {QStringLiteral("evidence_hash"), m_request.evidenceHash},
                     {QStringLiteral("sign_offs"), signOffs},
                     {QStringLiteral("decisions"), decisions}};
    if (m_request.isOpen()) // a closed request's gates are those each decision recorded
        json.insert(QStringLiteral("gates"), Gate::toJson(PromotionGates::compute(m_workspace, m_request)));
    return json;
}

} // namespace assay::cli
