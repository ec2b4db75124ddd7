#pragma once

#include "core/tracking/MetricSeries.h"
#include "core/tracking/Run.h"

#include <QMap>
#include <QString>

#include <map>

namespace assay::bench {

// One run as RunGenerator makes it, before it is written anywhere.
struct GeneratedRun {
    Run run;
    QMap<QString, QString> params;
    QMap<QString, QString> tags;
    std::map<QString, MetricSeries> metrics;
};

} // namespace assay::bench
