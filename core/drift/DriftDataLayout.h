#pragma once

#include "CsvColumnType.h"
#include "DriftPeriod.h"
#include "PerformanceMetric.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace assay {

// Which columns of a data file a monitor reads and how rows become windows.
struct DriftDataLayout {
    QStringList features;                // empty: every column but the timestamp, label and prediction
    QHash<QString, CsvColumnType> types; // forced types; the others are detected
    QString timestampColumn;             // empty: the whole file is one window
    DriftPeriod period = DriftPeriod::File;
    QString labelColumn;
    QString predictionColumn;
    PerformanceMetric metric = PerformanceMetric::None;
};

} // namespace assay
