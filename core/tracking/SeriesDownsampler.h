#pragma once

#include "DownsampledSeries.h"
#include "MetricSeries.h"
#include "SeriesWindow.h"

#include <cstddef>
#include <utility>
#include <vector>

namespace assay {

// Min/max-per-column downsampling (the M4 reduction): the window [from, to] is cut into one
// bucket per pixel column, and each bucket keeps its first and last point in x and its lowest
// and highest value, in x order, so at most 4 × pixelWidth points survive and the drawn line
// covers exactly the pixels the full series would. The series' first and last points (in x) and
// its extremes are always among them. When the window holds no more finite points than that
// budget, every one of them is returned instead (fullResolution).
//
// NaN and ±inf values are left out of the line and reported in the result (DownsampledSeries);
// clamping infinities to the extremes would draw values that were never logged.
//
// Points arrive in logged order through add(), a chunk at a time, so that a series can be
// reduced straight from its stored chunks without ever being held whole (MetricStore::downsampled).
class SeriesDownsampler {
public:
    // Open ends of the window take dataFrom and dataTo; a reversed window is put right way round.
    SeriesDownsampler(const SeriesWindow& window, double dataFrom, double dataTo);

    void add(const double* xs, const double* values, std::size_t count);
    // x = xs[i] - origin, computed in integers so that ms timestamps lose nothing.
    void add(const qint64* xs, qint64 origin, const double* values, std::size_t count);
    DownsampledSeries finish() const;

    std::size_t budget() const { return m_budget; }
    // The window after open ends were resolved.
    double from() const { return m_from; }
    double to() const { return m_to; }

    // The same reduction over a series in memory.
    static DownsampledSeries downsample(const MetricSeries& series, const SeriesWindow& window);

private:
    struct Point {
        double x;
        double y;
        std::size_t seq;
    };
    struct Bucket {
        Point first;
        Point last;
        Point low;
        Point high;
        double nonFiniteX = 0;
        bool used = false;
        bool hasNonFinite = false;
    };

    template <class XAt>
    void addRun(XAt xAt, const double* values, std::size_t count);
    void addPoint(double x, double y);
    void addOutside(double x, double y);
    void addNonFinite(Bucket& bucket, double x, double y);
    std::size_t bucketOf(double x) const;
    std::pair<double, double> surelyIn(std::size_t index) const;
    void appendBucket(const Bucket& bucket, QList<QPointF>& out) const;

    double m_from;
    double m_to;
    double m_scale;
    std::size_t m_width;
    std::size_t m_budget;
    std::size_t m_seq = 0;
    std::size_t m_finite = 0;
    qint64 m_inWindow = 0;
    qint64 m_nan = 0;
    qint64 m_infinite = 0;
    std::optional<Point> m_before;
    std::optional<Point> m_after;
    std::vector<Bucket> m_buckets;
    std::vector<Point> m_raw;
};

} // namespace assay
