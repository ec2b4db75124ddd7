#pragma once

#include "IntegrityReport.h"

namespace assay {

class Workspace;

// Everything that can show tampering with a workspace file, checked together: the audit hash
// chain, the recorded head of the chain (so that rows cut from its end show), every decision's
// signature against its signer's registered key, and the evidence of executed promotions.
// `assay-cli audit verify`, the GUI when it opens a workspace, and the Audit page all use it.
class WorkspaceIntegrity {
public:
    static IntegrityReport check(const Workspace& workspace);
};

} // namespace assay
