#include "ChartAxisTicks.h"

#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace assay {

double ChartAxisTicks::roundStep(double span, int targetTicks) {
    if (!(span > 0) || targetTicks < 1)
        return 1;
    const double raw = span / targetTicks;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double factor : {1.0, 2.0, 5.0}) {
        if (factor * power >= raw)
            return factor * power;
    }
    return 10 * power;
}

void ChartAxisTicks::fitToData(QValueAxis* axis, double min, double max, int targetTicks) {
    const double step = roundStep(max - min, targetTicks);
    apply(axis, min, max, std::ceil(min / step) * step, step);
}

// Fixed ticks while the range changes: dynamic ticks at the old interval over a new, far wider
// range (a zoom to 5 steps, then back to 200,000) would lay out a label per step.
void ChartAxisTicks::apply(QValueAxis* axis, double min, double max, double anchor, double step) {
    axis->setTickType(QValueAxis::TicksFixed);
    axis->setRange(min, max);
    axis->setTickAnchor(anchor);
    axis->setTickInterval(step);
    axis->setTickType(QValueAxis::TicksDynamic);
}

void ChartAxisTicks::fitFromZero(QValueAxis* axis, double max, int targetTicks) {
    const double step = roundStep(max > 0 ? max : 1, targetTicks);
    apply(axis, 0, std::max(step, std::ceil(max / step) * step), 0, step);
}

} // namespace assay
