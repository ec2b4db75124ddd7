#pragma once

#include <QString>

namespace assay {

// The outcome of walking the audit chain. brokenAt is the first sequence number at which the
// chain no longer holds (0 when intact); verifiedThrough the last one that did.
struct AuditVerification {
    bool intact = true;
    qint64 eventCount = 0;
    qint64 verifiedThrough = 0;
    qint64 brokenAt = 0;
    QString problem;
};

} // namespace assay
