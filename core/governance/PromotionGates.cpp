#include "PromotionGates.h"

#include "Decision.h"
#include "EvidenceFiles.h"
#include "Findings.h"
#include "MetricDifference.h"
#include "Policies.h"
#include "PromotionRequest.h"
#include "core/drift/DriftMonitors.h"
#include "core/registry/ModelCards.h"
#include "core/registry/Registry.h"
#include "core/tracking/MetricStore.h"

namespace assay {
namespace {

std::optional<double> latestMetric(const Workspace& workspace, const std::optional<ModelVersion>& version,
                                   const QString& key) {
    if (!version || !version->runId)
        return std::nullopt;
    const std::optional<MetricSummary> summary = MetricStore(workspace).summary(*version->runId, key);
    return summary ? std::optional<double>(summary->latest) : std::nullopt;
}

Gate primaryMetricGate(const Workspace& workspace, const PromotionRequest& request) {
    Gate gate{QStringLiteral("primary_metric"),
              QStringLiteral("Primary metric against the champion"),
              Gate::Status::NotApplicable,
              {}};
    const RegisteredModel model = *Registry(workspace).model(request.modelId);
    if (request.kind == PromotionRequest::Kind::Review) {
        gate.detail = QStringLiteral("A periodic review looks at the champion itself.");
        return gate;
    }
    if (model.primaryMetric.isEmpty()) {
        gate.status = Gate::Status::Failed;
        gate.detail = QStringLiteral("The model has no primary metric; choose one on its model page.");
        return gate;
    }
    const std::optional<ModelVersion> candidate =
        Registry(workspace).version(request.modelId, request.version);
    const std::optional<double> candidateValue = latestMetric(workspace, candidate, model.primaryMetric);
    if (!candidateValue) {
        gate.status = Gate::Status::Failed;
        gate.detail =
            QStringLiteral("Version %1's run has no %2.").arg(request.version).arg(model.primaryMetric);
        return gate;
    }
    const std::optional<ModelVersion> holder = PromotionGates::champion(workspace, request);
    const std::optional<double> championValue = latestMetric(workspace, holder, model.primaryMetric);
    if (!holder || !championValue) {
        gate.status = Gate::Status::Passed;
        gate.detail = holder ? QStringLiteral("%1 = %2; the champion v%3 has no %1 to compare with.")
                                   .arg(model.primaryMetric)
                                   .arg(*candidateValue, 0, 'g', 6)
                                   .arg(holder->version)
                             : QStringLiteral("%1 = %2; there is no champion in %3 yet.")
                                   .arg(model.primaryMetric)
                                   .arg(*candidateValue, 0, 'g', 6)
                                   .arg(request.alias);
        return gate;
    }
    const double tolerance = Policies(workspace).policy(request.policyVersion).primaryMetricTolerance();
    const MetricDifference difference =
        MetricDifference::between(*candidateValue, *championValue, model.higherIsBetter);
    gate.status = difference.gain() >= -tolerance ? Gate::Status::Passed : Gate::Status::Failed;
    gate.detail = QStringLiteral("%1 %2 against the champion v%3's %4: %5 (%6 is better; tolerance %7).")
                      .arg(model.primaryMetric)
                      .arg(*candidateValue, 0, 'g', 6)
                      .arg(holder->version)
                      .arg(*championValue, 0, 'g', 6)
                      .arg(difference.describe(),
                           model.higherIsBetter ? QStringLiteral("higher") : QStringLiteral("lower"))
                      .arg(tolerance);
    return gate;
}

Gate findingsGate(const Workspace& workspace, const PromotionRequest& request) {
    const int open = Findings(workspace).openCritical(request.modelId);
    return {QStringLiteral("critical_findings"), QStringLiteral("No open critical finding"),
            open == 0 ? Gate::Status::Passed : Gate::Status::Failed,
            open == 0
                ? QStringLiteral("No critical finding is open on %1.").arg(request.modelName)
                : QStringLiteral("%1 critical finding(s) open on %2.").arg(open).arg(request.modelName)};
}

// The version under review is judged on its own monitors' latest windows. A new candidate has no
// production data yet: its gate does not apply, but it still says when the model it would
// replace is flagged, since that is often why the candidate exists.
Gate driftGate(const Workspace& workspace, const PromotionRequest& request) {
    Gate gate{
        QStringLiteral("drift"), QStringLiteral("Latest drift status"), Gate::Status::NotApplicable, {}};
    const DriftMonitors monitors(workspace);
    const DriftStatus own = monitors.versionStatus(request.versionId);
    if (own.windows > 0) {
        gate.status = own.retrainingRecommended ? Gate::Status::Failed : Gate::Status::Passed;
        gate.detail = own.summary();
        return gate;
    }
    const DriftStatus model = monitors.status(request.modelId);
    if (model.monitors == 0) {
        gate.detail = QStringLiteral("No drift monitor watches this model.");
        return gate;
    }
    gate.detail = own.monitors > 0
                      ? QStringLiteral("Version %1 is monitored; no current data yet.").arg(request.version)
                      : QStringLiteral("No monitor watches version %1 yet.").arg(request.version);
    if (model.retrainingRecommended)
        gate.detail += QStringLiteral(" The model is flagged: retraining recommended. ") +
                       model.reasons.join(QLatin1Char(' '));
    return gate;
}

Gate evidenceGate(const Workspace& workspace, const PromotionRequest& request) {
    QStringList missing;
    for (const auto& [key, present] : PromotionGates::evidenceItems(workspace, request)) {
        if (!present)
            missing << PromotionGates::evidenceLabel(key);
    }
    return {QStringLiteral("evidence"), QStringLiteral("Evidence for Tier %1").arg(request.tier),
            missing.isEmpty() ? Gate::Status::Passed : Gate::Status::Failed,
            missing.isEmpty() ? QStringLiteral("Everything Tier %1 requires is there.").arg(request.tier)
                              : QStringLiteral("Missing: %1.").arg(missing.join(QStringLiteral(", ")))};
}

bool hasEvidenceFile(const Workspace& workspace, qint64 versionId, const QString& kind) {
    for (const EvidenceFile& file : EvidenceFiles(workspace).files(versionId)) {
        if (file.kind == kind)
            return true;
    }
    return false;
}

} // namespace

QList<Gate> PromotionGates::compute(const Workspace& workspace, const PromotionRequest& request) {
    return {primaryMetricGate(workspace, request), findingsGate(workspace, request),
            driftGate(workspace, request), evidenceGate(workspace, request)};
}

std::optional<ModelVersion> PromotionGates::champion(const Workspace& workspace,
                                                     const PromotionRequest& request) {
    if (request.kind == PromotionRequest::Kind::Review)
        return std::nullopt;
    const Registry registry(workspace);
    const std::optional<int> number = registry.aliasVersion(request.modelId, request.alias);
    if (!number || *number == request.version)
        return std::nullopt;
    return registry.version(request.modelId, *number);
}

QList<Gate> PromotionGates::recorded(const Decision& decision) {
    if (decision.snapshot)
        return decision.snapshot->gates;
    static const QList<std::pair<QString, QString>> known{
        {QStringLiteral("primary_metric"), QStringLiteral("Primary metric against the champion")},
        {QStringLiteral("critical_findings"), QStringLiteral("No open critical finding")},
        {QStringLiteral("drift"), QStringLiteral("Latest drift status")},
        {QStringLiteral("evidence"), QStringLiteral("Evidence required by the tier")}};
    QList<Gate> gates;
    for (const auto& [key, label] : known) {
        if (!decision.gates.contains(key))
            continue;
        const QString name = decision.gates.value(key).toString();
        Gate gate{key, label, Gate::Status::NotApplicable,
                  QStringLiteral("Recorded as \"%1\"; decisions signed before Assay kept gate details "
                                 "recorded the status alone.")
                      .arg(name)};
        for (const Gate::Status status : {Gate::Status::Passed, Gate::Status::Failed})
            gate.status = Gate::statusName(status) == name ? status : gate.status;
        gates.append(gate);
    }
    return gates;
}

QJsonObject PromotionGates::summary(const QList<Gate>& gates) {
    QJsonObject summary;
    for (const Gate& gate : gates)
        summary.insert(gate.key, Gate::statusName(gate.status));
    return summary;
}

QList<std::pair<QString, bool>> PromotionGates::evidenceItems(const Workspace& workspace,
                                                              const PromotionRequest& request) {
    const TierRequirements requirements =
        Policies(workspace).policy(request.policyVersion).requirements(request.tier);
    QList<std::pair<QString, bool>> items;
    for (const QString& key : requirements.evidence) {
        bool present = false;
        if (key == QLatin1String("model_card"))
            present = ModelCards(workspace).card(request.versionId).isComplete();
        else if (key == QLatin1String("validation_report") || key == QLatin1String("fairness_metrics"))
            present = hasEvidenceFile(workspace, request.versionId, key);
        else if (key == QLatin1String("champion_comparison"))
            present = !Registry(workspace).model(request.modelId)->primaryMetric.isEmpty();
        else if (key == QLatin1String("drift_monitor"))
            present = !DriftMonitors(workspace).monitorsOfVersion(request.versionId).isEmpty();
        items.append({key, present});
    }
    return items;
}

QString PromotionGates::evidenceLabel(const QString& key) {
    if (key == QLatin1String("model_card"))
        return QStringLiteral("complete model card");
    if (key == QLatin1String("validation_report"))
        return QStringLiteral("validation report");
    if (key == QLatin1String("fairness_metrics"))
        return QStringLiteral("fairness metrics");
    if (key == QLatin1String("drift_monitor"))
        return QStringLiteral("drift monitor");
    if (key == QLatin1String("champion_comparison"))
        return QStringLiteral("comparison with the champion (a primary metric)");
    return key;
}

} // namespace assay
