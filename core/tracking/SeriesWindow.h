#pragma once

#include <optional>

namespace assay {

// What a chart asks of a metric series: the x axis, the visible x range and its width in
// pixels. An open end of the range means "where the data ends". x is the step, the wall time in
// ms since the Unix epoch, or the ms since the series' first logged point.
struct SeriesWindow {
    enum class Axis { Step, WallTime, RelativeTime };

    Axis axis = Axis::Step;
    std::optional<double> from; // inclusive
    std::optional<double> to;   // inclusive
    int pixelWidth = 1000;
};

} // namespace assay
