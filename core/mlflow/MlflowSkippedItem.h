#pragma once

#include <QString>

namespace assay {

// Something an MLflow import could not read and left out, e.g. "mlruns/1/ab12/metrics/loss:7"
// and "expected 2, 3 or 5 fields, found 4". The rest of the import goes on without it.
struct MlflowSkippedItem {
    QString location; // a path, path:line, or a database row
    QString reason;

    QString toString() const { return location + QStringLiteral(": ") + reason; }
};

} // namespace assay
