#pragma once

#include "tests/support/TemporaryWorkspace.h"

#include <QMap>
#include <QString>

#include <memory>

namespace assay {
class TierPolicy;
class WorkspaceSession;
} // namespace assay

namespace assay::test {

// A workspace for the governance dialogs, administered by "tester", with the people of a review:
// dana (data scientist, who ran the training run), olga (no role; owner of the model), val
// (validator), rita (risk officer) and ana (analyst). The model "credit-scoring" has version 1,
// made from dana's run.
struct GovernanceWorkspace {
    GovernanceWorkspace();

    // Makes the session show this workspace acting as login.
    void openAs(WorkspaceSession& session, const QString& login) const;
    // Assesses (Tier 3), submits as dana and signs as olga and val: the promotion of version 1 to
    // production executes, which closes its card and evidence.
    void executePromotion();

    TemporaryWorkspace ws;
    qint64 runId = 0;
    qint64 modelId = 0;
    qint64 versionId = 0;
};

// Every dimension of policy scored the same.
QMap<QString, int> uniformScores(const TierPolicy& policy, int score);

} // namespace assay::test
