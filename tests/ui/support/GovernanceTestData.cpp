#include "GovernanceTestData.h"

#include "core/governance/Findings.h"
#include "core/governance/PromotionRequests.h"
#include "core/governance/ReviewSchedule.h"
#include "core/governance/RiskAssessments.h"
#include "core/identity/Identity.h"
#include "core/registry/Registry.h"
#include "core/tracking/MetricStore.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"

#include <QDateTime>

namespace assay::test {
namespace {

QMap<QString, int> scores(int base, const QMap<QString, int>& raised = {}) {
    QMap<QString, int> result;
    for (const char* key : {"exposure", "customer_impact", "complexity", "autonomy", "data_sensitivity",
                            "regulatory", "fairness"})
        result.insert(QLatin1String(key), base);
    for (auto it = raised.cbegin(); it != raised.cend(); ++it)
        result.insert(it.key(), it.value());
    return result;
}

QList<qint64> addRuns(WriteTransaction& tx) {
    QList<qint64> ids;
    const qint64 experiment = Tracking::createExperiment(tx, QStringLiteral("churn-prediction"));
    for (int i = 0; i < 6; ++i) {
        Run run;
        run.experimentId = experiment;
        run.name = QStringLiteral("train-%1").arg(i);
        run.status = RunStatus::Finished;
        run.user = QStringLiteral("alice");
        run.startTime = noon(QDate(2025, 12, 1)) + i * 60'000LL;
        run.endTime = *run.startTime + 30'000;
        const qint64 id = Tracking::createRun(tx, run);
        MetricSeries auc;
        auc.append(0, *run.startTime, 0.8 + i / 100.0);
        MetricSeries loss;
        loss.append(0, *run.startTime, 0.4 - i / 100.0);
        MetricStore::log(tx, id, {{QStringLiteral("val_auc"), auc}, {QStringLiteral("val_loss"), loss}});
        ids.append(id);
    }
    return ids;
}

} // namespace

qint64 noon(const QDate& day) {
    return QDateTime(day, QTime(12, 0)).toMSecsSinceEpoch();
}

GovernedModels addGovernedModels(TemporaryWorkspace& ws) {
    GovernedModels m;
    ws.now = noon(QDate(2025, 12, 15));
    ws->write([&](WriteTransaction& tx) {
        Identity::grantRole(tx, QStringLiteral("tester"), Role::DataScientist);
        Identity::grantRole(tx, QStringLiteral("tester"), Role::Validator);
        Identity::addUser(tx, QStringLiteral("ada"), QStringLiteral("Ada Lovelace"), {Role::DataScientist});
        Identity::addUser(tx, QStringLiteral("val"), QStringLiteral("Val Idator"), {Role::Validator});
        Identity::addUser(tx, QStringLiteral("rita"), QStringLiteral("Rita Officer"), {Role::RiskOfficer});
        Identity::addUser(tx, QStringLiteral("ana"), QStringLiteral("Ana Lyst"), {Role::Analyst});
        m.runIds = addRuns(tx);
        const auto version = [&](const QString& model, int run) {
            return Registry::registerRun(tx, model, m.runIds.at(run),
                                         QStringLiteral("from train-%1").arg(run));
        };
        m.churn = version(QStringLiteral("churn"), 0).modelId;
        version(QStringLiteral("churn"), 1);
        version(QStringLiteral("churn"), 2);
        m.fraud = version(QStringLiteral("fraud"), 3).modelId;
        m.faceMatch = version(QStringLiteral("face-match"), 4).modelId;
        m.pricing = version(QStringLiteral("pricing"), 5).modelId;
        Registry::setOwners(tx, m.churn, QStringLiteral("ada"), QStringLiteral("Retention team"));
        Registry::setOwners(tx, m.fraud, QStringLiteral("tester"), QStringLiteral("Payments"));
        Registry::setAlias(tx, m.churn, QStringLiteral("production"), 1, QStringLiteral("first release"),
                           noon(QDate(2026, 1, 10)));
        Registry::setAlias(tx, m.churn, QStringLiteral("production"), 2, QStringLiteral("better recall"),
                           noon(QDate(2026, 2, 10)));
        Registry::setAlias(tx, m.churn, QStringLiteral("staging"), 3, QStringLiteral("candidate"),
                           noon(QDate(2026, 3, 1)));
        RiskAssessments::assess(tx, m.churn, scores(2, {{QStringLiteral("customer_impact"), 4}}),
                                QStringLiteral("high_risk"), QStringLiteral("Decides retention offers."));
        RiskAssessments::assess(
            tx, m.fraud, scores(2, {{QStringLiteral("exposure"), 3}}), QStringLiteral("minimal_risk"),
            QStringLiteral("Flags payments for review."),
            RiskAssessments::Override{1, QStringLiteral("Regulators examine this model closely.")});
        RiskAssessments::assess(tx, m.faceMatch, scores(3), QStringLiteral("prohibited"),
                                QStringLiteral("Real-time biometric identification."));
        m.churnRequest = PromotionRequests::submit(tx, m.churn, 3, QStringLiteral("production"),
                                                   QStringLiteral("Better recall on the March data."));
        ReviewSchedule::schedule(tx, m.churn, 12, m.churnRequest);
        DecisionCondition condition;
        condition.description = QStringLiteral("Add the fairness report for age groups");
        condition.owner = QStringLiteral("ada");
        condition.dueDate = QDate(2026, 3, 15);
        condition.severity = QStringLiteral("high");
        Findings::raise(tx, m.churn, std::nullopt, condition);
    });
    ws.now = noon(QDate(2027, 1, 10));
    return m;
}

} // namespace assay::test
