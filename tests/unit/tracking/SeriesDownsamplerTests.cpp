#include "core/base/AssayError.h"
#include "core/tracking/MetricChunkCodec.h"
#include "core/tracking/MetricStore.h"
#include "core/tracking/SeriesDownsampler.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <random>
#include <utility>
#include <vector>

using namespace assay;
using assay::test::TemporaryWorkspace;

namespace {

constexpr double notANumber = std::numeric_limits<double>::quiet_NaN();
constexpr double infinity = std::numeric_limits<double>::infinity();
constexpr qint64 epoch = 1'760'000'000'000;

// A noisy decaying curve with one spike up and one down, far from the ends.
MetricSeries curve(int points, quint64 seed = 7) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> noise(0.0, 0.05);
    std::uniform_int_distribution<int> jitter(0, 40);
    MetricSeries series;
    for (int i = 0; i < points; ++i)
        series.append(i, epoch + i * 100LL + jitter(rng), std::exp(-i / 20000.0) + noise(rng));
    if (points > 80'000) {
        series.values[54'321] = 50;
        series.values[77'777] = -50;
    }
    return series;
}

SeriesWindow window(int width, std::optional<double> from = {}, std::optional<double> to = {},
                    SeriesWindow::Axis axis = SeriesWindow::Axis::Step) {
    SeriesWindow result;
    result.axis = axis;
    result.from = from;
    result.to = to;
    result.pixelWidth = width;
    return result;
}

bool contains(const QList<QPointF>& points, double x, double y) {
    return std::any_of(points.begin(), points.end(),
                       [&](const QPointF& p) { return p.x() == x && p.y() == y; });
}

bool ascending(const QList<QPointF>& points) {
    return std::is_sorted(points.begin(), points.end(),
                          [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); });
}

// QPointF's == forgives small differences; these comparisons must not.
std::vector<std::pair<double, double>> exact(const QList<QPointF>& points) {
    std::vector<std::pair<double, double>> result;
    for (const QPointF& point : points)
        result.emplace_back(point.x(), point.y());
    return result;
}

std::optional<std::pair<double, double>> exact(const std::optional<QPointF>& point) {
    return point ? std::optional(std::pair(point->x(), point->y())) : std::nullopt;
}

void requireSame(const DownsampledSeries& a, const DownsampledSeries& b) {
    CHECK(exact(a.points) == exact(b.points));
    CHECK(a.fullResolution == b.fullResolution);
    CHECK(a.from == b.from);
    CHECK(a.to == b.to);
    CHECK(a.pointsInWindow == b.pointsInWindow);
    CHECK(a.nanCount == b.nanCount);
    CHECK(a.infiniteCount == b.infiniteCount);
    CHECK(a.nonFiniteXs == b.nonFiniteXs);
    CHECK(exact(a.before) == exact(b.before));
    CHECK(exact(a.after) == exact(b.after));
}

} // namespace

TEST_CASE("Each pixel column keeps its first, last, lowest and highest point", "[downsample]") {
    const MetricSeries series = curve(100'000);
    const int width = 300;
    const DownsampledSeries result = SeriesDownsampler::downsample(series, window(width));
    CHECK_FALSE(result.fullResolution);
    CHECK(result.points.size() <= 4 * width);
    CHECK(result.points.size() > 2 * width);
    CHECK(ascending(result.points));
    CHECK(result.from == 0);
    CHECK(result.to == 99'999);
    CHECK(result.pointsInWindow == 100'000);
    CHECK(exact(result.points).front() == std::pair(0.0, series.values.front()));
    CHECK(exact(result.points).back() == std::pair(99'999.0, series.values.back()));
    CHECK(contains(result.points, 54'321, 50));
    CHECK(contains(result.points, 77'777, -50));

    // The line must reach exactly the heights the full series reaches in every column.
    // the downsampler's own arithmetic, so that points on a column's edge fall the same way
    const double scale = static_cast<double>(width) / 99'999.0;
    auto columnOf = [&](double x) {
        return std::min(width - 1, static_cast<int>(x * scale));
    };
    for (int column = 0; column < width; ++column) {
        double low = infinity;
        double high = -infinity;
        for (std::size_t i = 0; i < series.size(); ++i) {
            if (columnOf(static_cast<double>(i)) == column) {
                low = std::min(low, series.values[i]);
                high = std::max(high, series.values[i]);
            }
        }
        double keptLow = infinity;
        double keptHigh = -infinity;
        for (const QPointF& point : result.points) {
            if (columnOf(point.x()) == column) {
                keptLow = std::min(keptLow, point.y());
                keptHigh = std::max(keptHigh, point.y());
            }
        }
        INFO("column " << column);
        CHECK(keptLow == low);
        CHECK(keptHigh == high);
    }
}

TEST_CASE("One pixel keeps at most four points, the series' ends and extremes", "[downsample]") {
    const MetricSeries series = curve(100'000);
    const DownsampledSeries result = SeriesDownsampler::downsample(series, window(1));
    CHECK(exact(result.points) == exact({QPointF(0, series.values.front()), QPointF(54'321, 50),
                                         QPointF(77'777, -50), QPointF(99'999, series.values.back())}));
    // A width below one is read as one column, not as an error or an empty chart.
    CHECK(exact(SeriesDownsampler::downsample(series, window(0)).points) == exact(result.points));
}

TEST_CASE("NaN and infinities are counted and marked, never drawn", "[downsample]") {
    MetricSeries series = curve(10'000);
    series.values[100] = notANumber;
    series.values[5'000] = notANumber;
    series.values[7'000] = infinity;
    series.values[7'001] = -infinity;
    const DownsampledSeries result = SeriesDownsampler::downsample(series, window(100));
    CHECK(std::all_of(result.points.begin(), result.points.end(),
                      [](const QPointF& p) { return std::isfinite(p.y()); }));
    CHECK(result.nanCount == 2);
    CHECK(result.infiniteCount == 2);
    CHECK(result.pointsInWindow == 10'000);
    // one mark per pixel column: 7000 and 7001 share one
    CHECK(result.nonFiniteXs == QList<double>{100, 5'000, 7'000});
    const auto [low, high] =
        std::minmax_element(result.points.begin(), result.points.end(),
                            [](const QPointF& a, const QPointF& b) { return a.y() < b.y(); });
    double finiteLow = infinity;
    double finiteHigh = -infinity;
    for (double value : series.values) {
        if (std::isfinite(value)) {
            finiteLow = std::min(finiteLow, value);
            finiteHigh = std::max(finiteHigh, value);
        }
    }
    CHECK(low->y() == finiteLow);
    CHECK(high->y() == finiteHigh);

    MetricSeries small;
    for (int i = 0; i < 10; ++i)
        small.append(i, epoch + i, i == 4 ? notANumber : i);
    const DownsampledSeries whole = SeriesDownsampler::downsample(small, window(800));
    CHECK(whole.fullResolution);
    CHECK(whole.points.size() == 9);
    CHECK_FALSE(contains(whole.points, 4, 4));
    CHECK(whole.nonFiniteXs == QList<double>{4});
}

TEST_CASE("A zoomed window comes back at full resolution with its neighbours", "[downsample]") {
    const MetricSeries series = curve(100'000);
    const DownsampledSeries zoomed = SeriesDownsampler::downsample(series, window(800, 1'000, 1'100));
    CHECK(zoomed.fullResolution);
    CHECK(zoomed.pointsInWindow == 101);
    REQUIRE(zoomed.points.size() == 101);
    for (int i = 0; i <= 100; ++i) {
        const auto index = static_cast<std::size_t>(1'000 + i);
        CHECK(exact(zoomed.points)[static_cast<std::size_t>(i)] ==
              std::pair(1'000.0 + i, series.values[index]));
    }
    CHECK(exact(zoomed.before) == std::pair(999.0, series.values[999]));
    CHECK(exact(zoomed.after) == std::pair(1'101.0, series.values[1'101]));

    // 4,001 points in 800 pixels is over the budget of 3,200
    const DownsampledSeries wider = SeriesDownsampler::downsample(series, window(800, 1'000, 5'000));
    CHECK_FALSE(wider.fullResolution);
    CHECK(wider.points.size() <= 3'200);
    CHECK(wider.points.first().x() == 1'000);
    CHECK(wider.points.last().x() == 5'000);

    // a window given backwards is the same window
    CHECK(exact(SeriesDownsampler::downsample(series, window(800, 1'100, 1'000)).points) ==
          exact(zoomed.points));
    // a window with nothing in it is empty, but still knows what lies around it
    const DownsampledSeries outside = SeriesDownsampler::downsample(series, window(800, 200'000, 300'000));
    CHECK(outside.points.isEmpty());
    CHECK(exact(outside.before) == std::pair(99'999.0, series.values.back()));
    CHECK_FALSE(outside.after.has_value());
}

TEST_CASE("Steps logged out of order come out in x order", "[downsample]") {
    MetricSeries series;
    for (int i = 999; i >= 0; --i)
        series.append(i, epoch + (999 - i), std::sin(i / 50.0));
    series.append(500, epoch + 1'000, 5.0); // a repeated step with the highest value
    const DownsampledSeries result = SeriesDownsampler::downsample(series, window(10));
    CHECK(ascending(result.points));
    CHECK(result.points.size() <= 40);
    CHECK(result.points.first().x() == 0);
    CHECK(result.points.last().x() == 999);
    CHECK(contains(result.points, 500, 5.0));
}

namespace {

// The reduction written the plain way, point by point, to hold the fast path to.
std::vector<std::pair<double, double>> reference(const std::vector<double>& xs, const std::vector<double>& ys,
                                                 double from, double to, int pixels) {
    struct Kept {
        double x;
        double y;
        std::size_t seq;
    };
    const auto width = static_cast<std::size_t>(pixels);
    const double scale = to > from ? static_cast<double>(width) / (to - from) : 0.0;
    std::vector<std::vector<Kept>> columns(width);
    std::vector<Kept> all;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        if (xs[i] < from || xs[i] > to || !std::isfinite(ys[i]))
            continue;
        const std::size_t column = std::min(static_cast<std::size_t>((xs[i] - from) * scale), width - 1);
        columns[column].push_back({xs[i], ys[i], i});
        all.push_back({xs[i], ys[i], i});
    }
    std::vector<std::pair<double, double>> result;
    if (all.size() <= 4 * width) {
        std::stable_sort(all.begin(), all.end(), [](const Kept& a, const Kept& b) { return a.x < b.x; });
        for (const Kept& k : all)
            result.emplace_back(k.x, k.y);
        return result;
    }
    for (const std::vector<Kept>& points : columns) {
        if (points.empty())
            continue;
        Kept first = points.front(), last = points.front(), low = points.front(), high = points.front();
        for (const Kept& k : points) {
            if (k.x < first.x)
                first = k;
            if (k.x >= last.x)
                last = k;
            if (k.y < low.y)
                low = k;
            if (k.y > high.y)
                high = k;
        }
        std::vector<Kept> four{first, low, high, last};
        std::sort(four.begin(), four.end(),
                  [](const Kept& a, const Kept& b) { return a.x < b.x || (a.x == b.x && a.seq < b.seq); });
        for (std::size_t i = 0; i < four.size(); ++i) {
            if (i == 0 || four[i].seq != four[i - 1].seq)
                result.emplace_back(four[i].x, four[i].y);
        }
    }
    return result;
}

} // namespace

TEST_CASE("The reduction matches a plain point-by-point reference on awkward input", "[downsample]") {
    std::mt19937_64 rng(99);
    std::normal_distribution<double> noise(0.0, 1.0);
    struct Case {
        const char* name;
        double origin;  // x of the first point
        double spacing; // between points; 0 gives x drawn at random (out of order)
        int points;
        int pixels;
        double from; // relative to origin
        double to;
    };
    const std::vector<Case> cases{
        {"steps", 0, 1, 50'000, 1'600, 0, 49'999},
        {"steps zoomed between points", 0, 1, 50'000, 700, 1'000.5, 9'000.25},
        {"wall time, ms since the epoch", 1.76e12, 37, 40'000, 1'600, 0, 37.0 * 39'999},
        {"wall time, columns narrower than a point's spacing", 1.76e12, 1, 20'000, 1'000, 3'000, 3'400},
        {"wall time, a window narrower than one column per point", 1.76e12, 1, 20'000, 5, 100, 9'000},
        {"x out of order", 0, 0, 30'000, 300, 0, 1'000},
        {"more columns than points", 0, 3, 2'000, 9'000, 0, 6'000},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        std::vector<double> xs;
        std::vector<double> ys;
        std::uniform_real_distribution<double> anywhere(-50, 1'050);
        for (int i = 0; i < c.points; ++i) {
            xs.push_back(c.origin + (c.spacing > 0 ? c.spacing * i : std::round(anywhere(rng))));
            ys.push_back(i % 101 == 7 ? notANumber : noise(rng));
        }
        SeriesDownsampler downsampler(window(c.pixels, c.origin + c.from, c.origin + c.to), 0, 0);
        for (std::size_t start = 0; start < xs.size(); start += 1'000) {
            const std::size_t count = std::min<std::size_t>(1'000, xs.size() - start);
            downsampler.add(xs.data() + start, ys.data() + start, count);
        }
        const DownsampledSeries result = downsampler.finish();
        CHECK(exact(result.points) == reference(xs, ys, c.origin + c.from, c.origin + c.to, c.pixels));
        CHECK(result.points.size() <= 4 * c.pixels);
    }
}

TEST_CASE("Downsampling streamed from the chunks equals downsampling the whole series", "[downsample]") {
    TemporaryWorkspace ws;
    MetricSeries series = curve(30'000, 11);
    for (std::size_t i = 0; i < series.size(); i += 997)
        series.values[i] = i % 2 ? notANumber : (i % 3 ? infinity : -infinity);
    qint64 runId = 0;
    ws->write([&](WriteTransaction& tx) {
        const qint64 experiment = Tracking::createExperiment(tx, QStringLiteral("e"));
        Run run;
        run.experimentId = experiment;
        runId = Tracking::createRun(tx, run);
        // two appends, so that the stored chunks are topped up as real logging leaves them
        MetricSeries head;
        MetricSeries tail;
        for (std::size_t i = 0; i < series.size(); ++i)
            (i < 5'000 ? head : tail).append(series.steps[i], series.timestamps[i], series.values[i]);
        MetricStore::log(tx, runId, {{QStringLiteral("loss"), head}});
        MetricStore::log(tx, runId, {{QStringLiteral("loss"), tail}});
    });
    const MetricStore store(ws.workspace());
    REQUIRE(store.series(runId, QStringLiteral("loss")).values.size() == series.size());

    using Axis = SeriesWindow::Axis;
    const qint64 first = series.timestamps.front();
    const std::vector<SeriesWindow> windows{
        window(1'600),
        window(640, 5'000, 12'000),
        window(1'600, 20'000, 20'100),
        window(300, 8'000),
        window(300, {}, 100),
        window(1'600, {}, {}, Axis::WallTime),
        window(200, static_cast<double>(first + 500'000), static_cast<double>(first + 900'000),
               Axis::WallTime),
        window(1'000, {}, {}, Axis::RelativeTime),
        window(1'000, 100'000, 140'000, Axis::RelativeTime),
    };
    for (const SeriesWindow& w : windows) {
        INFO("axis " << static_cast<int>(w.axis) << " from " << w.from.value_or(-1) << " to "
                     << w.to.value_or(-1));
        const DownsampledSeries streamed = store.downsampled(runId, QStringLiteral("loss"), w);
        requireSame(streamed, SeriesDownsampler::downsample(series, w));
        CHECK(streamed.points.size() <= 4 * w.pixelWidth);
        CHECK(ascending(streamed.points));
    }
    const DownsampledSeries relative =
        store.downsampled(runId, QStringLiteral("loss"), window(1'000, {}, {}, Axis::RelativeTime));
    // relative time counts from the first logged point (here -inf, so the line starts at the second)
    CHECK(relative.from == 0);
    CHECK(relative.points.first().x() == static_cast<double>(series.timestamps[1] - first));
    CHECK(relative.to == static_cast<double>(series.timestamps.back() - first));

    const DownsampledSeries missing = store.downsampled(runId, QStringLiteral("nope"), window(100));
    CHECK(missing.points.isEmpty());
    CHECK(missing.pointsInWindow == 0);
    CHECK(store.downsampled(runId, QStringLiteral("nope"), window(100, {}, {}, Axis::WallTime))
              .points.isEmpty());
}

TEST_CASE("Decoding into a caller's buffer gives what decode gives, column by column", "[downsample]") {
    const MetricSeries series = curve(3'000);
    const QByteArray chunk = MetricChunkCodec::encode(series, 0, series.size());
    std::vector<qint64> steps(3'000);
    std::vector<qint64> timestamps(3'000);
    std::vector<double> values(3'000);
    CHECK(MetricChunkCodec::decodeInto(chunk, 3'000, steps.data(), timestamps.data(), values.data()) ==
          3'000);
    CHECK(steps == series.steps);
    CHECK(timestamps == series.timestamps);
    CHECK(std::equal(values.begin(), values.end(), series.values.begin()));

    std::vector<qint64> onlyTimestamps(3'000);
    std::vector<double> again(3'000);
    MetricChunkCodec::decodeInto(chunk, 3'000, nullptr, onlyTimestamps.data(), again.data());
    CHECK(onlyTimestamps == series.timestamps);
    CHECK(again == values);
    std::vector<qint64> onlySteps(3'000);
    MetricChunkCodec::decodeInto(chunk, 3'000, onlySteps.data(), nullptr, again.data());
    CHECK(onlySteps == series.steps);

    CHECK_THROWS_AS(MetricChunkCodec::decodeInto(chunk, 2'999, steps.data(), nullptr, values.data()),
                    AssayError);
    CHECK_THROWS_AS(
        MetricChunkCodec::decodeInto(chunk.left(100), 3'000, steps.data(), nullptr, values.data()),
        AssayError);
    const QByteArray empty = MetricChunkCodec::encode(series, 0, 0);
    CHECK(MetricChunkCodec::decodeInto(empty, 0, nullptr, nullptr, nullptr) == 0);
}
