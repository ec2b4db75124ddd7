#pragma once

#include <QString>

namespace assay::cli {

// A command-line mistake: main prints it with a pointer to --help and exits 2, whereas an
// AssayError (the work itself failed) exits 1.
struct UsageError {
    QString message;
};

} // namespace assay::cli
