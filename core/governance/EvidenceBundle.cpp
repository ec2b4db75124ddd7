#include "EvidenceBundle.h"

#include "EvidenceFiles.h"
#include "core/base/AssayError.h"
#include "core/base/CanonicalJson.h"
#include "core/drift/DriftMonitors.h"
#include "core/registry/ModelCards.h"
#include "core/registry/Registry.h"
#include "core/tracking/MetricStore.h"
#include "core/tracking/Tracking.h"

#include <QJsonArray>

namespace assay {
namespace {

QJsonValue optionalNumber(const std::optional<double>& value) {
    return value ? QJsonValue(CanonicalJson::number(*value)) : QJsonValue(QJsonValue::Null);
}

QJsonObject runEvidence(const Workspace& workspace, qint64 runId, QJsonObject bundle) {
    const Tracking tracking(workspace);
    QJsonObject params;
    const QMap<QString, QString> runParams = tracking.params(runId);
    for (auto it = runParams.cbegin(); it != runParams.cend(); ++it)
        params.insert(it.key(), it.value());
    QJsonObject metrics;
    for (const MetricSummary& summary : MetricStore(workspace).summaries(runId)) {
        metrics.insert(summary.key,
                       QJsonObject{{QStringLiteral("latest"), CanonicalJson::number(summary.latest)},
                                   {QStringLiteral("min"), optionalNumber(summary.min)},
                                   {QStringLiteral("max"), optionalNumber(summary.max)},
                                   {QStringLiteral("count"), summary.count}});
    }
    QJsonObject attachments;
    for (const Attachment& attachment : tracking.attachments(runId))
        attachments.insert(attachment.name, attachment.sha256);
    bundle.insert(QStringLiteral("params"), params);
    bundle.insert(QStringLiteral("metrics"), metrics);
    bundle.insert(QStringLiteral("attachments"), attachments);
    return bundle;
}

} // namespace

QJsonObject EvidenceBundle::build(const Workspace& workspace, qint64 versionId, int policyVersion, int tier) {
    const std::optional<ModelVersion> version = Registry(workspace).versionById(versionId);
    if (!version)
        throw AssayError(QStringLiteral("There is no model version with id %1.").arg(versionId));
    const std::optional<RegisteredModel> model = Registry(workspace).model(version->modelId);

    QJsonObject bundle{{QStringLiteral("model"), model->name},
                       {QStringLiteral("version"), version->version},
                       {QStringLiteral("run"), version->runUid},
                       {QStringLiteral("policy_version"), policyVersion},
                       {QStringLiteral("tier"), tier},
                       {QStringLiteral("drift"), DriftMonitors(workspace).evidenceSummary(versionId)}};
    bundle = version->runId ? runEvidence(workspace, *version->runId, bundle) : bundle;

    QJsonObject card;
    const ModelCard modelCard = ModelCards(workspace).card(versionId);
    for (auto it = modelCard.fields.cbegin(); it != modelCard.fields.cend(); ++it)
        card.insert(it.key(), it.value());
    bundle.insert(QStringLiteral("card"), card);

    QJsonArray files;
    for (const EvidenceFile& file : EvidenceFiles(workspace).files(versionId)) {
        files.append(QJsonObject{{QStringLiteral("kind"), file.kind},
                                 {QStringLiteral("name"), file.name},
                                 {QStringLiteral("sha256"), file.sha256}});
    }
    bundle.insert(QStringLiteral("evidence_files"), files);
    return bundle;
}

QString EvidenceBundle::hash(const QJsonObject& bundle) {
    return CanonicalJson::hash(bundle);
}

QStringList EvidenceBundle::changedParts(const QJsonObject& before, const QJsonObject& after) {
    static const QList<std::pair<QString, QString>> parts{
        {QStringLiteral("run"), QStringLiteral("source run")},
        {QStringLiteral("params"), QStringLiteral("params")},
        {QStringLiteral("metrics"), QStringLiteral("metrics")},
        {QStringLiteral("card"), QStringLiteral("model card")},
        {QStringLiteral("attachments"), QStringLiteral("run attachments")},
        {QStringLiteral("evidence_files"), QStringLiteral("evidence files")},
        {QStringLiteral("drift"), QStringLiteral("drift summary")},
        {QStringLiteral("policy_version"), QStringLiteral("policy version")},
        {QStringLiteral("tier"), QStringLiteral("tier")},
    };
    QStringList changed;
    for (const auto& [key, label] : parts) {
        if (before.value(key) != after.value(key))
            changed << label;
    }
    return changed;
}

} // namespace assay
