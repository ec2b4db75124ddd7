#include "CsvReader.h"

#include "CsvColumnBuilder.h"
#include "CsvRowHandler.h"
#include "core/base/AssayError.h"

#include <QBuffer>
#include <QFile>
#include <QHash>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

namespace assay {

namespace {

bool equalsIgnoringCase(const char* begin, const char* end, const char* word) {
    const std::size_t length = std::strlen(word);
    if (static_cast<std::size_t>(end - begin) != length)
        return false;
    for (std::size_t i = 0; i < length; ++i) {
        char c = begin[i];
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        if (c != word[i])
            return false;
    }
    return true;
}

class Parser {
public:
    Parser(const QString& sourceName, const CsvReadOptions& options, char delimiter)
        : m_source(sourceName)
        , m_options(options)
        , m_delimiter(static_cast<unsigned char>(delimiter)) {}
    // Row mode: cells go to the handler a row at a time instead of into columns.
    Parser(const QString& sourceName, CsvRowHandler& handler, char delimiter)
        : m_source(sourceName)
        , m_handler(&handler)
        , m_delimiter(static_cast<unsigned char>(delimiter)) {}

    void feed(const char* data, qint64 size) {
        for (qint64 i = 0; i < size; ++i)
            consume(static_cast<unsigned char>(data[i]));
    }

    void finishRows() { finishInput(); }

    CsvTable finish() {
        finishInput();
        CsvTable table;
        table.path = m_source;
        table.rows = m_rows;
        for (qsizetype i = 0; i < m_builders.size(); ++i) {
            CsvColumn column = m_builders[i].take();
            if (m_options.rejectEmptyColumns && column.size() == 0)
                fail(1, m_headerColumns.value(i, 1),
                     QStringLiteral("column \"%1\" has no values (every cell is empty, NaN or inf)")
                         .arg(column.name));
            table.columns.append(std::move(column));
        }
        return table;
    }

private:
    void finishInput() {
        if (m_utf8Pending > 0)
            fail(m_line, m_column, QStringLiteral("invalid UTF-8: the file ends inside a character"));
        if (m_state == State::Quoted)
            fail(m_quoteLine, m_quoteColumn, QStringLiteral("unterminated quoted field"));
        if (m_state == State::FieldStart || m_state == State::Unquoted || m_state == State::QuoteInQuoted)
            endLine('\n');
        if (!m_headerDone)
            fail(1, 1, QStringLiteral("the file is empty; a header row is expected"));
    }

    enum class State { RecordStart, FieldStart, Unquoted, Quoted, QuoteInQuoted, AfterCr };

    [[noreturn]] void fail(qint64 line, qint64 column, const QString& reason) const {
        throw CsvReader::error(m_source, line, column, reason);
    }

    void checkUtf8(unsigned char c) {
        if (m_utf8Pending > 0) {
            if (c < m_utf8Low || c > m_utf8High)
                fail(m_line, m_column, QStringLiteral("invalid UTF-8"));
            m_utf8Low = 0x80;
            m_utf8High = 0xBF;
            --m_utf8Pending;
            return;
        }
        if (c < 0x80)
            return;
        m_utf8Low = 0x80;
        m_utf8High = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            m_utf8Pending = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            m_utf8Pending = 2;
            if (c == 0xE0)
                m_utf8Low = 0xA0; // overlong forms
            if (c == 0xED)
                m_utf8High = 0x9F; // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            m_utf8Pending = 3;
            if (c == 0xF0)
                m_utf8Low = 0x90;
            if (c == 0xF4)
                m_utf8High = 0x8F; // beyond U+10FFFF
        } else {
            fail(m_line, m_column + 1, QStringLiteral("invalid UTF-8"));
        }
    }

    // Longer than 60 lines on purpose: one switch over the parser's states, run for every byte of
    // the file, reads best and runs fastest in one piece (tests/bench/DriftBench.cpp times the
    // parsing).
    void consume(unsigned char c) {
        checkUtf8(c);
        // Columns count characters, not bytes: continuation bytes do not advance.
        if ((c & 0xC0) != 0x80)
            ++m_column;
        if (m_state == State::AfterCr) {
            m_state = State::RecordStart;
            if (c == '\n') {
                m_column = 0;
                return; // CRLF: the line already ended at CR
            }
        }
        switch (m_state) {
        case State::RecordStart:
            m_recordLine = m_line;
            if (c == '\n' || c == '\r') {
                // A blank line carries no row (as pandas skips it).
                newLine(c);
                return;
            }
            [[fallthrough]];
        case State::FieldStart:
            m_fieldColumn = m_column;
            if (c == '"') {
                m_state = State::Quoted;
                m_quoteLine = m_line;
                m_quoteColumn = m_column;
                return;
            }
            m_state = State::Unquoted;
            [[fallthrough]];
        case State::Unquoted:
            if (c == m_delimiter) {
                endField();
                m_state = State::FieldStart;
            } else if (c == '\n' || c == '\r') {
                endLine(c);
            } else {
                m_field.push_back(static_cast<char>(c));
            }
            return;
        case State::Quoted:
            if (c == '"') {
                m_state = State::QuoteInQuoted;
            } else {
                m_field.push_back(static_cast<char>(c));
                if (c == '\n') {
                    ++m_line;
                    m_column = 0;
                }
            }
            return;
        case State::QuoteInQuoted:
            if (c == '"') {
                m_field.push_back('"');
                m_state = State::Quoted;
            } else if (c == m_delimiter) {
                endField();
                m_state = State::FieldStart;
            } else if (c == '\n' || c == '\r') {
                endLine(c);
            } else {
                fail(m_line, m_column, QStringLiteral("unexpected character after a closing quote"));
            }
            return;
        case State::AfterCr:
            return;
        }
    }

    void endLine(unsigned char c) {
        endField();
        endRecord();
        newLine(c);
    }

    void newLine(unsigned char c) {
        ++m_line;
        m_column = 0;
        m_state = c == '\r' ? State::AfterCr : State::RecordStart;
    }

    void endField() {
        if (!m_headerDone) {
            const QString name = QString::fromUtf8(m_field.data(), static_cast<qsizetype>(m_field.size()));
            m_headerNames.append(name);
            m_headerColumns.append(m_fieldColumn);
            if (!m_handler) {
                const auto forced = m_options.typeOverrides.constFind(name);
                m_builders.append(CsvColumnBuilder(name, forced != m_options.typeOverrides.constEnd()
                                                             ? std::optional(forced.value())
                                                             : std::nullopt));
            }
        } else if (m_fieldIndex < m_headerNames.size()) {
            if (m_handler) {
                m_rowFields[static_cast<std::size_t>(m_fieldIndex)].swap(m_field);
                m_rowColumns[static_cast<std::size_t>(m_fieldIndex)] = m_fieldColumn;
            } else if (!m_builders[m_fieldIndex].add(m_field.data(), m_field.data() + m_field.size())) {
                fail(m_recordLine, m_fieldColumn,
                     QStringLiteral("column \"%1\" is numerical but this cell is not a number")
                         .arg(m_headerNames[m_fieldIndex]));
            }
        } else if (m_fieldIndex == m_headerNames.size()) {
            m_extraColumn = m_fieldColumn;
        }
        ++m_fieldIndex;
        m_field.clear();
    }

    void endRecord() {
        const qsizetype fields = m_fieldIndex;
        m_fieldIndex = 0;
        if (!m_headerDone) {
            m_headerDone = true;
            if (m_handler) {
                m_rowFields.resize(static_cast<std::size_t>(m_headerNames.size()));
                m_rowColumns.resize(static_cast<std::size_t>(m_headerNames.size()));
                m_handler->header(m_headerNames);
            }
            return;
        }
        if (fields > m_headerNames.size())
            fail(
                m_recordLine, m_extraColumn,
                QStringLiteral("row has %1 fields, the header has %2").arg(fields).arg(m_headerNames.size()));
        if (fields < m_headerNames.size())
            fail(
                m_line, m_column,
                QStringLiteral("row has %1 fields, the header has %2").arg(fields).arg(m_headerNames.size()));
        ++m_rows;
        if (m_handler)
            m_handler->row(m_recordLine, m_rowFields, m_rowColumns);
    }

    QString m_source;
    CsvReadOptions m_options;
    CsvRowHandler* m_handler = nullptr;
    QStringList m_headerNames;
    std::vector<std::string> m_rowFields;
    std::vector<qint64> m_rowColumns;
    unsigned char m_delimiter = ',';
    State m_state = State::RecordStart;
    std::string m_field;
    QList<CsvColumnBuilder> m_builders;
    QList<qint64> m_headerColumns;
    bool m_headerDone = false;
    qsizetype m_fieldIndex = 0;
    qint64 m_line = 1;
    qint64 m_column = 0;
    qint64 m_recordLine = 1;
    qint64 m_fieldColumn = 1;
    qint64 m_extraColumn = 1;
    qint64 m_quoteLine = 1;
    qint64 m_quoteColumn = 1;
    qint64 m_rows = 0;
    int m_utf8Pending = 0;
    unsigned char m_utf8Low = 0x80;
    unsigned char m_utf8High = 0xBF;
};

// The header line's most frequent candidate delimiter outside quotes (comma on a tie or none).
// Returns false when the buffer does not yet hold the whole header line.
bool detectDelimiter(const QByteArray& buffer, bool atEnd, char& delimiter) {
    bool quoted = false;
    qsizetype counts[3] = {0, 0, 0};
    qsizetype i = 0;
    for (; i < buffer.size(); ++i) {
        const char c = buffer[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted && c == ',')
            ++counts[0];
        else if (!quoted && c == ';')
            ++counts[1];
        else if (!quoted && c == '\t')
            ++counts[2];
    }
    if (i == buffer.size() && !atEnd)
        return false;
    delimiter = ',';
    if (counts[1] > counts[0] && counts[1] >= counts[2])
        delimiter = ';';
    else if (counts[2] > counts[0] && counts[2] > counts[1])
        delimiter = '\t';
    return true;
}

} // namespace

bool CsvReader::isMissing(const char* begin, const char* end) {
    if (begin == end)
        return true;
    if (*begin == '+' || *begin == '-') {
        ++begin;
        return equalsIgnoringCase(begin, end, "inf") || equalsIgnoringCase(begin, end, "infinity");
    }
    return equalsIgnoringCase(begin, end, "nan") || equalsIgnoringCase(begin, end, "inf") ||
           equalsIgnoringCase(begin, end, "infinity");
}

CsvTable CsvReader::read(const QString& path, const CsvReadOptions& options) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw AssayError(QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    return read(file, path, options);
}

namespace {

// Feeds the device to a parser made for its delimiter, chunk by chunk.
template <typename MakeParser>
auto stream(QIODevice& device, const QString& sourceName, const CsvReadOptions& options,
            MakeParser makeParser) {
    const qint64 chunk = std::max<qint64>(options.chunkSize, 4096);
    const auto reportProgress = [&]() {
        if (options.progress && !options.progress(device.pos(), device.size()))
            throw AssayError(QStringLiteral("Reading %1 was cancelled.").arg(sourceName));
    };
    QByteArray buffer = device.read(chunk);
    if (buffer.startsWith("\xEF\xBB\xBF"))
        buffer.remove(0, 3);
    char delimiter = ',';
    while (!detectDelimiter(buffer, device.atEnd(), delimiter))
        buffer.append(device.read(chunk));
    Parser parser = makeParser(delimiter);
    parser.feed(buffer.constData(), buffer.size());
    buffer.resize(chunk);
    while (!device.atEnd()) {
        const qint64 got = device.read(buffer.data(), chunk);
        if (got < 0)
            throw AssayError(QStringLiteral("Cannot read %1: %2").arg(sourceName, device.errorString()));
        if (got == 0)
            break;
        parser.feed(buffer.constData(), got);
        reportProgress();
    }
    return parser;
}

} // namespace

CsvTable CsvReader::read(QIODevice& device, const QString& sourceName, const CsvReadOptions& options) {
    return stream(device, sourceName, options,
                  [&](char delimiter) { return Parser(sourceName, options, delimiter); })
        .finish();
}

void CsvReader::readRows(const QString& path, CsvRowHandler& handler, const CsvReadOptions& options) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw AssayError(QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    readRows(file, path, handler, options);
}

void CsvReader::readRows(QIODevice& device, const QString& sourceName, CsvRowHandler& handler,
                         const CsvReadOptions& options) {
    stream(device, sourceName, options, [&](char delimiter) {
        return Parser(sourceName, handler, delimiter);
    }).finishRows();
}

namespace {

// Stops the row reader once the header is in: what follows is not needed.
class HeaderCatcher : public CsvRowHandler {
public:
    struct Done {};
    QStringList names;

    void header(const QStringList& headerNames) override {
        names = headerNames;
        throw Done{};
    }
    void row(qint64, const std::vector<std::string>&, const std::vector<qint64>&) override {}
};

} // namespace

QStringList CsvReader::readHeader(const QString& path) {
    HeaderCatcher catcher;
    CsvReadOptions options;
    options.chunkSize = 4096; // a header rarely needs more; the reader reads on when it does
    try {
        readRows(path, catcher, options);
    } catch (const HeaderCatcher::Done&) {
    }
    return catcher.names;
}

AssayError CsvReader::error(const QString& sourceName, qint64 line, qint64 column, const QString& reason) {
    return AssayError(QStringLiteral("%1:%2:%3: %4").arg(sourceName).arg(line).arg(column).arg(reason));
}

CsvTable CsvReader::parse(const QByteArray& text, const QString& sourceName, const CsvReadOptions& options) {
    QByteArray copy = text;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    return read(buffer, sourceName, options);
}

} // namespace assay
