#pragma once

#include <QtGlobal>

#include <functional>

namespace assay {

// Milliseconds since the Unix epoch. Injectable so that tests can pin audit timestamps and
// alias history dates.
using Clock = std::function<qint64()>;

Clock systemClock();

} // namespace assay
