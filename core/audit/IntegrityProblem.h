#pragma once

#include <QString>

namespace assay {

// One thing that shows a workspace was altered outside Assay: where (an audit sequence number or
// an entity) and what, in a sentence for the user.
struct IntegrityProblem {
    enum class Kind {
        AuditChain,        // an audit row edited, inserted, reordered or deleted inside the chain
        AuditHead,         // audit rows removed from the end, or the recorded head altered
        DecisionSignature, // a decision's record or its signer's registered key no longer matches
        ApprovedEvidence,  // the evidence of an executed promotion changed after the approval
    };

    Kind kind = Kind::AuditChain;
    qint64 seq = 0;  // audit problems: the first sequence number at fault
    QString entity;  // the others: "decision 12 by val on request #4 (churn v3 → production)"
    QString message; // what is wrong, to follow the sequence number or the entity
};

} // namespace assay
