#include "GovernanceDialogData.h"

#include "core/governance/PromotionRequests.h"
#include "core/governance/RiskAssessments.h"
#include "core/governance/TierPolicy.h"
#include "core/identity/Identity.h"
#include "core/identity/InMemorySecretStore.h"
#include "core/registry/Registry.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/WriteTransaction.h"
#include "ui/session/WorkspaceSession.h"

#include <catch2/catch.hpp>

namespace assay::test {

GovernanceWorkspace::GovernanceWorkspace() {
    ws->write([&](WriteTransaction& tx) {
        Identity::addUser(tx, QStringLiteral("dana"), QStringLiteral("Dana"), {Role::DataScientist});
        Identity::addUser(tx, QStringLiteral("olga"), QStringLiteral("Olga"), {});
        Identity::addUser(tx, QStringLiteral("val"), QStringLiteral("Val"), {Role::Validator});
        Identity::addUser(tx, QStringLiteral("rita"), QStringLiteral("Rita"), {Role::RiskOfficer});
        Identity::addUser(tx, QStringLiteral("ana"), QStringLiteral("Ana"), {Role::Analyst});
        Run run;
        run.experimentId = Tracking::createExperiment(tx, QStringLiteral("credit"));
        run.name = QStringLiteral("gbm-final");
        run.status = RunStatus::Finished;
        run.user = QStringLiteral("dana");
        run.startTime = 1'750'000'000'000;
        run.endTime = 1'750'000'060'000;
        runId = Tracking::createRun(tx, run);
        modelId = Registry::createModel(tx, QStringLiteral("credit-scoring"));
        Registry::createVersion(tx, modelId, runId);
        Registry::setOwners(tx, modelId, QStringLiteral("olga"), QStringLiteral("Head of Lending"));
    });
    versionId = Registry(ws.workspace()).version(modelId, 1)->id;
}

void GovernanceWorkspace::openAs(WorkspaceSession& session, const QString& login) const {
    session.setWorkspace(ws.reopen(login));
}

void GovernanceWorkspace::executePromotion() {
    qint64 requestId = 0;
    ws.reopen(QStringLiteral("dana"))->write([&](WriteTransaction& tx) {
        RiskAssessments::assess(tx, modelId, uniformScores(TierPolicy::defaultPolicy(), 1),
                                QStringLiteral("minimal_risk"), QStringLiteral("Internal scoring aid"));
        requestId = PromotionRequests::submit(tx, modelId, 1, QStringLiteral("production"),
                                              QStringLiteral("First release"));
    });
    InMemorySecretStore keychain;
    for (const QString& signer : {QStringLiteral("olga"), QStringLiteral("val")}) {
        ws.reopen(signer)->write([&](WriteTransaction& tx) {
            PromotionRequests::DecisionInput input;
            input.comment = QStringLiteral("Looks right");
            PromotionRequests::decide(tx, keychain, requestId, input);
        });
    }
    REQUIRE(PromotionRequests(ws.workspace()).request(requestId)->status ==
            PromotionRequest::Status::Executed);
}

QMap<QString, int> uniformScores(const TierPolicy& policy, int score) {
    QMap<QString, int> scores;
    for (const RiskDimension& dimension : policy.dimensions())
        scores.insert(dimension.key, score);
    return scores;
}

} // namespace assay::test
