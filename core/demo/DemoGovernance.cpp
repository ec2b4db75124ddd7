#include "DemoGovernance.h"

#include "DemoMonitoring.h"
#include "core/governance/EvidenceFiles.h"
#include "core/governance/Findings.h"
#include "core/governance/Policies.h"
#include "core/governance/PromotionRequests.h"
#include "core/governance/RiskAssessments.h"
#include "core/identity/Identity.h"
#include "core/identity/InMemorySecretStore.h"
#include "core/registry/ModelCards.h"
#include "core/registry/Registry.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

namespace assay {
namespace {

constexpr qint64 day = 24LL * 3600 * 1000;
constexpr qint64 hour = 3600LL * 1000;

const QString alice = QStringLiteral("alice");
const QString priya = QStringLiteral("priya");
const QString tomas = QStringLiteral("tomas");
const QString rosa = QStringLiteral("rosa");

struct Person {
    QString login;
    QString name;
    QList<Role> roles;
};

const QList<Person>& reviewers() {
    static const QList<Person> people{
        {priya, QStringLiteral("Priya Raman"), {Role::Validator}},
        {tomas, QStringLiteral("Tomás Herrera"), {Role::Validator}},
        {rosa, QStringLiteral("Rosa Lindqvist"), {Role::RiskOfficer}},
        {QStringLiteral("marcus"), QStringLiteral("Marcus Webb"), {Role::RiskOfficer}},
        {QStringLiteral("olivia"), QStringLiteral("Olivia Grant"), {Role::Analyst}},
        {QStringLiteral("owen"), QStringLiteral("Owen Mbeki"), {Role::Analyst}},
        {QStringLiteral("nora"), QStringLiteral("Nora Castell"), {Role::Analyst}},
    };
    return people;
}

QMap<QString, int> scores(int exposure, int customer, int complexity, int autonomy, int data, int regulatory,
                          int fairness) {
    return {{QStringLiteral("exposure"), exposure},     {QStringLiteral("customer_impact"), customer},
            {QStringLiteral("complexity"), complexity}, {QStringLiteral("autonomy"), autonomy},
            {QStringLiteral("data_sensitivity"), data}, {QStringLiteral("regulatory"), regulatory},
            {QStringLiteral("fairness"), fairness}};
}

QMap<QString, QString> card(const QString& model, int version, const QString& purpose) {
    return {
        {QStringLiteral("model_details"),
         QStringLiteral(
             "%1 v%2, gradient-boosted trees trained by the data science team; questions to the model "
             "owner.")
             .arg(model)
             .arg(version)},
        {QStringLiteral("intended_use"), purpose},
        {QStringLiteral("out_of_scope_use"),
         QStringLiteral(
             "Individual decisions without human review; populations outside the training markets.")},
        {QStringLiteral("factors"),
         QStringLiteral("Region, customer tenure and product line, evaluated separately.")},
        {QStringLiteral("metrics"),
         QStringLiteral(
             "The primary metric on the held-out month, with the decision threshold chosen on cost.")},
        {QStringLiteral("evaluation_data"),
         QStringLiteral("The latest complete month, never seen in training.")},
        {QStringLiteral("training_data"),
         QStringLiteral("Eighteen months of history up to the evaluation month.")},
        {QStringLiteral("quantitative_analyses"),
         QStringLiteral(
             "Per-segment results within 2 points of the overall figure; see the validation report.")},
        {QStringLiteral("ethical_considerations"),
         QStringLiteral("No protected attribute is an input; proxies were checked for disparate impact.")},
        {QStringLiteral("caveats"),
         QStringLiteral("Retrain when the input distribution drifts past the threshold.")},
        {QStringLiteral("consumers"),
         QStringLiteral("The decision service and the monthly business review.")},
        {QStringLiteral("service_level"),
         QStringLiteral("Batch scoring by 06:00; yesterday's scores as fallback.")},
        {QStringLiteral("retraining_cadence"), QStringLiteral("Quarterly, or early on a drift alert.")},
        {QStringLiteral("data_sensitivity"), QStringLiteral("Personal data of customers (pseudonymised).")},
    };
}

class Replay {
public:
    Replay(WriteTransaction& tx, InMemorySecretStore& keychain)
        : m_tx(tx)
        , m_keychain(keychain) {}

    WriteTransaction& as(const QString& login, qint64 at) {
        m_tx.replayAs(login, at);
        return m_tx;
    }

    qint64 decide(const QString& login, qint64 at, qint64 requestId, const QString& comment,
                  const QList<DecisionCondition>& conditions = {}) {
        PromotionRequests::DecisionInput input;
        input.outcome =
            conditions.isEmpty() ? Decision::Outcome::Approve : Decision::Outcome::ApproveWithConditions;
        input.comment = comment;
        input.conditions = conditions;
        return PromotionRequests::decide(as(login, at), m_keychain, requestId, input);
    }

private:
    WriteTransaction& m_tx;
    InMemorySecretStore& m_keychain;
};

QDate dateOf(qint64 at) {
    return QDateTime::fromMSecsSinceEpoch(at, QTimeZone::utc()).date();
}

// The workspace's admin adds the cast; whoever opens the demo reviews too, so that their inbox
// has something in it.
void addPeople(WriteTransaction& tx, const QString& admin, const QString& opener, qint64 at) {
    tx.replayAs(admin, at);
    if (!Identity(tx.workspace()).user(opener))
        Identity::addUser(tx, opener, QString(), {});
    // A member of the cast who is a user already (the opener, say) keeps the account and gains the roles.
    const auto add = [&](const QString& login, const QString& name, const QList<Role>& roles) {
        if (!Identity(tx.workspace()).user(login)) {
            Identity::addUser(tx, login, name, roles);
            return;
        }
        for (Role role : roles)
            Identity::grantRole(tx, login, role);
    };
    for (const QString& login : DemoGovernance::dataScientists())
        add(login, QString(), {Role::DataScientist});
    for (const Person& person : reviewers())
        add(person.login, person.name, person.roles);
    Identity::grantRole(tx, opener, Role::Validator);
    Identity::grantRole(tx, opener, Role::RiskOfficer);
    Policies::ensurePublished(tx);
}

void fileValidationReport(WriteTransaction& tx, const QString& model, qint64 versionId, int version) {
    const QByteArray report =
        QStringLiteral(
            "# Validation report: %1 v%2\n\nConceptual soundness, outcome analysis and benchmarking "
            "were performed on the held-out month. No material weakness was found.\n")
            .arg(model)
            .arg(version)
            .toUtf8();
    EvidenceFiles::add(tx, versionId, QStringLiteral("validation_report"),
                       QStringLiteral("validation-%1-v%2.md").arg(model).arg(version),
                       QStringLiteral("text/markdown"), report);
}

// A legacy model, registered before the team used Assay, whose annual review is two months late.
void legacyModel(Replay& replay, const QString& admin, qint64 now) {
    WriteTransaction& tx = replay.as(admin, now - 800 * day);
    const qint64 modelId =
        Registry::createModel(tx, QStringLiteral("aml-alert-triage"),
                              QStringLiteral("Ranks anti-money-laundering alerts for analysts"));
    Registry::createNumberedVersion(tx, modelId, 1, std::nullopt, QStringLiteral("None"),
                                    QStringLiteral("Imported from the previous model inventory"));
    Registry::setOwners(tx, modelId, QStringLiteral("owen"), QStringLiteral("Financial crime operations"));
    const qint64 versionId = Registry(tx.workspace()).version(modelId, 1)->id;
    ModelCards::save(
        replay.as(alice, now - 440 * day), versionId,
        card(QStringLiteral("aml-alert-triage"), 1, QStringLiteral("Order AML alerts by risk.")));
    RiskAssessments::assess(replay.as(priya, now - 439 * day), modelId, scores(3, 2, 3, 2, 3, 4, 2),
                            QStringLiteral("not_applicable"),
                            QStringLiteral("Regulated use: AML monitoring."));
    fileValidationReport(replay.as(priya, now - 438 * day), QStringLiteral("aml-alert-triage"), versionId, 1);
    const qint64 request =
        PromotionRequests::submit(replay.as(alice, now - 430 * day), modelId, 1, QStringLiteral("production"),
                                  QStringLiteral("Bring the inventory model under sign-off."));
    replay.decide(QStringLiteral("owen"), now - 429 * day, request,
                  QStringLiteral("Operations rely on it daily."));
    replay.decide(priya, now - 428 * day, request, QStringLiteral("Validated; see the report."));
    replay.decide(rosa, now - 427 * day, request, QStringLiteral("Accepted under the annual review cycle."));
}

void ownersAndCards(Replay& replay, const QString& admin, const DemoGovernance::Model& model, qint64 at,
                    const QString& businessOwner, const QString& purpose, const QString& metric,
                    bool higher) {
    WriteTransaction& tx = replay.as(admin, at);
    Registry::setOwners(tx, model.id, model.owner, businessOwner);
    Registry::setPrimaryMetric(tx, model.id, metric, higher);
    const Registry registry(tx.workspace());
    for (const DemoGovernance::Version& version : model.versions) {
        ModelCards::save(replay.as(model.submitter, version.registeredAt + hour),
                         registry.version(model.id, version.number)->id,
                         card(model.name, version.number, purpose));
    }
}

qint64 versionId(WriteTransaction& tx, const DemoGovernance::Model& model, int number) {
    return Registry(tx.workspace()).version(model.id, number)->id;
}

// Tier 1: the champion was approved with a condition; the candidate waits for a risk officer.
void creditModel(Replay& replay, const QString& admin, const DemoGovernance::Model& model, qint64 now) {
    const auto& champion = model.versions[model.versions.size() - 2];
    const auto& candidate = model.versions.back();
    const qint64 base = champion.registeredAt;
    ownersAndCards(replay, admin, model, base, QStringLiteral("Head of consumer lending"),
                   QStringLiteral("Probability of default for consumer loan applications, feeding the credit "
                                  "decision together with policy rules."),
                   QStringLiteral("val_auc"), true);
    RiskAssessments::assess(replay.as(priya, base + 2 * hour), model.id, scores(4, 4, 3, 3, 3, 4, 4),
                            QStringLiteral("high_risk"),
                            QStringLiteral("Credit scoring of natural persons: EU AI Act Annex III."));
    for (const auto* version : {&champion, &candidate}) {
        WriteTransaction& tx = replay.as(priya, version->registeredAt + 3 * hour);
        fileValidationReport(tx, model.name, versionId(tx, model, version->number), version->number);
    }
    // Tier 1 requires a drift monitor as evidence: it is set up before the request, so that the
    // approval covers it; the weeks of production data come after.
    DemoMonitoring monitoring;
    WriteTransaction& setup = replay.as(model.submitter, base + day);
    const qint64 monitorId = monitoring.createMonitor(setup, versionId(setup, model, champion.number));
    const qint64 first = PromotionRequests::submit(replay.as(model.submitter, base + 4 * day), model.id,
                                                   champion.number, QStringLiteral("production"),
                                                   QStringLiteral("Higher AUC on the held-out month."));
    replay.decide(model.owner, base + 5 * day, first, QStringLiteral("Fits the lending policy."));
    replay.decide(priya, base + 6 * day, first, QStringLiteral("Sound, with one calibration gap."),
                  {{QStringLiteral("Back-test PD calibration on the latest quarter's defaults"),
                    QStringLiteral("cchen"), dateOf(now + 30 * day), QStringLiteral("high")}});
    replay.decide(rosa, base + 7 * day, first, QStringLiteral("Risk accepted for Tier 1."));
    monitoring.addWeeks(replay.as(model.submitter, base + 8 * day), monitorId, model.submitter,
                        base + 8 * day, now);

    // The retrained candidate gets its own monitor, on its own training sample, before it is put
    // forward: its evidence is complete, and its drift gate waits for production data.
    WriteTransaction& candidateSetup = replay.as(model.submitter, now - 4 * day);
    monitoring.createMonitor(candidateSetup, versionId(candidateSetup, model, candidate.number));
    const qint64 second = PromotionRequests::submit(
        replay.as(model.submitter, now - 3 * day), model.id, candidate.number, QStringLiteral("production"),
        QStringLiteral("Retrained on the latest quarter; better AUC."));
    replay.decide(model.owner, now - 2 * day, second, QStringLiteral("Business case holds."));
    replay.decide(priya, now - 1 * day, second, QStringLiteral("Independent validation passed."));
}

// Tier 2: the owner's approval of the candidate went stale when its card changed afterwards.
void churnModel(Replay& replay, const QString& admin, const DemoGovernance::Model& model, qint64 now) {
    const auto& champion = model.versions[model.versions.size() - 2];
    const auto& candidate = model.versions.back();
    const qint64 base = champion.registeredAt;
    ownersAndCards(
        replay, admin, model, base, QStringLiteral("Retention marketing lead"),
        QStringLiteral("Rank retail customers by their risk of leaving within 90 days, for retention "
                       "offers."),
        QStringLiteral("val_auc"), true);
    RiskAssessments::assess(replay.as(alice, base + 2 * hour), model.id, scores(2, 3, 3, 2, 3, 2, 2),
                            QStringLiteral("minimal_risk"),
                            QStringLiteral("Offers only; no customer is refused anything."));
    const qint64 first = PromotionRequests::submit(replay.as(model.submitter, base + 3 * day), model.id,
                                                   champion.number, QStringLiteral("production"),
                                                   QStringLiteral("Better lift in the top decile."));
    replay.decide(model.owner, base + 4 * day, first, QStringLiteral("Campaign team agrees."));
    replay.decide(tomas, base + 5 * day, first, QStringLiteral("Validation complete."));
    Findings::raise(replay.as(priya, now - 60 * day), model.id,
                    versionId(replay.as(priya, now - 60 * day), model, champion.number),
                    {QStringLiteral("Document the fallback when the feature store is late"), alice,
                     dateOf(now - 10 * day), QStringLiteral("medium")});

    const qint64 second =
        PromotionRequests::submit(replay.as(model.submitter, now - 4 * day), model.id, candidate.number,
                                  QStringLiteral("production"), QStringLiteral("New tenure features."));
    replay.decide(model.owner, now - 3 * day, second, QStringLiteral("Looks right for the spring campaign."));
    WriteTransaction& tx = replay.as(model.submitter, now - 2 * day);
    QMap<QString, QString> fields =
        ModelCards(tx.workspace()).card(versionId(tx, model, candidate.number)).fields;
    fields.insert(QStringLiteral("caveats"),
                  fields.value(QStringLiteral("caveats")) +
                      QStringLiteral(" Scores for customers under 3 months' tenure are unreliable."));
    ModelCards::save(tx, versionId(tx, model, candidate.number), fields);
}

// Tier 3, with a proposed move to Tier 2 that waits for a risk officer; the candidate waits for
// its owner.
void demandModel(Replay& replay, const QString& admin, const DemoGovernance::Model& model, qint64 now) {
    const auto& champion = model.versions[model.versions.size() - 2];
    const auto& candidate = model.versions.back();
    const qint64 base = champion.registeredAt;
    ownersAndCards(
        replay, admin, model, base, QStringLiteral("Supply-chain planning"),
        QStringLiteral("Forecast weekly unit demand per store and product family for replenishment "
                       "planners."),
        QStringLiteral("val_rmse"), false);
    RiskAssessments::assess(replay.as(QStringLiteral("ekim"), base + 2 * hour), model.id,
                            scores(2, 1, 2, 2, 2, 1, 1), QStringLiteral("minimal_risk"),
                            QStringLiteral("Planners review every order."));
    const qint64 first = PromotionRequests::submit(replay.as(model.submitter, base + 2 * day), model.id,
                                                   champion.number, QStringLiteral("production"),
                                                   QStringLiteral("Lower RMSE across families."));
    replay.decide(model.owner, base + 3 * day, first, QStringLiteral("Planners are on board."));
    replay.decide(tomas, base + 4 * day, first, QStringLiteral("Peer review done."));

    const qint64 second =
        PromotionRequests::submit(replay.as(model.submitter, now - 1 * day), model.id, candidate.number,
                                  QStringLiteral("production"), QStringLiteral("Holiday effects modelled."));
    replay.decide(tomas, now - 22 * hour, second,
                  QStringLiteral("Backtest over two holiday seasons is convincing."));
    RiskAssessments::assess(
        replay.as(QStringLiteral("dpatel"), now - 20 * hour), model.id, scores(2, 1, 2, 2, 2, 1, 1),
        QStringLiteral("minimal_risk"), QStringLiteral("Same scores as before."),
        RiskAssessments::Override{2, QStringLiteral("Forecasts now place replenishment orders "
                                                    "automatically for 40 stores.")});
}

} // namespace

const std::vector<QString>& DemoGovernance::dataScientists() {
    static const std::vector<QString> logins{alice, QStringLiteral("bmartin"), QStringLiteral("cchen"),
                                             QStringLiteral("dpatel"), QStringLiteral("ekim")};
    return logins;
}

qint64 DemoGovernance::historyStart(qint64 now) {
    return now - 900 * day;
}

void DemoGovernance::populate(WriteTransaction& tx, const std::vector<Model>& models, qint64 now) {
    InMemorySecretStore keychain;
    const QString opener = tx.workspace().actor(); // not tx.actor(): the fill replays as others before
    QString admin = opener;
    for (const User& user : Identity(tx.workspace()).users()) {
        if (user.has(Role::Admin)) {
            admin = user.login;
            break;
        }
    }
    addPeople(tx, admin, opener, historyStart(now));
    Replay replay(tx, keychain);
    legacyModel(replay, admin, now);
    for (const Model& model : models) {
        if (model.versions.size() < 2)
            continue;
        if (model.name == QLatin1String("credit-default-pd"))
            creditModel(replay, admin, model, now);
        else if (model.name == QLatin1String("churn-classifier"))
            churnModel(replay, admin, model, now);
        else
            demandModel(replay, admin, model, now);
    }
    tx.replayAs(opener, now);
}

} // namespace assay
