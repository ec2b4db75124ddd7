#pragma once

#include "TemporaryWorkspace.h"
#include "core/governance/PromotionRequests.h"
#include "core/identity/InMemorySecretStore.h"

#include <QMap>

#include <map>
#include <memory>

namespace assay::test {

// A workspace with the cast of a promotion: "tester" the admin; "ada" the data scientist whose
// runs become versions; "olga" the model owner; "val" and "vic" validators; "rita" and "rick"
// risk officers; "dan" a second data scientist. Model "churn" has version 1 (from ada's run with
// auc 0.80) and version 2 (auc 0.82). Each person acts through a connection of their own, and
// everyone's private keys live in one in-memory keychain.
class GovernanceScenario {
public:
    explicit GovernanceScenario(int tier = 3);

    Workspace& as(const QString& login);
    TemporaryWorkspace& temporary() { return m_workspace; }
    InMemorySecretStore& keychain() { return m_keychain; }
    qint64 modelId() const { return m_modelId; }
    qint64 versionId(int version);

    // Scores that give the tier under the default policy (Tier 1 through the EU high-risk rule).
    static QMap<QString, int> scoresFor(int tier);
    void assess(int tier);
    qint64 submit(int version = 2, const QString& by = QStringLiteral("ada"));
    qint64 decide(const QString& login, qint64 requestId,
                  Decision::Outcome outcome = Decision::Outcome::Approve,
                  const QList<DecisionCondition>& conditions = {}, const QString& signOff = {});
    PromotionRequest request(qint64 requestId);
    // Adds a run of ada's with the given auc and registers it as the next version.
    int registerVersion(double auc, const QString& by = QStringLiteral("ada"));

private:
    TemporaryWorkspace m_workspace;
    InMemorySecretStore m_keychain;
    std::map<QString, std::unique_ptr<Workspace>> m_connections;
    qint64 m_modelId = 0;
};

} // namespace assay::test
