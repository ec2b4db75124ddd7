#include "CsvColumnBuilder.h"

#include "CsvReader.h"

#include <QLocale>

#include <charconv>
#include <cmath>

namespace assay {

CsvColumnBuilder::CsvColumnBuilder(const QString& name, std::optional<CsvColumnType> forcedType) {
    m_column.name = name;
    if (forcedType) {
        m_forced = true;
        m_column.type = *forcedType;
    }
}

bool CsvColumnBuilder::parseNumber(const char* begin, const char* end, double& value) {
    while (begin < end && (*begin == ' ' || *begin == '\t'))
        ++begin;
    while (end > begin && (end[-1] == ' ' || end[-1] == '\t'))
        --end;
    if (begin < end && *begin == '+')
        ++begin;
    if (begin == end)
        return false;
    const auto result = std::from_chars(begin, end, value, std::chars_format::general);
    if (result.ec == std::errc::result_out_of_range) {
        // 1e400 reads as infinity in Python, and infinities are missing; 1e-400 is zero.
        value = (*begin == '-') ? -HUGE_VAL : HUGE_VAL;
        for (const char* p = begin; p < end; ++p) {
            if (*p == 'e' || *p == 'E') {
                if (p + 1 < end && p[1] == '-')
                    value = 0.0;
                break;
            }
        }
        return true;
    }
    return result.ec == std::errc() && result.ptr == end;
}

std::uint32_t CsvColumnBuilder::intern(const QByteArray& label) {
    const auto found = m_ids.constFind(label);
    if (found != m_ids.constEnd())
        return found.value();
    const auto id = static_cast<std::uint32_t>(m_column.categories.size());
    m_ids.insert(label, id);
    m_column.categories.append(QString::fromUtf8(label));
    return id;
}

// The first non-numeric cell turns the column categorical; the numbers read so far become
// labels in their shortest round-trip spelling.
void CsvColumnBuilder::becomeCategorical() {
    m_column.type = CsvColumnType::Categorical;
    m_column.categoryIds.reserve(m_column.numbers.size());
    for (const double v : m_column.numbers)
        m_column.categoryIds.push_back(intern(QByteArray::number(v, 'g', QLocale::FloatingPointShortest)));
    m_column.numbers = {};
}

bool CsvColumnBuilder::add(const char* begin, const char* end) {
    if (CsvReader::isMissing(begin, end)) {
        ++m_column.missing;
        return true;
    }
    if (m_column.type == CsvColumnType::Numerical) {
        double value = 0;
        if (parseNumber(begin, end, value)) {
            if (!std::isfinite(value)) {
                ++m_column.missing;
                return true;
            }
            m_column.numbers.push_back(value);
            return true;
        }
        if (m_forced)
            return false;
        becomeCategorical();
    }
    m_column.categoryIds.push_back(intern(QByteArray(begin, end - begin)));
    return true;
}

} // namespace assay
