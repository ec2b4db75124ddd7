#include "core/base/AssayError.h"
#include "core/tracking/MetricChunkCodec.h"

#include <bit>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>

using namespace assay;

namespace {

MetricSeries roundTrip(const MetricSeries& series) {
    MetricSeries decoded;
    MetricChunkCodec::decode(MetricChunkCodec::encode(series, 0, series.size()), decoded);
    return decoded;
}

bool sameBits(double a, double b) {
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

void requireIdentical(const MetricSeries& a, const MetricSeries& b) {
    REQUIRE(a.size() == b.size());
    CHECK(a.steps == b.steps);
    CHECK(a.timestamps == b.timestamps);
    for (std::size_t i = 0; i < a.size(); ++i) {
        INFO("point " << i);
        CHECK(sameBits(a.values[i], b.values[i]));
    }
}

} // namespace

TEST_CASE("NaN payloads, infinities and negative zero survive bit for bit", "[codec]") {
    MetricSeries series;
    const double signallingPayload = std::bit_cast<double>(std::uint64_t{0x7FF4000000000123});
    const double negativeNan = std::bit_cast<double>(std::uint64_t{0xFFF8000000000000});
    series.append(0, 1000, std::numeric_limits<double>::quiet_NaN());
    series.append(1, 1001, signallingPayload);
    series.append(2, 1002, negativeNan);
    series.append(3, 1003, std::numeric_limits<double>::infinity());
    series.append(4, 1004, -std::numeric_limits<double>::infinity());
    series.append(5, 1005, -0.0);
    series.append(6, 1006, std::numeric_limits<double>::denorm_min());
    series.append(7, 1007, std::numeric_limits<double>::max());
    requireIdentical(series, roundTrip(series));
}

TEST_CASE("Negative, repeated and unordered steps are kept as logged", "[codec]") {
    MetricSeries series;
    series.append(-1, 500, 0.5);
    series.append(-1, 500, 0.6); // same step and timestamp, another value
    series.append(0, 400, 0.7);  // time going backwards
    series.append(10, 900, 0.8);
    series.append(3, 901, 0.9);
    series.append(3, 901, 0.9);
    requireIdentical(series, roundTrip(series));
}

TEST_CASE("Extreme 64-bit steps and timestamps round-trip", "[codec]") {
    constexpr qint64 low = std::numeric_limits<qint64>::min();
    constexpr qint64 high = std::numeric_limits<qint64>::max();
    MetricSeries series;
    series.append(high, low, 1.0);
    series.append(low, high, 2.0);
    series.append(0, 0, 3.0);
    series.append(high, high, 4.0);
    requireIdentical(series, roundTrip(series));
}

TEST_CASE("An empty series encodes and decodes to nothing", "[codec]") {
    const MetricSeries empty;
    const QByteArray chunk = MetricChunkCodec::encode(empty, 0, 0);
    CHECK(MetricChunkCodec::pointCount(chunk) == 0);
    CHECK(roundTrip(empty).empty());
}

TEST_CASE("A sub-range of a series encodes just those points", "[codec]") {
    MetricSeries series;
    for (int i = 0; i < 100; ++i)
        series.append(i, 1000 + i, i * 0.5);
    MetricSeries decoded;
    MetricChunkCodec::decode(MetricChunkCodec::encode(series, 40, 60), decoded);
    REQUIRE(decoded.size() == 20);
    CHECK(decoded.steps.front() == 40);
    CHECK(decoded.timestamps.back() == 1059);
    CHECK(decoded.values.back() == 29.5);
}

TEST_CASE("Regularly logged points cost about ten bytes each", "[codec]") {
    MetricSeries series;
    for (int i = 0; i < 4096; ++i)
        series.append(i, 1'760'000'000'000 + i * 250 + (i * 7919) % 40, std::sin(i * 0.01));
    const QByteArray chunk = MetricChunkCodec::encode(series, 0, series.size());
    CHECK(double(chunk.size()) / double(series.size()) <= 11.0);
}

TEST_CASE("A corrupt chunk is reported, never read past its end", "[codec]") {
    MetricSeries series;
    for (int i = 0; i < 10; ++i)
        series.append(i, i, i);
    const QByteArray chunk = MetricChunkCodec::encode(series, 0, series.size());
    MetricSeries out;
    CHECK_THROWS_AS(MetricChunkCodec::decode(chunk.left(chunk.size() - 3), out), AssayError);
    CHECK_THROWS_AS(MetricChunkCodec::decode(QByteArray("\x02\x01", 2), out), AssayError);
    CHECK_THROWS_AS(MetricChunkCodec::decode(QByteArray(), out), AssayError);
    QByteArray hugeCount("\x01\xFF\xFF\xFF\xFF\x0F", 6);
    CHECK_THROWS_AS(MetricChunkCodec::decode(hugeCount, out), AssayError);
}
