#pragma once

#include "Run.h"

#include <QHash>
#include <QString>

namespace assay {

// One line of a run listing: the run, its experiment's name, its params and tags, and the summary
// of each of its metrics: the latest value (NaN when the latest point is NaN) and the extremes
// over the non-NaN points (absent when every point is NaN).
struct RunRow {
    Run run;
    QString experimentName;
    QHash<QString, QString> params;
    QHash<QString, double> metrics;
    QHash<QString, QString> tags{};
    QHash<QString, double> metricMins{};
    QHash<QString, double> metricMaxes{};
};

} // namespace assay
