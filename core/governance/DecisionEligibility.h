#pragma once

#include <QString>

namespace assay {

// Whether a user may decide a request now, as which sign-off, and if not, why not, in words the
// user can act on.
struct DecisionEligibility {
    bool canApprove = false;
    bool canReject = false;
    QString signOff; // the sign-off an approval would give
    QString reason;  // why not, when neither
};

} // namespace assay
