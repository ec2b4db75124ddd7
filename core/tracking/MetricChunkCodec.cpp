#include "MetricChunkCodec.h"

#include "core/base/AssayError.h"

#include <QtEndian>

#include <bit>
#include <cstdint>
#include <cstring>

namespace assay {
namespace {

constexpr char formatVersion = 1;

std::uint64_t zigzag(std::int64_t n) {
    return (static_cast<std::uint64_t>(n) << 1) ^ static_cast<std::uint64_t>(n >> 63);
}

std::int64_t unzigzag(std::uint64_t n) {
    return static_cast<std::int64_t>((n >> 1) ^ (~(n & 1) + 1));
}

void putVarint(QByteArray& out, std::uint64_t value) {
    while (value >= 0x80) {
        out.append(static_cast<char>((value & 0x7F) | 0x80));
        value >>= 7;
    }
    out.append(static_cast<char>(value));
}

// Second differences in wrapping unsigned arithmetic, so that any int64 input round-trips.
void putDeltaOfDeltas(QByteArray& out, const std::vector<qint64>& values, std::size_t begin,
                      std::size_t end) {
    std::uint64_t previous = 0;
    std::uint64_t previousDelta = 0;
    for (std::size_t i = begin; i < end; ++i) {
        const auto value = static_cast<std::uint64_t>(values[i]);
        const std::uint64_t delta = value - previous;
        putVarint(out, zigzag(static_cast<std::int64_t>(delta - previousDelta)));
        previousDelta = delta;
        previous = value;
    }
}

class Reader {
public:
    explicit Reader(const QByteArray& data)
        : m_pos(reinterpret_cast<const unsigned char*>(data.constData()))
        , m_end(m_pos + data.size()) {}

    std::uint64_t varint() {
        // Regular logging makes almost every second difference fit one byte.
        if (m_pos != m_end && *m_pos < 0x80)
            return *m_pos++;
        std::uint64_t result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_pos == m_end)
                corrupt();
            const unsigned char byte = *m_pos++;
            result |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
            if (!(byte & 0x80))
                return result;
        }
        corrupt();
    }

    void deltaOfDeltas(std::vector<qint64>& out, std::size_t count) {
        const std::size_t offset = out.size();
        out.resize(offset + count);
        deltaOfDeltas(out.data() + offset, count);
    }

    void deltaOfDeltas(qint64* target, std::size_t count) {
        std::uint64_t previous = 0;
        std::uint64_t previousDelta = 0;
        for (std::size_t i = 0; i < count; ++i) {
            previousDelta += static_cast<std::uint64_t>(unzigzag(varint()));
            previous += previousDelta;
            target[i] = static_cast<qint64>(previous);
        }
    }

    void skipVarints(std::size_t count) {
        for (std::size_t i = 0; i < count; ++i)
            varint();
    }

    void doubles(std::vector<double>& out, std::size_t count) {
        if (static_cast<std::size_t>(m_end - m_pos) != count * sizeof(double))
            corrupt();
        const std::size_t offset = out.size();
        out.resize(offset + count);
        trailingDoubles(out.data() + offset, count);
    }

    // The values are the last count × 8 bytes of a chunk, wherever the varints before them end.
    void trailingDoubles(double* target, std::size_t count) {
        if (static_cast<std::size_t>(m_end - m_pos) < count * sizeof(double))
            corrupt();
        if (count == 0)
            return; // an empty vector's data() may be null, and memcpy must not see it
        const unsigned char* from = m_end - count * sizeof(double);
        if constexpr (std::endian::native == std::endian::little) {
            std::memcpy(target, from, count * sizeof(double));
        } else {
            for (std::size_t i = 0; i < count; ++i)
                target[i] = std::bit_cast<double>(qFromLittleEndian<quint64>(from + i * sizeof(double)));
        }
        m_pos = m_end;
    }

    unsigned char byte() {
        if (m_pos == m_end)
            corrupt();
        return *m_pos++;
    }

    [[noreturn]] static void corrupt() {
        throw AssayError(QStringLiteral("A stored metric chunk is corrupt."));
    }

private:
    const unsigned char* m_pos;
    const unsigned char* m_end;
};

} // namespace

QByteArray MetricChunkCodec::encode(const MetricSeries& series, std::size_t begin, std::size_t end) {
    const std::size_t count = end - begin;
    QByteArray out;
    out.reserve(static_cast<qsizetype>(count * 11 + 16));
    out.append(formatVersion);
    putVarint(out, count);
    putDeltaOfDeltas(out, series.steps, begin, end);
    putDeltaOfDeltas(out, series.timestamps, begin, end);
    const qsizetype valuesAt = out.size();
    out.resize(valuesAt + static_cast<qsizetype>(count * sizeof(double)));
    char* values = out.data() + valuesAt;
    for (std::size_t i = 0; i < count; ++i)
        qToLittleEndian(std::bit_cast<quint64>(series.values[begin + i]), values + i * sizeof(double));
    return out;
}

void MetricChunkCodec::decode(const QByteArray& chunk, MetricSeries& out) {
    Reader reader(chunk);
    if (reader.byte() != formatVersion)
        Reader::corrupt();
    const std::uint64_t count = reader.varint();
    if (count > static_cast<std::uint64_t>(chunk.size()))
        Reader::corrupt();
    const auto n = static_cast<std::size_t>(count);
    reader.deltaOfDeltas(out.steps, n);
    reader.deltaOfDeltas(out.timestamps, n);
    reader.doubles(out.values, n);
}

std::size_t MetricChunkCodec::decodeInto(const QByteArray& chunk, std::size_t capacity, qint64* steps,
                                         qint64* timestamps, double* values) {
    Reader reader(chunk);
    if (reader.byte() != formatVersion)
        Reader::corrupt();
    const std::uint64_t count = reader.varint();
    if (count > static_cast<std::uint64_t>(chunk.size()) || count > capacity)
        Reader::corrupt();
    const auto n = static_cast<std::size_t>(count);
    if (steps)
        reader.deltaOfDeltas(steps, n);
    else if (timestamps)
        reader.skipVarints(n);
    if (timestamps)
        reader.deltaOfDeltas(timestamps, n);
    reader.trailingDoubles(values, n);
    return n;
}

std::size_t MetricChunkCodec::pointCount(const QByteArray& chunk) {
    Reader reader(chunk);
    if (reader.byte() != formatVersion)
        Reader::corrupt();
    return static_cast<std::size_t>(reader.varint());
}

} // namespace assay
