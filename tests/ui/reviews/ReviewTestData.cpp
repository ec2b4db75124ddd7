#include "ReviewTestData.h"

#include "core/governance/EvidenceFiles.h"
#include "core/governance/PromotionRequests.h"
#include "core/governance/RiskAssessments.h"
#include "core/identity/Identity.h"
#include "core/identity/InMemorySecretStore.h"
#include "core/registry/ModelCards.h"
#include "core/registry/Registry.h"
#include "core/tracking/MetricStore.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/WriteTransaction.h"
#include "ui/session/WorkspaceSession.h"

namespace assay::test {
namespace {

qint64 addRun(WriteTransaction& tx, qint64 experimentId, const QString& name, double auc,
              const QString& depth) {
    Run run;
    run.experimentId = experimentId;
    run.name = name;
    run.user = QStringLiteral("rita");
    run.status = RunStatus::Finished;
    run.startTime = 1'750'000'000'000;
    run.endTime = 1'750'000'100'000;
    const qint64 id = Tracking::createRun(tx, run);
    Tracking::logParams(tx, id,
                        {{QStringLiteral("lr"), QStringLiteral("0.05")}, {QStringLiteral("depth"), depth}});
    MetricSeries aucSeries;
    aucSeries.append(0, 1'750'000'000'000, auc - 0.1);
    aucSeries.append(1, 1'750'000'001'000, auc);
    MetricSeries loss;
    loss.append(0, 1'750'000'000'000, 0.4);
    MetricStore::log(tx, id, {{QStringLiteral("auc"), aucSeries}, {QStringLiteral("loss"), loss}});
    return id;
}

QMap<QString, QString> completeCard() {
    QMap<QString, QString> fields;
    for (const ModelCardSection& section : ModelCards::sections())
        fields.insert(section.key, QStringLiteral("Written for ") + section.label);
    return fields;
}

QMap<QString, int> tierTwoScores() {
    // Every dimension low but customer impact, whose 3 raises the worst-dimension band to Tier 2.
    return {{QStringLiteral("exposure"), 2},         {QStringLiteral("customer_impact"), 3},
            {QStringLiteral("complexity"), 2},       {QStringLiteral("autonomy"), 2},
            {QStringLiteral("data_sensitivity"), 2}, {QStringLiteral("regulatory"), 2},
            {QStringLiteral("fairness"), 1}};
}

} // namespace

ReviewFixture::ReviewFixture() {
    ws->write([&](WriteTransaction& tx) {
        Identity::grantRole(tx, QStringLiteral("tester"), Role::DataScientist);
        Identity::addUser(tx, QStringLiteral("dan"), QStringLiteral("Dan Data"), {Role::DataScientist});
        Identity::addUser(tx, QStringLiteral("rita"), QStringLiteral("Rita Runs"),
                          {Role::DataScientist, Role::Validator});
        Identity::addUser(tx, QStringLiteral("olga"), QStringLiteral("Olga Owner"), {Role::Analyst});
        Identity::addUser(tx, QStringLiteral("vera"), QStringLiteral("Vera Validator"), {Role::Validator});
        Identity::addUser(tx, QStringLiteral("rick"), QStringLiteral("Rick Risk"), {Role::RiskOfficer});
        Identity::addUser(tx, QStringLiteral("rose"), QStringLiteral("Rose Risk"), {Role::RiskOfficer});

        const qint64 experiment = Tracking::createExperiment(tx, QStringLiteral("churn"));
        const qint64 baseline = addRun(tx, experiment, QStringLiteral("baseline"), 0.80, QStringLiteral("4"));
        const qint64 candidate =
            addRun(tx, experiment, QStringLiteral("candidate"), 0.83, QStringLiteral("6"));
        modelId = Registry::registerRun(tx, QStringLiteral("churn"), baseline).modelId;
        Registry::registerRun(tx, QStringLiteral("churn"), candidate);
        Registry::setOwners(tx, modelId, QStringLiteral("olga"), QStringLiteral("Retention team"));
        Registry::setPrimaryMetric(tx, modelId, QStringLiteral("auc"), true);
        Registry::setAlias(tx, modelId, QStringLiteral("production"), 1, QStringLiteral("First release"));
        const Registry registry(tx.workspace());
        championVersionId = registry.version(modelId, 1)->id;
        candidateVersionId = registry.version(modelId, 2)->id;
        ModelCards::save(tx, candidateVersionId, completeCard());
        EvidenceFiles::add(tx, candidateVersionId, QStringLiteral("validation_report"),
                           QStringLiteral("validation.html"), QStringLiteral("text/html"),
                           QByteArrayLiteral("<html>back-test holds</html>"));
        RiskAssessments::assess(tx, modelId, tierTwoScores(), QStringLiteral("minimal_risk"),
                                QStringLiteral("Retention offers; a person reviews every campaign."));
    });
}

qint64 ReviewFixture::submitPromotion(const QString& justification) {
    qint64 id = 0;
    writeAs(QStringLiteral("dan"), [&](WriteTransaction& tx) {
        id = PromotionRequests::submit(tx, modelId, 2, QStringLiteral("production"), justification);
    });
    return id;
}

std::unique_ptr<WorkspaceSession> ReviewFixture::sessionAs(const QString& login) const {
    auto session = std::make_unique<WorkspaceSession>();
    session->setSecretStore(std::make_unique<InMemorySecretStore>());
    session->setWorkspace(ws.reopen(login));
    return session;
}

void ReviewFixture::writeAs(const QString& login, const std::function<void(WriteTransaction&)>& body) const {
    ws.reopen(login)->write(body);
}

} // namespace assay::test
