#include "ModelReport.h"

#include "RequestReport.h"
#include "app/cli/CliTime.h"
#include "app/cli/TextTable.h"
#include "core/base/VersionLock.h"
#include "core/governance/Findings.h"
#include "core/governance/ModelCatalog.h"
#include "core/governance/PromotionRequests.h"
#include "core/governance/RiskAssessments.h"
#include "core/registry/ModelCards.h"
#include "core/registry/Registry.h"
#include "core/workspace/Workspace.h"

#include <QJsonArray>

namespace assay::cli {
namespace {

QString orDash(const QString& text) {
    return text.isEmpty() ? QStringLiteral("-") : text;
}

QString versionText(const std::optional<int>& version) {
    return version ? QStringLiteral("v%1").arg(*version) : QStringLiteral("-");
}

QJsonValue optionalInt(const std::optional<int>& value) {
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

// "complete", or "3 of 14 sections missing"
QString cardText(const ModelCard& card) {
    const qsizetype missing = card.missingSections().size();
    return missing == 0
               ? QStringLiteral("complete")
               : QStringLiteral("%1 of %2 sections missing").arg(missing).arg(ModelCards::sections().size());
}

QString overrideText(const RiskAssessment& assessment) {
    if (!assessment.overrideTier || assessment.overrideStatus == RiskAssessment::OverrideStatus::None)
        return {};
    return QStringLiteral("override to Tier %1 %2 (%3)")
        .arg(*assessment.overrideTier)
        .arg(RiskAssessment::statusName(assessment.overrideStatus), assessment.overrideReason);
}

QJsonObject assessmentJson(const RiskAssessment& assessment) {
    QJsonObject scores;
    for (auto it = assessment.scores.cbegin(); it != assessment.scores.cend(); ++it)
        scores.insert(it.key(), it.value());
    QJsonObject json{{QStringLiteral("tier"), assessment.effectiveTier()},
                     {QStringLiteral("computed_tier"), assessment.computedTier},
                     {QStringLiteral("blocked"), assessment.blocked},
                     {QStringLiteral("rule"), assessment.rule},
                     {QStringLiteral("scores"), scores},
                     {QStringLiteral("eu_category"), assessment.euCategory},
                     {QStringLiteral("rationale"), assessment.rationale},
                     {QStringLiteral("policy_version"), assessment.policyVersion},
                     {QStringLiteral("assessed_by"), assessment.assessedBy},
                     {QStringLiteral("assessed_at"), CliTime::timestamp(assessment.assessedAt)}};
    if (assessment.overrideTier) {
        json.insert(
            QStringLiteral("override"),
            QJsonObject{{QStringLiteral("tier"), *assessment.overrideTier},
                        {QStringLiteral("reason"), assessment.overrideReason},
                        {QStringLiteral("status"), RiskAssessment::statusName(assessment.overrideStatus)},
                        {QStringLiteral("decided_by"), assessment.overrideDecidedBy},
                        {QStringLiteral("comment"), assessment.overrideComment}});
    }
    return json;
}

QJsonObject findingJson(const Finding& finding) {
    return {{QStringLiteral("id"), finding.id},
            {QStringLiteral("description"), finding.description},
            {QStringLiteral("severity"), finding.severity},
            {QStringLiteral("owner"), finding.owner},
            {QStringLiteral("due_date"), finding.dueDate.toString(Qt::ISODate)},
            {QStringLiteral("decision"),
             finding.decisionId ? QJsonValue(*finding.decisionId) : QJsonValue(QJsonValue::Null)}};
}

QList<Finding> openFindings(const Workspace& workspace, qint64 modelId) {
    QList<Finding> open;
    for (const Finding& finding : Findings(workspace).findings(modelId)) {
        if (finding.open)
            open.append(finding);
    }
    return open;
}

} // namespace

QStringList ModelReport::aliases() const {
    QStringList aliases{QStringLiteral("production")};
    for (const ModelVersion& version : Registry(m_workspace).versions(m_model.id))
        aliases << version.aliases;
    for (const PromotionRequest& request : PromotionRequests(m_workspace).requests(m_model.id))
        aliases << request.alias;
    aliases.removeAll(QString());
    aliases.removeDuplicates();
    return aliases;
}

QString ModelReport::assessmentText() const {
    const std::optional<RiskAssessment> assessment = RiskAssessments(m_workspace).latest(m_model.id);
    if (!assessment)
        return QStringLiteral("Tier: not assessed\n");
    QString text = assessment->blocked ? QStringLiteral("Tier: blocked\n")
                                       : QStringLiteral("Tier: %1\n").arg(assessment->effectiveTier());
    text += QStringLiteral("  %1\n").arg(assessment->rule);
    text += QStringLiteral("  assessed by %1 on %2 under policy v%3, EU AI Act category %4\n")
                .arg(assessment->assessedBy, CliTime::date(assessment->assessedAt))
                .arg(assessment->policyVersion)
                .arg(assessment->euCategory);
    const QString tierOverride = overrideText(*assessment);
    if (!tierOverride.isEmpty())
        text += QStringLiteral("  ") + tierOverride + QLatin1Char('\n');
    return text;
}

QString ModelReport::versionsText() const {
    TextTable table({QStringLiteral("version"), QStringLiteral("aliases"), QStringLiteral("run"),
                     QStringLiteral("run by"), QStringLiteral("approved"), QStringLiteral("card")});
    const ModelCards cards(m_workspace);
    for (const ModelVersion& version : Registry(m_workspace).versions(m_model.id)) {
        table.addRow({QStringLiteral("v%1").arg(version.version),
                      orDash(version.aliases.join(QLatin1Char(','))), orDash(version.runUid),
                      orDash(version.runUser),
                      VersionLock::isApproved(m_workspace.database(), version.id) ? QStringLiteral("yes")
                                                                                  : QStringLiteral("no"),
                      cardText(cards.card(version.id))});
    }
    return QStringLiteral("Versions:\n") + table.text(QStringLiteral("  "));
}

QString ModelReport::aliasHistoryText() const {
    QString text;
    const Registry registry(m_workspace);
    for (const QString& alias : aliases()) {
        const QList<AliasChange> history = registry.aliasHistory(m_model.id, alias);
        if (history.isEmpty())
            continue;
        TextTable table({QStringLiteral("when"), QStringLiteral("to"), QStringLiteral("from"),
                         QStringLiteral("by"), QStringLiteral("reason")});
        for (const AliasChange& change : history) {
            table.addRow({CliTime::timestamp(change.changedAt), versionText(change.version),
                          versionText(change.previousVersion), change.changedBy, change.reason});
        }
        text += QStringLiteral("History of %1:\n").arg(alias) + table.text(QStringLiteral("  "));
    }
    return text;
}

QString ModelReport::requestsText() const {
    const QList<PromotionRequest> requests = PromotionRequests(m_workspace).requests(m_model.id);
    if (requests.isEmpty())
        return QStringLiteral("Requests: none\n");
    TextTable table({QStringLiteral("request"), QStringLiteral("tier"), QStringLiteral("status"),
                     QStringLiteral("submitted"), QStringLiteral("by")});
    for (const PromotionRequest& request : requests) {
        table.addRow({QStringLiteral("#%1 %2").arg(request.id).arg(request.title()),
                      QString::number(request.tier), PromotionRequest::statusLabel(request.status),
                      CliTime::date(request.submittedAt), request.submittedBy});
    }
    return QStringLiteral("Requests:\n") + table.text(QStringLiteral("  "));
}

QString ModelReport::findingsText() const {
    const QList<Finding> open = openFindings(m_workspace, m_model.id);
    if (open.isEmpty())
        return QStringLiteral("Open findings: none\n");
    TextTable table({QStringLiteral("finding"), QStringLiteral("severity"), QStringLiteral("owner"),
                     QStringLiteral("due"), QStringLiteral("description")});
    for (const Finding& finding : open) {
        table.addRow({QStringLiteral("#%1").arg(finding.id), finding.severity, finding.owner,
                      finding.dueDate.toString(Qt::ISODate), finding.description});
    }
    return QStringLiteral("Open findings:\n") + table.text(QStringLiteral("  "));
}

QString ModelReport::text() const {
    const ModelOverview overview = ModelCatalog(m_workspace).overview(m_model.id, m_workspace.now());
    QString text = m_model.name + QLatin1Char('\n');
    if (!m_model.description.isEmpty())
        text += QStringLiteral("  ") + m_model.description + QLatin1Char('\n');
    text += QStringLiteral("Owner: %1; business owner: %2\n")
                .arg(orDash(m_model.owner), orDash(m_model.businessOwner));
    text += m_model.primaryMetric.isEmpty()
                ? QStringLiteral("Primary metric: - (choose one with model metric)\n")
                : QStringLiteral("Primary metric: %1 (%2 is better)\n")
                      .arg(m_model.primaryMetric,
                           m_model.higherIsBetter ? QStringLiteral("higher") : QStringLiteral("lower"));
    text += assessmentText();
    text += QStringLiteral("Production: %1").arg(versionText(overview.productionVersion));
    if (overview.review) {
        text += QStringLiteral("; next review %1%2")
                    .arg(CliTime::date(overview.review->nextReviewAt),
                         overview.reviewOverdue ? QStringLiteral(" OVERDUE") : QString());
    }
    text += QLatin1Char('\n');
    return text + versionsText() + aliasHistoryText() + requestsText() + findingsText();
}

QJsonObject ModelReport::json() const {
    const ModelOverview overview = ModelCatalog(m_workspace).overview(m_model.id, m_workspace.now());
    const Registry registry(m_workspace);
    const ModelCards cards(m_workspace);
    QJsonArray versions;
    for (const ModelVersion& version : registry.versions(m_model.id)) {
        const ModelCard card = cards.card(version.id);
        versions.append(QJsonObject{
            {QStringLiteral("version"), version.version},
            {QStringLiteral("aliases"), QJsonArray::fromStringList(version.aliases)},
            {QStringLiteral("run"), version.runUid},
            {QStringLiteral("run_user"), version.runUser},
            {QStringLiteral("description"), version.description},
            {QStringLiteral("created_by"), version.createdBy},
            {QStringLiteral("created_at"), CliTime::timestamp(version.createdAt)},
            {QStringLiteral("approved"), VersionLock::isApproved(m_workspace.database(), version.id)},
            {QStringLiteral("card_complete"), card.isComplete()},
            {QStringLiteral("card_missing"), QJsonArray::fromStringList(card.missingSections())}});
    }
    QJsonObject history;
    for (const QString& alias : aliases()) {
        QJsonArray changes;
        for (const AliasChange& change : registry.aliasHistory(m_model.id, alias)) {
            changes.append(
                QJsonObject{{QStringLiteral("version"), optionalInt(change.version)},
                            {QStringLiteral("previous_version"), optionalInt(change.previousVersion)},
                            {QStringLiteral("changed_at"), CliTime::timestamp(change.changedAt)},
                            {QStringLiteral("changed_by"), change.changedBy},
                            {QStringLiteral("reason"), change.reason}});
        }
        if (!changes.isEmpty())
            history.insert(alias, changes);
    }
    QJsonArray requests;
    for (const PromotionRequest& request : PromotionRequests(m_workspace).requests(m_model.id))
        requests.append(RequestReport(m_workspace, request).json());
    QJsonArray findings;
    for (const Finding& finding : openFindings(m_workspace, m_model.id))
        findings.append(findingJson(finding));
    const std::optional<RiskAssessment> assessment = RiskAssessments(m_workspace).latest(m_model.id);
    return {{QStringLiteral("name"), m_model.name},
            {QStringLiteral("description"), m_model.description},
            {QStringLiteral("owner"), m_model.owner},
            {QStringLiteral("business_owner"), m_model.businessOwner},
            {QStringLiteral("primary_metric"), m_model.primaryMetric},
            {QStringLiteral("higher_is_better"), m_model.higherIsBetter},
            {QStringLiteral("created_by"), m_model.createdBy},
            {QStringLiteral("created_at"), CliTime::timestamp(m_model.createdAt)},
            {QStringLiteral("assessment"),
             assessment ? QJsonValue(assessmentJson(*assessment)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("production_version"), optionalInt(overview.productionVersion)},
            {QStringLiteral("next_review"), overview.review
                                                ? QJsonValue(CliTime::date(overview.review->nextReviewAt))
                                                : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("review_overdue"), overview.reviewOverdue},
            {QStringLiteral("versions"), versions},
            {QStringLiteral("alias_history"), history},
            {QStringLiteral("requests"), requests},
            {QStringLiteral("open_findings"), findings}};
}

} // namespace assay::cli
