#pragma once

#include "core/tracking/RunStatus.h"

#include <QColor>
#include <QIcon>

namespace assay {

// The colour each run status is drawn in. Mid-tone hues that read on light and dark palettes
// alike; "killed" takes the palette's placeholder grey so that it follows the theme.
class RunStatusStyle {
public:
    static QColor color(RunStatus status);
    // A filled dot in the status colour, for the Status column's decoration.
    static QIcon dot(RunStatus status);
    // The text colour, when it should differ from the palette's; invalid otherwise.
    static QColor textColor(RunStatus status);
};

} // namespace assay
