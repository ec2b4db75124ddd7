#pragma once

#include "app/cli/CliCommandGroup.h"

namespace assay::cli {

// drift compute|monitor|add|status|windows|rules: drift of two CSV files without a workspace, and
// the drift monitors of model versions (DESIGN §6). What counts as drift, who may change a
// monitor and when a window is refused is core's to say, so the CLI and the GUI agree.
class DriftCommand : public CliCommandGroup {
public:
    DriftCommand();

    QString name() const override { return QStringLiteral("drift"); }
    QString arguments() const override { return QStringLiteral("SUBCOMMAND"); }
    QString summary() const override;
};

} // namespace assay::cli
