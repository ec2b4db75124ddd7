#pragma once

#include "core/identity/Role.h"

namespace assay::cli {

// A role named on the command line as core names it (admin, data_scientist, ...).
class RoleArgument {
public:
    // Throws UsageError listing the valid names.
    static Role parse(const QString& name);
    // "admin, data_scientist, ...", for help texts and messages.
    static QString names();
};

} // namespace assay::cli
