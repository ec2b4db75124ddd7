#pragma once

#include "tests/support/TemporaryWorkspace.h"

#include <QString>

#include <memory>

namespace assay {
class WorkspaceSession;
}

namespace assay::test {

// A workspace with people and a model ready for review, written through core. The admin
// "tester" sets it up; then:
// - users: dan (data scientist, submits), rita (data scientist and validator, created the runs),
//   olga (analyst, owns the model), vera (validator), rick and rose (risk officers);
// - model "churn": v1 from run "baseline" (auc 0.80) in production, v2 from run "candidate"
//   (auc 0.83, params lr and depth) with a complete model card and a validation report;
//   primary metric auc, higher is better; assessed as Tier 2 (model owner + validator).
struct ReviewFixture {
    TemporaryWorkspace ws;
    qint64 modelId = 0;
    qint64 candidateVersionId = 0;
    qint64 championVersionId = 0;

    ReviewFixture();

    // Dan asks for churn v2 → production; returns the request's id.
    qint64 submitPromotion(const QString& justification = QStringLiteral("AUC up three points"));
    // A session acting as login, signing with an in-memory keychain.
    std::unique_ptr<WorkspaceSession> sessionAs(const QString& login) const;
    // Writes as login through a connection of its own, as another process would.
    void writeAs(const QString& login, const std::function<void(WriteTransaction&)>& body) const;
    // Moves the clock on.
    void advanceDays(int days) { ws.now += days * 24LL * 3600 * 1000; }
};

} // namespace assay::test
