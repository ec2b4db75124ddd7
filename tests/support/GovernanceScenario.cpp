#include "GovernanceScenario.h"

#include "core/governance/RiskAssessments.h"
#include "core/identity/Identity.h"
#include "core/registry/ModelCards.h"
#include "core/registry/Registry.h"
#include "core/tracking/MetricStore.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/WriteTransaction.h"

namespace assay::test {
namespace {

void addCast(Workspace& admin) {
    admin.write([](WriteTransaction& tx) {
        Identity::addUser(tx, QStringLiteral("ada"), QStringLiteral("Ada"), {Role::DataScientist});
        Identity::addUser(tx, QStringLiteral("dan"), QStringLiteral("Dan"), {Role::DataScientist});
        Identity::addUser(tx, QStringLiteral("olga"), QStringLiteral("Olga"), {Role::Analyst});
        Identity::addUser(tx, QStringLiteral("val"), QStringLiteral("Val"), {Role::Validator});
        Identity::addUser(tx, QStringLiteral("vic"), QStringLiteral("Vic"), {Role::Validator});
        Identity::addUser(tx, QStringLiteral("rita"), QStringLiteral("Rita"), {Role::RiskOfficer});
        Identity::addUser(tx, QStringLiteral("rick"), QStringLiteral("Rick"), {Role::RiskOfficer});
    });
}

QMap<QString, QString> completeCard() {
    QMap<QString, QString> fields;
    for (const ModelCardSection& section : ModelCards::sections())
        fields.insert(section.key, QStringLiteral("Written for the test: ") + section.label);
    return fields;
}

} // namespace

GovernanceScenario::GovernanceScenario(int tier)
    : m_workspace(QStringLiteral("tester")) {
    addCast(m_workspace.workspace());
    registerVersion(0.80);
    registerVersion(0.82);
    as(QStringLiteral("tester")).write([&](WriteTransaction& tx) {
        Registry::setOwners(tx, m_modelId, QStringLiteral("olga"), QStringLiteral("Retention team"));
        Registry::setPrimaryMetric(tx, m_modelId, QStringLiteral("auc"), true);
    });
    assess(tier);
}

Workspace& GovernanceScenario::as(const QString& login) {
    if (login == QLatin1String("tester"))
        return m_workspace.workspace();
    auto& connection = m_connections[login];
    if (!connection)
        connection = m_workspace.reopen(login);
    return *connection;
}

qint64 GovernanceScenario::versionId(int version) {
    return Registry(m_workspace.workspace()).version(m_modelId, version)->id;
}

QMap<QString, int> GovernanceScenario::scoresFor(int tier) {
    const int score = tier == 2 ? 3 : 1; // a 3 anywhere gives Tier 2 through the worst-dimension band
    QMap<QString, int> scores;
    for (const QString& key :
         {QStringLiteral("exposure"), QStringLiteral("customer_impact"), QStringLiteral("complexity"),
          QStringLiteral("autonomy"), QStringLiteral("data_sensitivity"), QStringLiteral("regulatory"),
          QStringLiteral("fairness")})
        scores.insert(key, 1);
    scores[QStringLiteral("exposure")] = score;
    return scores;
}

void GovernanceScenario::assess(int tier) {
    as(QStringLiteral("val")).write([&](WriteTransaction& tx) {
        RiskAssessments::assess(tx, m_modelId, scoresFor(tier),
                                tier == 1 ? QStringLiteral("high_risk") : QStringLiteral("minimal_risk"),
                                QStringLiteral("test assessment"));
    });
}

int GovernanceScenario::registerVersion(double auc, const QString& by) {
    ModelVersionRef ref;
    m_workspace.now += 60'000;
    as(by).write([&](WriteTransaction& tx) {
        Run run;
        run.experimentId = Tracking::ensureExperiment(tx, QStringLiteral("churn"));
        run.name = QStringLiteral("churn-%1").arg(auc);
        run.status = RunStatus::Finished;
        run.user = by;
        run.startTime = m_workspace.now;
        const qint64 runId = Tracking::createRun(tx, run);
        MetricSeries series;
        series.append(0, m_workspace.now, auc);
        MetricStore::log(tx, runId, {{QStringLiteral("auc"), series}});
        Tracking::logParams(tx, runId, {{QStringLiteral("max_depth"), QStringLiteral("6")}});
        ref = Registry::registerRun(tx, QStringLiteral("churn"), runId);
        m_modelId = ref.modelId;
        ModelCards::save(tx, Registry(tx.workspace()).version(ref.modelId, ref.version)->id, completeCard());
    });
    return ref.version;
}

qint64 GovernanceScenario::submit(int version, const QString& by) {
    qint64 id = 0;
    m_workspace.now += 60'000;
    as(by).write([&](WriteTransaction& tx) {
        id = PromotionRequests::submit(tx, m_modelId, version, QStringLiteral("production"),
                                       QStringLiteral("Better auc on the holdout"));
    });
    return id;
}

qint64 GovernanceScenario::decide(const QString& login, qint64 requestId, Decision::Outcome outcome,
                                  const QList<DecisionCondition>& conditions, const QString& signOff) {
    qint64 id = 0;
    m_workspace.now += 60'000;
    as(login).write([&](WriteTransaction& tx) {
        PromotionRequests::DecisionInput input;
        input.outcome = outcome;
        input.comment = QStringLiteral("Decided by %1 in the test").arg(login);
        input.conditions = conditions;
        input.signOff = signOff;
        id = PromotionRequests::decide(tx, m_keychain, requestId, input);
    });
    return id;
}

PromotionRequest GovernanceScenario::request(qint64 requestId) {
    return *PromotionRequests(m_workspace.workspace()).request(requestId);
}

} // namespace assay::test
