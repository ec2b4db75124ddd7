#pragma once

#include "DriftFeature.h"
#include "DriftPeriod.h"
#include "DriftThresholds.h"
#include "PerformanceMetric.h"

#include <QList>
#include <QString>

#include <optional>

namespace assay {

// A drift monitor on a model version: the reference it compares against, the features it
// watches, how current data becomes windows, and the thresholds that decide drift.
struct DriftMonitor {
    qint64 id = 0;
    qint64 versionId = 0;
    qint64 modelId = 0;
    QString modelName;
    int version = 0;
    QString name;
    QString referenceName;
    QString referenceSha256;
    qint64 referenceRows = 0;
    QString timestampColumn;
    DriftPeriod period = DriftPeriod::File;
    QString labelColumn;
    QString predictionColumn;
    PerformanceMetric metric = PerformanceMetric::None;
    std::optional<double> referencePerformance;
    DriftThresholds thresholds;
    QList<DriftFeature> features;
    // Made after the version was approved: not part of the evidence it was approved on.
    bool afterApproval = false;
    qint64 createdAt = 0;
    QString createdBy;

    const DriftFeature* feature(const QString& featureName) const {
        for (const DriftFeature& f : features) {
            if (f.name == featureName)
                return &f;
        }
        return nullptr;
    }
    double thresholdOf(const DriftFeature& f) const;
};

} // namespace assay
