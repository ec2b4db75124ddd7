#pragma once

#include "app/cli/CliCommandGroup.h"

namespace assay::cli {

// model register|list|show|owner|metric|card|assess|request|requests|decide|withdraw: the
// registry and the promotion workflow from a terminal or a pipeline. Every rule (who may, what
// segregation of duties forbids, what a tier requires) is core's, so the CLI and the GUI refuse
// the same things with the same words.
class ModelCommand : public CliCommandGroup {
public:
    ModelCommand();

    QString name() const override { return QStringLiteral("model"); }
    // Eleven subcommands would widen assay-cli --help's command list beyond a terminal; --help
    // of model lists them.
    QString arguments() const override { return QStringLiteral("SUBCOMMAND"); }
    QString summary() const override;
};

} // namespace assay::cli
