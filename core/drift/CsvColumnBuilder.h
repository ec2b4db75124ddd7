#pragma once

#include "CsvColumn.h"

#include <QByteArray>
#include <QHash>

#include <optional>

namespace assay {

// Builds one CsvColumn cell by cell while a file streams past: numbers while every cell so far
// parsed as one, then categories; a column whose type is forced keeps it, and a forced
// numerical column refuses a cell that is not a number.
class CsvColumnBuilder {
public:
    CsvColumnBuilder() = default;
    CsvColumnBuilder(const QString& name, std::optional<CsvColumnType> forcedType);

    // False when a cell of a column forced numerical is not a number.
    bool add(const char* begin, const char* end);
    const CsvColumn& column() const { return m_column; }
    CsvColumn take() { return std::move(m_column); }

    // Parses a number as Python's float() does for what CSV files hold: surrounding spaces and a
    // leading '+' allowed, correctly rounded, out-of-range as ±inf or 0.
    static bool parseNumber(const char* begin, const char* end, double& value);

private:
    std::uint32_t intern(const QByteArray& label);
    void becomeCategorical();

    CsvColumn m_column;
    QHash<QByteArray, std::uint32_t> m_ids;
    bool m_forced = false;
};

} // namespace assay
