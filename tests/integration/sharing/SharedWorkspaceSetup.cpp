#include "SharedWorkspaceSetup.h"

#include "SharedWritePlan.h"
#include "core/governance/PromotionRequests.h"
#include "core/governance/RiskAssessments.h"
#include "core/identity/Identity.h"
#include "core/registry/Registry.h"
#include "core/tracking/MetricStore.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/GovernanceScenario.h"

namespace assay::test {
namespace {

const QString admin = QStringLiteral("tester");
const QString scientist = QStringLiteral("ds"); // creates the runs behind the versions
const QString submitter = QStringLiteral("sub");
const QString validator = QStringLiteral("val");

std::unique_ptr<Workspace> connect(const QString& path, bool networkFileSystem, const QString& actor) {
    WorkspaceOptions options;
    options.actor = actor;
    options.networkFileSystem = networkFileSystem;
    return Workspace::open(path, options);
}

qint64 registerModel(Workspace& workspace, const QString& login) {
    qint64 modelId = 0;
    workspace.write([&](WriteTransaction& tx) {
        Run run;
        run.experimentId = Tracking::ensureExperiment(tx, QStringLiteral("shared-models"));
        run.name = QStringLiteral("trained for ") + login;
        run.status = RunStatus::Finished;
        run.user = scientist;
        run.startTime = tx.now();
        const qint64 runId = Tracking::createRun(tx, run);
        MetricSeries auc;
        auc.append(0, tx.now(), 0.8);
        MetricStore::log(tx, runId, {{QStringLiteral("auc"), auc}});
        modelId = Registry::registerRun(tx, SharedWritePlan::modelName(login), runId).modelId;
    });
    return modelId;
}

} // namespace

void SharedWorkspaceSetup::prepare(const QString& path, bool networkFileSystem, const QStringList& logins,
                                   int requestsEach) {
    WorkspaceOptions options;
    options.actor = admin;
    options.networkFileSystem = networkFileSystem;
    const auto workspace = Workspace::create(path, options);
    workspace->write([&](WriteTransaction& tx) {
        Identity::addUser(tx, scientist, QStringLiteral("Dana Scientist"), {Role::DataScientist});
        Identity::addUser(tx, submitter, QStringLiteral("Sam Submitter"), {Role::DataScientist});
        Identity::addUser(tx, validator, QStringLiteral("Val Idator"), {Role::Validator});
        for (const QString& login : logins)
            Identity::addUser(tx, login, login, {Role::Analyst});
    });
    const auto asScientist = connect(path, networkFileSystem, scientist);
    const auto asValidator = connect(path, networkFileSystem, validator);
    const auto asSubmitter = connect(path, networkFileSystem, submitter);
    for (const QString& login : logins) {
        const qint64 modelId = registerModel(*asScientist, login);
        workspace->write([&](WriteTransaction& tx) {
            Registry::setOwners(tx, modelId, login, QStringLiteral("Shared workspace test"));
        });
        asValidator->write([&](WriteTransaction& tx) {
            RiskAssessments::assess(tx, modelId, GovernanceScenario::scoresFor(3),
                                    QStringLiteral("minimal_risk"),
                                    QStringLiteral("Assessed for the shared-workspace test"));
        });
        asSubmitter->write([&](WriteTransaction& tx) {
            for (int i = 1; i <= requestsEach; ++i)
                PromotionRequests::submit(tx, modelId, 1,
                                          QStringLiteral("stage-%1").arg(i, 3, 10, QLatin1Char('0')),
                                          QStringLiteral("Prepared for %1 to decide").arg(login));
        });
    }
}

} // namespace assay::test
