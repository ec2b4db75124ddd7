#include "MlflowImportSummary.h"

namespace assay {

QStringList MlflowImportSummary::reportLines() const {
    return {
        QStringLiteral("Imported %1 (%2)%3")
            .arg(source, description, cancelled ? QStringLiteral(", cancelled") : QString()),
        QStringLiteral("  experiments: %1 added, %2 updated").arg(experimentsAdded).arg(experimentsUpdated),
        QStringLiteral("  runs: %1 added, %2 updated").arg(runsAdded).arg(runsUpdated),
        QStringLiteral("  metric points: %1 added").arg(pointsAdded),
        QStringLiteral("  registered models: %1 added, %2 updated; model versions: %3 added")
            .arg(modelsAdded)
            .arg(modelsUpdated)
            .arg(versionsAdded),
    };
}

} // namespace assay
