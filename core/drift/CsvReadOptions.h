#pragma once

#include "CsvColumnType.h"

#include <QHash>
#include <QString>

#include <functional>

namespace assay {

// Choices for CsvReader. A column is numerical when every non-missing cell parses as a number;
// typeOverrides forces a type per column name (a numeric code that is really a category).
struct CsvReadOptions {
    QHash<QString, CsvColumnType> typeOverrides;
    // An all-missing column has nothing to compare: refuse it unless asked not to.
    bool rejectEmptyColumns = true;
    // Bytes read from the file at a time; the parser holds at most one row beyond this.
    qint64 chunkSize = 1 << 20;
    // Called after each chunk with (bytes read, bytes in all); returning false cancels the read,
    // which then throws AssayError.
    std::function<bool(qint64, qint64)> progress;
};

} // namespace assay
