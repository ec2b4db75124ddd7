#pragma once

#include "DriftColumnResult.h"
#include "DriftPeriod.h"

#include <QList>

#include <optional>

namespace assay {

// A window of current data with every statistic of every feature against the reference, ready
// to be stored by DriftMonitors::addWindows.
struct DriftComputedWindow {
    DriftWindowSpan span;
    qint64 rows = 0;
    std::optional<double> performance;
    QList<DriftColumnResult> results; // in the monitor's feature order
};

} // namespace assay
