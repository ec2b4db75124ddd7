#include "SeriesDownsampler.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace assay {
namespace {

std::pair<double, double> extentOf(const std::vector<qint64>& xs, qint64 origin) {
    const auto [low, high] = std::minmax_element(xs.begin(), xs.end());
    return {static_cast<double>(*low - origin), static_cast<double>(*high - origin)};
}

} // namespace

SeriesDownsampler::SeriesDownsampler(const SeriesWindow& window, double dataFrom, double dataTo)
    : m_from(window.from.value_or(dataFrom))
    , m_to(window.to.value_or(dataTo))
    , m_width(static_cast<std::size_t>(std::max(1, window.pixelWidth)))
    , m_budget(4 * m_width)
    , m_buckets(m_width) {
    if (m_from > m_to)
        std::swap(m_from, m_to);
    m_scale = m_to > m_from ? static_cast<double>(m_width) / (m_to - m_from) : 0.0;
    m_raw.reserve(std::min<std::size_t>(m_budget + 1, 1 << 16));
}

std::size_t SeriesDownsampler::bucketOf(double x) const {
    const auto index = static_cast<std::size_t>((x - m_from) * m_scale);
    return std::min(index, m_width - 1);
}

// One point at a time: the way in for points outside the window, NaN and ±inf, a column's first
// point, and the points that fill the full-resolution buffer.
void SeriesDownsampler::addPoint(double x, double y) {
    if (x < m_from || x > m_to) {
        addOutside(x, y);
        return;
    }
    ++m_inWindow;
    Bucket& bucket = m_buckets[bucketOf(x)];
    if (!std::isfinite(y)) {
        addNonFinite(bucket, x, y);
        return;
    }
    const Point point{x, y, m_seq++};
    if (++m_finite <= m_budget)
        m_raw.push_back(point);
    if (!bucket.used) {
        bucket.first = bucket.last = bucket.low = bucket.high = point;
        bucket.used = true;
        return;
    }
    // Ties: the earliest logged point is first, lowest and highest; the latest is last.
    if (x < bucket.first.x)
        bucket.first = point;
    if (x >= bucket.last.x)
        bucket.last = point;
    if (y < bucket.low.y)
        bucket.low = point;
    if (y > bucket.high.y)
        bucket.high = point;
}

// An x interval whose points are all in column `index`, so that the hot loop can test two
// bounds instead of computing each point's column. bucketOf() never decreases with x, so
// checking both ends proves it; near the edges, where rounding decides, the interval stops short
// and bucketOf() takes over (an empty interval when x is too coarse for the columns).
std::pair<double, double> SeriesDownsampler::surelyIn(std::size_t index) const {
    const double width = (m_to - m_from) / static_cast<double>(m_width);
    const double inner = m_from + width * (static_cast<double>(index) + 1e-6);
    const double outer = m_from + width * (static_cast<double>(index) + 1 - 1e-6);
    const double lastInside = std::nextafter(outer, inner);
    if (!(inner < outer) || lastInside > m_to || bucketOf(inner) != index || bucketOf(lastInside) != index)
        return {0.0, 0.0};
    return {inner, outer};
}

void SeriesDownsampler::add(const double* xs, const double* values, std::size_t count) {
    addRun([xs](std::size_t i) { return xs[i]; }, values, count);
}

void SeriesDownsampler::add(const qint64* xs, qint64 origin, const double* values, std::size_t count) {
    addRun([xs, origin](std::size_t i) { return static_cast<double>(xs[i] - origin); }, values, count);
}

// Consecutive points mostly fall into the same pixel column (x is a step or a time): while they
// do, the column's four points live in locals rather than memory. Everything else, and the
// points that fill the full-resolution buffer, go through addPoint().
template <class XAt>
void SeriesDownsampler::addRun(XAt xAt, const double* values, std::size_t count) {
    std::size_t i = 0;
    while (i < count) {
        const double x = xAt(i);
        const double y = values[i];
        if (x < m_from || x > m_to || !std::isfinite(y) || m_finite < m_budget ||
            !m_buckets[bucketOf(x)].used) {
            addPoint(x, y);
            ++i;
            continue;
        }
        const std::size_t index = bucketOf(x);
        Bucket& bucket = m_buckets[index];
        Point first = bucket.first;
        Point last = bucket.last;
        Point low = bucket.low;
        Point high = bucket.high;
        const auto [inner, outer] = surelyIn(index);
        std::size_t j = i;
        for (; j < count; ++j) {
            const double xj = xAt(j);
            const double yj = values[j];
            const bool surely = xj >= inner && xj < outer;
            if (!std::isfinite(yj) || (!surely && (!(xj >= m_from && xj <= m_to) || bucketOf(xj) != index)))
                break;
            const Point point{xj, yj, m_seq++};
            if (xj < first.x)
                first = point;
            if (xj >= last.x)
                last = point;
            if (yj < low.y)
                low = point;
            if (yj > high.y)
                high = point;
        }
        const auto taken = static_cast<qint64>(j - i);
        m_finite += j - i;
        m_inWindow += taken;
        bucket.first = first;
        bucket.last = last;
        bucket.low = low;
        bucket.high = high;
        i = j;
    }
}

void SeriesDownsampler::addOutside(double x, double y) {
    if (!std::isfinite(y))
        return;
    const Point point{x, y, m_seq++};
    if (x < m_from && (!m_before || x >= m_before->x))
        m_before = point;
    else if (x > m_to && (!m_after || x < m_after->x))
        m_after = point;
}

void SeriesDownsampler::addNonFinite(Bucket& bucket, double x, double y) {
    if (std::isnan(y))
        ++m_nan;
    else
        ++m_infinite;
    if (!bucket.hasNonFinite) {
        bucket.hasNonFinite = true;
        bucket.nonFiniteX = x;
    }
}

void SeriesDownsampler::appendBucket(const Bucket& bucket, QList<QPointF>& out) const {
    std::array<Point, 4> kept{bucket.first, bucket.low, bucket.high, bucket.last};
    std::sort(kept.begin(), kept.end(),
              [](const Point& a, const Point& b) { return a.x < b.x || (a.x == b.x && a.seq < b.seq); });
    for (std::size_t i = 0; i < kept.size(); ++i) {
        // One point can be first, lowest and last at once; sorting put its copies side by side.
        if (i == 0 || kept[i].seq != kept[i - 1].seq)
            out.append(QPointF(kept[i].x, kept[i].y));
    }
}

DownsampledSeries SeriesDownsampler::finish() const {
    DownsampledSeries result;
    result.from = m_from;
    result.to = m_to;
    result.pointsInWindow = m_inWindow;
    result.nanCount = m_nan;
    result.infiniteCount = m_infinite;
    result.fullResolution = m_finite <= m_budget;
    if (result.fullResolution) {
        std::vector<Point> sorted = m_raw;
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const Point& a, const Point& b) { return a.x < b.x; });
        result.points.reserve(static_cast<qsizetype>(sorted.size()));
        for (const Point& point : sorted)
            result.points.append(QPointF(point.x, point.y));
    } else {
        result.points.reserve(static_cast<qsizetype>(m_budget));
        for (const Bucket& bucket : m_buckets) {
            if (bucket.used)
                appendBucket(bucket, result.points);
        }
    }
    for (const Bucket& bucket : m_buckets) {
        if (bucket.hasNonFinite)
            result.nonFiniteXs.append(bucket.nonFiniteX);
    }
    if (m_before)
        result.before = QPointF(m_before->x, m_before->y);
    if (m_after)
        result.after = QPointF(m_after->x, m_after->y);
    return result;
}

DownsampledSeries SeriesDownsampler::downsample(const MetricSeries& series, const SeriesWindow& window) {
    if (series.empty())
        return SeriesDownsampler(window, 0, 0).finish();
    const bool byStep = window.axis == SeriesWindow::Axis::Step;
    const std::vector<qint64>& xs = byStep ? series.steps : series.timestamps;
    const qint64 origin = window.axis == SeriesWindow::Axis::RelativeTime ? series.timestamps.front() : 0;
    const auto [low, high] = extentOf(xs, origin);
    SeriesDownsampler downsampler(window, low, high);
    downsampler.add(xs.data(), origin, series.values.data(), series.size());
    return downsampler.finish();
}

} // namespace assay
