#pragma once

#include <QList>
#include <QPointF>

#include <optional>

namespace assay {

// A metric series reduced for a chart of a given pixel width (SeriesDownsampler): at most four
// points per pixel column, ready for QXYSeries::replace().
struct DownsampledSeries {
    // Finite points, x ascending; points with the same x keep their logged order.
    QList<QPointF> points;
    // True when `points` is every finite point in the window: the window held no more than the
    // point budget, so a zoomed chart shows the data itself.
    bool fullResolution = false;
    // The window used, with open ends resolved to the data's extent.
    double from = 0;
    double to = 0;
    // Points with x in the window, finite or not.
    qint64 pointsInWindow = 0;
    // NaN and ±inf values in the window: never drawn as part of the line (a chart cannot scale
    // to infinity and a NaN has no height), but counted, and the x of the first one in each
    // pixel column is kept so that the chart can mark where they are.
    qint64 nanCount = 0;
    qint64 infiniteCount = 0;
    QList<double> nonFiniteXs;
    // The nearest finite points just outside the window, so that a zoomed line runs to the
    // plot's edges. Exact when x increases along the series; otherwise the nearest among the
    // chunks next to the window.
    std::optional<QPointF> before;
    std::optional<QPointF> after;
};

} // namespace assay
