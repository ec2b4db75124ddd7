#pragma once

#include "CsvColumn.h"
#include "DriftPeriod.h"
#include "PerformanceTally.h"

#include <QList>

namespace assay {

// The rows of a data file that fall in one window: the feature columns and the performance
// tally, as DriftDataReader collects them.
struct DriftDataWindow {
    DriftWindowSpan span; // dates are null for a whole-file window
    QList<CsvColumn> columns;
    qint64 rows = 0;
    PerformanceTally performance;
};

} // namespace assay
