#pragma once

#include <QString>

namespace assay {

class Workspace;

// A read-only copy of a workspace for auditors: everything in it, audit trail and signatures
// included, so that it verifies on its own, and nothing that can change it. The source records
// the archiving in its audit trail first, so the copy ends with that event too.
class WorkspaceArchive {
public:
    // Refuses an existing outPath; a failure leaves no file there.
    static void create(Workspace& source, const QString& outPath);
};

} // namespace assay
