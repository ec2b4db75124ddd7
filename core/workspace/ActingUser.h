#pragma once

#include <QString>

namespace assay {

// Who the audit trail names as the actor: the OS login unless ASSAY_USER overrides it
// (pipelines that log under a service identity, and tests that act as several people).
class ActingUser {
public:
    static QString fromEnvironment();
};

} // namespace assay
