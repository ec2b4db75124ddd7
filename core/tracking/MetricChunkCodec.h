#pragma once

#include "MetricSeries.h"

#include <QByteArray>

#include <cstddef>

namespace assay {

// Encodes up to a few thousand points of a series into one BLOB: steps and timestamps as
// zigzag varints of their second differences (regular logging costs one byte each), values as
// raw little-endian IEEE-754 doubles, so NaN payloads and ±inf survive bit for bit.
//
// Layout: u8 format (1) | varint count | steps | timestamps | count × 8 bytes of values.
class MetricChunkCodec {
public:
    static constexpr std::size_t chunkCapacity = 4096;

    static QByteArray encode(const MetricSeries& series, std::size_t begin, std::size_t end);
    // Appends the decoded points to out; throws AssayError on a corrupt chunk.
    static void decode(const QByteArray& chunk, MetricSeries& out);
    // Decodes into caller-owned arrays of at least pointCount(chunk) elements, for readers that
    // stream chunk after chunk through one small buffer. A null steps or timestamps skips that
    // column (skipping timestamps costs nothing: the values are found from the chunk's end).
    // Returns the point count; throws AssayError on a corrupt chunk or one over capacity.
    static std::size_t decodeInto(const QByteArray& chunk, std::size_t capacity, qint64* steps,
                                  qint64* timestamps, double* values);
    static std::size_t pointCount(const QByteArray& chunk);
};

} // namespace assay
