#pragma once

#include "CsvColumnType.h"
#include "DriftPeriod.h"
#include "DriftThresholds.h"
#include "PerformanceMetric.h"

#include <QHash>
#include <QMap>
#include <QString>
#include <QStringList>

namespace assay {

// What a new monitor is made of: the version it watches, its reference data and features, how
// current data splits into windows, the performance to follow, and its thresholds.
struct DriftMonitorSpec {
    qint64 versionId = 0;
    QString name;
    QString referencePath;
    QStringList features; // empty: every column but the timestamp, label and prediction
    QStringList keyFeatures;
    QHash<QString, CsvColumnType> typeOverrides;
    QMap<QString, QString> methods;          // feature → method, instead of the default
    QMap<QString, double> featureThresholds; // feature → threshold for its method
    QString timestampColumn;                 // empty: each file added is one window
    DriftPeriod period = DriftPeriod::File;
    QString labelColumn;
    QString predictionColumn;
    PerformanceMetric metric = PerformanceMetric::None;
    DriftThresholds thresholds;
};

} // namespace assay
