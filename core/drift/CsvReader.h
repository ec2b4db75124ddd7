#pragma once

#include "CsvReadOptions.h"
#include "CsvTable.h"
#include "core/base/AssayError.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QStringList>

namespace assay {

class CsvRowHandler;

// Reads a CSV file with a header row, streaming it in chunks so that files of several GB work.
// The delimiter (comma, semicolon or tab) is taken from the header line; fields follow RFC 4180
// (quotes, doubled quotes, delimiters and newlines inside quotes); a UTF-8 BOM is skipped;
// empty, NaN and infinite cells are missing. A malformed file (ragged row, unterminated quote,
// invalid UTF-8) throws AssayError naming FILE:LINE:COLUMN and the reason.
class CsvReader {
public:
    static CsvTable read(const QString& path, const CsvReadOptions& options = {});
    // The same from an open device; sourceName is what error messages call it.
    static CsvTable read(QIODevice& device, const QString& sourceName, const CsvReadOptions& options = {});
    static CsvTable parse(const QByteArray& text, const QString& sourceName,
                          const CsvReadOptions& options = {});

    // Row by row, for readers that need a row's cells together; same format rules and errors.
    // Type options do not apply here; chunkSize and progress do.
    static void readRows(const QString& path, CsvRowHandler& handler, const CsvReadOptions& options = {});
    static void readRows(QIODevice& device, const QString& sourceName, CsvRowHandler& handler,
                         const CsvReadOptions& options = {});
    // The column names of the header row, reading no further than the header needs (a dialog
    // offers the columns before the whole file is read). Same format rules and errors.
    static QStringList readHeader(const QString& path);

    // The error for a bad cell, worded as the reader's own: "FILE:LINE:COLUMN: reason".
    static AssayError error(const QString& sourceName, qint64 line, qint64 column, const QString& reason);

    // True for the cells DESIGN §6 calls missing: empty, NaN and ±inf spellings.
    static bool isMissing(const char* begin, const char* end);
};

} // namespace assay
