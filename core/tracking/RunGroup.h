#pragma once

#include <QString>

#include <optional>

namespace assay {

// One group of a grouped run listing: the runs sharing a param or tag value.
struct RunGroup {
    std::optional<QString> value; // empty: the runs that do not have the param or tag
    qint64 runCount = 0;
    // The best latest value of the group's primary metric, if one was asked for and any run
    // in the group has a number for it.
    std::optional<double> bestMetric;
};

} // namespace assay
