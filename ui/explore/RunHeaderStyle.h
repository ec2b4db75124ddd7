#pragma once

#include "CompareRun.h"

#include <QIcon>
#include <QVariant>

namespace assay {

// How a run heads a column in the Compare page's tables: its name, a dot in its chart colour (so
// that a column and a curve are matched at a glance) and its uid and experiment in the tooltip.
class RunHeaderStyle {
public:
    static QVariant headerData(const CompareRun& run, int role, int runIdRole);
    static QIcon colorDot(const QColor& color);
};

} // namespace assay
