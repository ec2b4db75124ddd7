#pragma once

#include <QStringList>

#include <string>
#include <vector>

namespace assay {

// Receives a CSV file row by row from CsvReader::readRows, for readers that need a row's cells
// together (splitting by a timestamp column, pairing labels with predictions).
class CsvRowHandler {
public:
    virtual ~CsvRowHandler() = default;
    virtual void header(const QStringList& names) = 0;
    // fields[i] is the raw text of header column i (quotes removed); columns[i] is where that
    // cell starts on its line, 1-based, for error messages.
    virtual void row(qint64 line, const std::vector<std::string>& fields,
                     const std::vector<qint64>& columns) = 0;
};

} // namespace assay
