#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace assay {

// Whether a model's monitors recommend retraining, judged on each monitor's latest window.
struct DriftStatus {
    int monitors = 0;
    int windows = 0;
    bool retrainingRecommended = false;
    // One sentence per monitor whose latest window recommends retraining.
    QStringList reasons;
    QString latestWindow; // label of the most recent window over all monitors

    QString summary() const;
};

} // namespace assay
