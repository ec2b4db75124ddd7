#include "MetricDirection.h"

#include <QStringList>

namespace assay {

bool MetricDirection::lowerIsBetterByDefault(const QString& metricKey) {
    // Substrings, so that "val_loss", "test-rmse" and "logloss" all match; "mse" also covers "rmse".
    static const QStringList lowerIsBetter{QStringLiteral("loss"),    QStringLiteral("error"),
                                           QStringLiteral("rmse"),    QStringLiteral("mae"),
                                           QStringLiteral("mse"),     QStringLiteral("mape"),
                                           QStringLiteral("logloss"), QStringLiteral("perplexity")};
    for (const QString& word : lowerIsBetter) {
        if (metricKey.contains(word, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace assay
