#include "GovernanceReportReader.h"

#include "core/audit/ModelAuditTrail.h"
#include "core/base/AssayError.h"
#include "core/drift/DriftMonitors.h"
#include "core/governance/EvidenceFiles.h"
#include "core/governance/Findings.h"
#include "core/governance/Policies.h"
#include "core/governance/PromotionGates.h"
#include "core/governance/PromotionRequests.h"
#include "core/governance/RiskAssessments.h"
#include "core/governance/TierPolicy.h"
#include "core/identity/Identity.h"
#include "core/registry/ModelCards.h"
#include "core/registry/Registry.h"
#include "core/tracking/MetricStore.h"
#include "core/workspace/Workspace.h"

#include <QMap>

namespace assay {

GovernanceReportData GovernanceReportReader::read(const QString& modelName, int version) const {
    const Registry registry(m_workspace);
    GovernanceReportData data;
    const std::optional<RegisteredModel> model = registry.modelByName(modelName);
    if (!model)
        throw AssayError(QStringLiteral("There is no model named \"%1\".").arg(modelName));
    const std::optional<ModelVersion> found = registry.version(model->id, version);
    if (!found)
        throw AssayError(QStringLiteral("Model \"%1\" has no version %2.").arg(modelName).arg(version));
    data.model = *model;
    data.version = *found;
    readCard(data);
    readAssessment(data);
    data.evidenceFiles = EvidenceFiles(m_workspace).files(data.version.id);
    readRequests(data);
    readComparison(data);
    readDrift(data);
    data.audit = ModelAuditTrail(m_workspace).events(modelName, version);
    for (const User& user : Identity(m_workspace).users()) {
        if (!user.displayName.isEmpty())
            data.displayNames.insert(user.login, user.displayName);
    }
    return data;
}

void GovernanceReportReader::readCard(GovernanceReportData& data) const {
    const ModelCard card = ModelCards(m_workspace).card(data.version.id);
    for (const ModelCardSection& section : ModelCards::sections())
        data.card.append({section.label, card.value(section.key)});
    data.cardUpdatedBy = card.updatedBy;
    data.cardUpdatedAt = card.updatedAt;
}

void GovernanceReportReader::readAssessment(GovernanceReportData& data) const {
    data.assessment = RiskAssessments(m_workspace).latest(data.model.id);
    if (!data.assessment)
        return;
    const TierPolicy policy = Policies(m_workspace).policy(data.assessment->policyVersion);
    for (const RiskDimension& dimension : policy.dimensions())
        data.scores.append({dimension.label, dimension.weight, data.assessment->scores.value(dimension.key)});
    for (const EuAiActCategory& category : policy.euCategories()) {
        if (category.key == data.assessment->euCategory)
            data.euCategoryLabel = category.label;
    }
    data.requirements = policy.requirements(data.assessment->effectiveTier());
}

void GovernanceReportReader::readRequests(GovernanceReportData& data) const {
    const PromotionRequests requests(m_workspace);
    for (const PromotionRequest& request : requests.requests(data.model.id)) {
        if (request.versionId != data.version.id)
            continue;
        QList<std::pair<QString, bool>> evidence;
        for (const auto& [key, present] : PromotionGates::evidenceItems(m_workspace, request))
            evidence.append({PromotionGates::evidenceLabel(key), present});
        const QList<Decision> decisions = requests.decisions(request);
        QList<Finding> findings;
        for (const Decision& decision : decisions)
            findings += Findings(m_workspace).ofDecision(decision.id);
        data.requests.append({request, PromotionGates::compute(m_workspace, request), evidence,
                              requests.signOffs(request), decisions, findings});
    }
}

void GovernanceReportReader::readComparison(GovernanceReportData& data) const {
    const Registry registry(m_workspace);
    std::optional<int> championNumber;
    data.championAlias = QStringLiteral("production");
    for (const GovernanceReportData::Request& entry : std::as_const(data.requests)) {
        if (entry.request.kind != PromotionRequest::Kind::Promotion)
            continue;
        data.championAlias = entry.request.alias;
        championNumber =
            registry.aliasVersionAt(data.model.id, entry.request.alias, entry.request.submittedAt);
        break;
    }
    if (!championNumber)
        championNumber = registry.aliasVersion(data.model.id, data.championAlias);
    if (championNumber && *championNumber != data.version.version)
        data.champion = registry.version(data.model.id, *championNumber);

    const MetricStore metrics(m_workspace);
    QMap<QString, GovernanceReportData::ComparisonRow> rows;
    if (data.version.runId) {
        for (const MetricSummary& summary : metrics.summaries(*data.version.runId))
            rows[summary.key].candidate = summary.latest;
    }
    if (data.champion && data.champion->runId) {
        for (const MetricSummary& summary : metrics.summaries(*data.champion->runId))
            rows[summary.key].champion = summary.latest;
    }
    for (auto it = rows.begin(); it != rows.end(); ++it) {
        it->metric = it.key();
        it->primary = it.key() == data.model.primaryMetric;
        if (it->primary)
            data.comparison.prepend(*it);
        else
            data.comparison.append(*it);
    }
    if (data.model.primaryMetric.isEmpty())
        return;
    if (data.version.runId)
        data.primarySeries = metrics.series(*data.version.runId, data.model.primaryMetric);
    if (data.champion && data.champion->runId)
        data.championSeries = metrics.series(*data.champion->runId, data.model.primaryMetric);
}

void GovernanceReportReader::readDrift(GovernanceReportData& data) const {
    const DriftMonitors monitors(m_workspace);
    data.drift = monitors.versionStatus(data.version.id);
    for (const DriftMonitor& monitor : monitors.monitorsOfVersion(data.version.id))
        data.monitors.append({monitor, monitors.windows(monitor.id)});
}

} // namespace assay
