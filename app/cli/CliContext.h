#pragma once

#include <QString>

#include <optional>

namespace assay::cli {

// What the command line says beyond a command's own arguments: the workspace given with -w,
// before or after the command word (the later one wins).
class CliContext {
public:
    void setWorkspaceOption(const QString& path) { m_workspaceOption = path; }

    // -w FILE, else $ASSAY_WORKSPACE, else the default workspace.
    QString workspacePath() const;

private:
    std::optional<QString> m_workspaceOption;
};

} // namespace assay::cli
