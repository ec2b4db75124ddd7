#pragma once

#include "PolicyVersion.h"
#include "TierPolicy.h"

#include <QList>

namespace assay {

class Workspace;
class WriteTransaction;

// The tier policy as versioned in the workspace (DESIGN §5). Until an admin publishes one, the
// policy shipped in resources/ applies; it is published as version 1 by the first write that
// depends on it, so that every assessment and request names a stored version.
class Policies {
public:
    explicit Policies(const Workspace& workspace)
        : m_workspace(workspace) {}

    // Validates json (TierPolicyReader names the failing field) and stores it as the next
    // version; only an admin may. Refuses a document identical to the current one.
    static int publish(WriteTransaction& tx, const QByteArray& json, const QString& note);
    // The current version number, publishing the built-in default first if there is none.
    static int ensurePublished(WriteTransaction& tx);

    PolicyVersion current() const; // version 0 with the default document when none is published
    TierPolicy currentPolicy() const;
    TierPolicy policy(int version) const;
    QList<PolicyVersion> history() const; // newest first

private:
    const Workspace& m_workspace;
};

} // namespace assay
