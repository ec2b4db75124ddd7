#pragma once

#include "DecisionCondition.h"
#include "DecisionSnapshot.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace assay {

// One reviewer's signed decision on a request, and whether it still holds: verified (the
// signature checks and the evidence is what was signed), stale (the evidence changed since) or
// invalid (the record or the key no longer matches the signature).
struct Decision {
    enum class Outcome { Approve, ApproveWithConditions, Reject };
    enum class Status { Verified, Stale, Invalid };

    qint64 id = 0;
    qint64 requestId = 0;
    QString signOff; // the sign-off of the tier's rule it gives: model_owner, validator, ...
    Outcome outcome = Outcome::Approve;
    QString comment;
    QString evidenceHash;
    QJsonObject gates; // gate key → "passed" / "failed" / "not_applicable" when it was made
    QList<DecisionCondition> conditions;
    // What the reviewer saw, signed with the decision; none for decisions made before Assay kept
    // snapshots (schema 12), which signed the gates' statuses alone.
    std::optional<DecisionSnapshot> snapshot;
    qint64 decidedAt = 0;
    QString decidedBy;
    qint64 keyId = 0;
    QByteArray signature;

    Status status = Status::Verified;
    QString statusDetail;

    bool approves() const { return outcome != Outcome::Reject; }
    bool counts() const { return approves() && status == Status::Verified; }
    static QString outcomeName(Outcome outcome);
    static QString outcomeLabel(Outcome outcome);
    static std::optional<Outcome> outcomeFromName(const QString& name);
    static QString statusLabel(Status status);
};

} // namespace assay
