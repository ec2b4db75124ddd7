#pragma once

#include <QString>
#include <QStringList>

namespace assay {

// One criterion of the tier policy, scored 1 (low) to 4 (high); guidance[i] says what score
// i + 1 means, so that two assessors reach the same score.
struct RiskDimension {
    QString key;
    QString label;
    double weight = 0;
    QStringList guidance;
};

} // namespace assay
