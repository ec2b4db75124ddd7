#pragma once

#include "Decision.h"
#include "DecisionEligibility.h"
#include "PromotionRequest.h"
#include "SignOff.h"
#include "SignatureCheck.h"

#include <QList>

#include <optional>

namespace assay {

class SecretStore;
class Workspace;
class WriteTransaction;

// Promotion requests, periodic reviews and their signed decisions (DESIGN §5). Segregation of
// duties is enforced here, in core: nobody decides a request they submitted or a version whose
// run they created; each sign-off comes from a different person holding the role it names; one
// rejection ends the request; when every sign-off of the tier is given, the request executes.
class PromotionRequests {
public:
    explicit PromotionRequests(const Workspace& workspace)
        : m_workspace(workspace) {}

    struct DecisionInput {
        Decision::Outcome outcome = Decision::Outcome::Approve;
        QString comment;
        QList<DecisionCondition> conditions; // approve with conditions only
        QString signOff;                     // empty: the first sign-off the decider can give
        std::optional<int> expectedRevision; // the revision the decider looked at
        // The hash of the snapshot (gates, evidence, champion) the decider looked at: a metric
        // logged or an alias moved in the meantime changes what would be signed, not the revision.
        std::optional<QString> expectedSnapshotHash;
    };

    // A data scientist asks to point alias at a version of an assessed model with an owner.
    static qint64 submit(WriteTransaction& tx, qint64 modelId, int version, const QString& alias,
                         const QString& justification);
    // Opens the periodic review of the version in production.
    static qint64 submitReview(WriteTransaction& tx, qint64 modelId, const QString& justification);
    // Records the acting user's signed decision; the private key comes from store.
    static qint64 decide(WriteTransaction& tx, SecretStore& store, qint64 requestId,
                         const DecisionInput& input);
    // The submitter (or an admin) withdraws an open request.
    static void withdraw(WriteTransaction& tx, qint64 requestId, const QString& reason);

    // The bytes a decision signs: canonical JSON of the decision, its request and its conditions.
    static QByteArray signedMessage(const PromotionRequest& request, const Decision& decision,
                                    const QString& workspaceUuid);

    std::optional<PromotionRequest> request(qint64 requestId) const;
    QList<PromotionRequest> requests(std::optional<qint64> modelId = {}) const; // newest first
    QList<PromotionRequest> openRequests() const;
    // Every decision on the request, oldest first, each with its status worked out now.
    QList<Decision> decisions(const PromotionRequest& request) const;
    QJsonObject liveEvidence(const PromotionRequest& request) const;
    // What a decision on the request would record and sign now.
    DecisionSnapshot snapshot(const PromotionRequest& request) const;
    // The sign-offs the request's tier requires and the decisions that give them.
    QList<SignOff> signOffs(const PromotionRequest& request) const;
    DecisionEligibility eligibility(const PromotionRequest& request, const QString& login) const;
    // Open requests that still need a sign-off login may give.
    QList<PromotionRequest> inbox(const QString& login) const;
    QList<SignatureCheck> verifySignatures() const;
    // Whether login holds what signOff asks for (the model's ownership or the role), before
    // segregation of duties is applied.
    bool qualifies(const PromotionRequest& request, const QString& login, const QString& signOff) const;

private:
    const Workspace& m_workspace;
};

} // namespace assay
