#include "DriftStatus.h"

namespace assay {

QString DriftStatus::summary() const {
    if (monitors == 0)
        return QStringLiteral("No drift monitor.");
    if (windows == 0)
        return QStringLiteral("Monitored; no current data yet.");
    if (retrainingRecommended)
        return QStringLiteral("Retraining recommended: ") + reasons.join(QStringLiteral(" "));
    return QStringLiteral("No drift in the latest window (%1).").arg(latestWindow);
}

} // namespace assay
