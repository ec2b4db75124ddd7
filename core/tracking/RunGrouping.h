#pragma once

#include <QString>

namespace assay {

// What to group runs by, and which metric's best value to show per group.
struct RunGrouping {
    enum class Kind { Param, Tag };

    Kind kind = Kind::Param;
    QString key;
    QString metricKey; // empty: no metric column
    bool higherIsBetter = true;
};

} // namespace assay
