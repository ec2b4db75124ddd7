#include "Clock.h"

#include <QDateTime>

namespace assay {

Clock systemClock() {
    return [] {
        return QDateTime::currentMSecsSinceEpoch();
    };
}

} // namespace assay
