#pragma once

class QValueAxis;

namespace assay {

// An x axis that spans exactly the data, with ticks at round values inside it: 249 steps end at
// 249, not at the 400 that QValueAxis::applyNiceNumbers() would stretch the axis to, leaving a
// third of the plot empty.
class ChartAxisTicks {
public:
    static void fitToData(QValueAxis* axis, double min, double max, int targetTicks = 5);
    // From zero up to the first round tick at or above max, with a tick at every round step.
    static void fitFromZero(QValueAxis* axis, double max, int targetTicks = 5);
    // 1, 2 or 5 times a power of ten, at least span / targetTicks.
    static double roundStep(double span, int targetTicks);

private:
    static void apply(QValueAxis* axis, double min, double max, double anchor, double step);
};

} // namespace assay
