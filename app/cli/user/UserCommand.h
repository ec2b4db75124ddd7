#pragma once

#include "app/cli/CliCommandGroup.h"

namespace assay::cli {

// user list|add|grant|revoke: user administration from a terminal or a pipeline. Core decides
// who may (only an admin changes users), so the CLI and the GUI refuse the same things.
class UserCommand : public CliCommandGroup {
public:
    UserCommand();

    QString name() const override { return QStringLiteral("user"); }
    QString summary() const override;
};

} // namespace assay::cli
