#include "CliContext.h"

#include "core/workspace/Workspace.h"

namespace assay::cli {

QString CliContext::workspacePath() const {
    if (m_workspaceOption)
        return *m_workspaceOption;
    const QString fromEnvironment = qEnvironmentVariable("ASSAY_WORKSPACE");
    return fromEnvironment.isEmpty() ? Workspace::defaultPath() : fromEnvironment;
}

} // namespace assay::cli
