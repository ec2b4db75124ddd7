#pragma once

#include <QString>
#include <QStringList>

namespace assay {

// What a tier demands before a promotion executes, and how often the model is reviewed.
struct TierRequirements {
    int tier = 3;
    QString label;
    QStringList signOffs; // model_owner, validator, risk_officer, reviewer
    QStringList
        evidence; // model_card, validation_report, fairness_metrics, drift_monitor, champion_comparison
    int reviewMonths = 36;
};

} // namespace assay
