#pragma once

#include "Decision.h"

#include <QString>

namespace assay {

// The state of one decision's signature, for `assay-cli audit verify` and the audit page.
struct SignatureCheck {
    qint64 decisionId = 0;
    qint64 requestId = 0;
    QString request; // the request's title
    QString decidedBy;
    Decision::Status status = Decision::Status::Verified;
    bool requestExecuted = false;
    QString detail;

    // An invalid signature, or evidence changed after the promotion executed, is tampering.
    bool isProblem() const {
        return status == Decision::Status::Invalid || (status == Decision::Status::Stale && requestExecuted);
    }
};

} // namespace assay
