#include "ModelCatalog.h"

#include "ReviewSchedule.h"
#include "RiskAssessments.h"
#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"
#include "core/drift/DriftMonitors.h"
#include "core/registry/Registry.h"
#include "core/workspace/Workspace.h"

namespace assay {
namespace {

int count(const Workspace& workspace, const QString& sql, qint64 modelId) {
    return SqlQuery::scalar(workspace.database(), sql, {modelId}).toInt();
}

ModelOverview overviewOf(const Workspace& workspace, const RegisteredModel& model, qint64 now) {
    ModelOverview overview;
    overview.model = model;
    if (const std::optional<RiskAssessment> assessment = RiskAssessments(workspace).latest(model.id)) {
        overview.tier = assessment->effectiveTier();
        overview.tierOverridePending = assessment->overrideStatus == RiskAssessment::OverrideStatus::Pending;
        overview.blocked = assessment->blocked;
    }
    overview.productionVersion = Registry(workspace).aliasVersion(model.id, QStringLiteral("production"));
    overview.versionCount =
        count(workspace, QStringLiteral("SELECT count(*) FROM model_versions WHERE model_id = ?"), model.id);
    overview.openRequests = count(
        workspace,
        QStringLiteral("SELECT count(*) FROM promotion_requests WHERE model_id = ? AND status = 'open'"),
        model.id);
    overview.openFindings = count(
        workspace, QStringLiteral("SELECT count(*) FROM findings WHERE model_id = ? AND status = 'open'"),
        model.id);
    overview.drift = DriftMonitors(workspace).status(model.id);
    overview.review = ReviewSchedule(workspace).next(model.id);
    overview.reviewOverdue = overview.review && overview.productionVersion && overview.review->isOverdue(now);
    return overview;
}

} // namespace

QList<ModelOverview> ModelCatalog::overviews(qint64 now) const {
    QList<ModelOverview> result;
    for (const RegisteredModel& model : Registry(m_workspace).models())
        result.append(overviewOf(m_workspace, model, now));
    return result;
}

ModelOverview ModelCatalog::overview(qint64 modelId, qint64 now) const {
    const std::optional<RegisteredModel> model = Registry(m_workspace).model(modelId);
    if (!model)
        throw AssayError(QStringLiteral("There is no registered model with id %1.").arg(modelId));
    return overviewOf(m_workspace, *model, now);
}

} // namespace assay
