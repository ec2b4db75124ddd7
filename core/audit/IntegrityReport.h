#pragma once

#include "IntegrityProblem.h"
#include "core/workspace/AuditVerification.h"

#include <QList>

namespace assay {

// What WorkspaceIntegrity found: the audit chain's state, the signatures checked, and every
// problem, in the order a reader should see them.
struct IntegrityReport {
    AuditVerification audit;
    int signaturesChecked = 0;
    int staleOnOpenRequests = 0; // the normal course of a review, not a problem
    QList<IntegrityProblem> problems;

    bool isIntact() const { return problems.isEmpty(); }
    // "Verified through sequence 1806; 14 decision signatures verified." or "Broken at sequence
    // 57: …" followed by the number of other problems.
    QString summary() const;
};

} // namespace assay
