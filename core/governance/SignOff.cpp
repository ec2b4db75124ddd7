#include "SignOff.h"

namespace assay {

QString SignOff::labelOf(const QString& key) {
    if (key == QLatin1String("model_owner"))
        return QStringLiteral("Model owner");
    if (key == QLatin1String("validator"))
        return QStringLiteral("Independent validator");
    if (key == QLatin1String("risk_officer"))
        return QStringLiteral("Risk officer");
    if (key == QLatin1String("reviewer"))
        return QStringLiteral("Reviewer (not the developer)");
    return key;
}

} // namespace assay
