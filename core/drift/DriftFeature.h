#pragma once

#include "CsvColumnType.h"

#include <QString>

#include <optional>

namespace assay {

// A feature a monitor watches: how it is compared (the method fixed when the monitor was made,
// Evidently's default unless chosen), its own threshold if it has one, and whether it is a key
// feature whose drift alone recommends retraining.
struct DriftFeature {
    QString name;
    CsvColumnType type = CsvColumnType::Numerical;
    QString method;
    std::optional<double> threshold; // else the monitor's threshold for the method
    bool key = false;
    qint64 referenceCount = 0;    // non-missing reference values
    qint64 referenceDistinct = 0; // distinct reference values
};

} // namespace assay
