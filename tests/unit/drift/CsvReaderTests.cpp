#include "core/base/AssayError.h"
#include "core/drift/CsvReader.h"
#include "core/drift/CsvRowHandler.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace assay;

namespace {

CsvTable parse(const QByteArray& text, const CsvReadOptions& options = {}) {
    return CsvReader::parse(text, QStringLiteral("data.csv"), options);
}

QString failure(const QByteArray& text) {
    try {
        parse(text);
    } catch (const AssayError& error) {
        return error.message();
    }
    return {};
}

} // namespace

TEST_CASE("the delimiter is detected from the header line", "[csv]") {
    for (const QByteArray& text :
         {QByteArray("a,b\n1,x\n2,y\n"), QByteArray("a;b\n1;x\n2;y\n"), QByteArray("a\tb\n1\tx\n2\ty\n")}) {
        const CsvTable table = parse(text);
        REQUIRE(table.columns.size() == 2);
        CHECK(table.rows == 2);
        CHECK(table.columns[0].name == QStringLiteral("a"));
        CHECK(table.columns[0].type == CsvColumnType::Numerical);
        CHECK(table.columns[0].numbers == std::vector<double>{1, 2});
        CHECK(table.columns[1].type == CsvColumnType::Categorical);
        CHECK(table.columns[1].categories == QStringList{QStringLiteral("x"), QStringLiteral("y")});
    }
    // A semicolon file whose numbers use decimal commas inside quotes still splits on ';'.
    CHECK(parse("a;b\n\"1,5\";2\n").columns.size() == 2);
}

TEST_CASE("quoted fields follow RFC 4180", "[csv]") {
    const CsvTable table = parse("name,note\n\"Smith, J\",\"said \"\"hi\"\"\"\nx,\"two\nlines\"\n");
    REQUIRE(table.rows == 2);
    const CsvColumn& name = table.columns[0];
    CHECK(name.categories[static_cast<qsizetype>(name.categoryIds[0])] == QStringLiteral("Smith, J"));
    const CsvColumn& note = table.columns[1];
    CHECK(note.categories[static_cast<qsizetype>(note.categoryIds[0])] == QStringLiteral("said \"hi\""));
    CHECK(note.categories[static_cast<qsizetype>(note.categoryIds[1])] == QStringLiteral("two\nlines"));
}

TEST_CASE("BOM, CRLF and UTF-8 labels are read", "[csv]") {
    const CsvTable table = parse("\xEF\xBB\xBFx,city\r\n1.5,Z\xC3\xBCrich\r\n-2e3,Köln\r\n");
    REQUIRE(table.columns.size() == 2);
    CHECK(table.columns[0].name == QStringLiteral("x"));
    CHECK(table.columns[0].numbers == std::vector<double>{1.5, -2000});
    CHECK(table.columns[1].categories.first() == QString::fromUtf8("Z\xC3\xBCrich"));
}

TEST_CASE("empty, NaN and infinite cells are missing", "[csv]") {
    const CsvTable table = parse("x,y\n,a\nNaN,b\nnan,\ninf,c\n-inf,d\nInfinity,e\n3,f\n");
    CHECK(table.columns[0].numbers == std::vector<double>{3});
    CHECK(table.columns[0].missing == 6);
    CHECK(table.columns[1].type == CsvColumnType::Categorical);
    CHECK(table.columns[1].missing == 1);
}

TEST_CASE("a column type can be overridden", "[csv]") {
    CsvReadOptions options;
    options.typeOverrides.insert(QStringLiteral("code"), CsvColumnType::Categorical);
    const CsvTable table = parse("code,v\n10,1\n20,2\n", options);
    CHECK(table.columns[0].type == CsvColumnType::Categorical);
    CHECK(table.columns[0].categories == QStringList{QStringLiteral("10"), QStringLiteral("20")});
    CsvReadOptions numeric;
    numeric.typeOverrides.insert(QStringLiteral("v"), CsvColumnType::Numerical);
    CHECK_THROWS_WITH(parse("code,v\n1,2\n2,oops\n", numeric), Catch::Contains("data.csv:3:3"));
}

TEST_CASE("malformed files are refused with line and column", "[csv]") {
    CHECK(failure("a,b\n1,2\n3,4,5\n").startsWith(QStringLiteral("data.csv:3:5: row has 3 fields")));
    CHECK(failure("a,b\n1,2\n3\n").startsWith(QStringLiteral("data.csv:3:2: row has 1 fields")));
    CHECK(failure("a,b\n1,\"open\n2,3\n")
              .startsWith(QStringLiteral("data.csv:2:3: unterminated quoted field")));
    CHECK(failure("a,b\n1,\xFF\n").startsWith(QStringLiteral("data.csv:2:3: invalid UTF-8")));
    CHECK(failure("a,b\n1,\"x\"y\n").startsWith(QStringLiteral("data.csv:2:6: unexpected character")));
    CHECK(failure("").contains(QStringLiteral("empty")));
}

TEST_CASE("files are streamed in chunks across field boundaries", "[csv]") {
    QByteArray text = "a,b\n";
    for (int i = 0; i < 5000; ++i)
        text += QByteArray::number(i) + ",\"q" + QByteArray::number(i % 7) + "\"\n";
    CsvReadOptions options;
    options.chunkSize = 4096;
    const CsvTable table = parse(text, options);
    CHECK(table.rows == 5000);
    CHECK(table.columns[0].numbers.size() == 5000);
    CHECK(table.columns[1].categories.size() == 7);
}

namespace {

// Collects what the row mode hands over.
class RowCollector : public CsvRowHandler {
public:
    QStringList names;
    QList<QStringList> rows;
    QList<qint64> lines;
    QList<std::vector<qint64>> columns;

    void header(const QStringList& headerNames) override { names = headerNames; }
    void row(qint64 line, const std::vector<std::string>& fields,
             const std::vector<qint64>& cellColumns) override {
        QStringList cells;
        for (const std::string& field : fields)
            cells << QString::fromStdString(field);
        rows << cells;
        lines << line;
        columns << cellColumns;
    }
};

} // namespace

TEST_CASE("row mode hands over each row's cells with their line and column", "[csv]") {
    QByteArray text("\xEF\xBB\xBF"
                    "day;note;x\r\n2026-03-02;\"two\nlines; quoted\";1,5\r\n\r\n2026-03-03;\"\"\"q\"\"\";\n");
    QBuffer buffer(&text);
    buffer.open(QIODevice::ReadOnly);
    RowCollector rows;
    CsvReader::readRows(buffer, QStringLiteral("rows.csv"), rows);
    CHECK(rows.names == QStringList{QStringLiteral("day"), QStringLiteral("note"), QStringLiteral("x")});
    REQUIRE(rows.rows.size() == 2);
    CHECK(rows.rows[0] == QStringList{QStringLiteral("2026-03-02"), QStringLiteral("two\nlines; quoted"),
                                      QStringLiteral("1,5")});
    CHECK(rows.rows[1] == QStringList{QStringLiteral("2026-03-03"), QStringLiteral("\"q\""), QString()});
    CHECK(rows.lines == QList<qint64>{2, 5});
    CHECK(rows.columns[1] == std::vector<qint64>{1, 12, 20});
}

TEST_CASE("row mode refuses ragged rows and stops when progress cancels", "[csv]") {
    QByteArray ragged("a,b\n1,2\n3\n");
    QBuffer raggedBuffer(&ragged);
    raggedBuffer.open(QIODevice::ReadOnly);
    RowCollector rows;
    CHECK_THROWS_WITH(CsvReader::readRows(raggedBuffer, QStringLiteral("ragged.csv"), rows),
                      Catch::Contains("ragged.csv:3:2: row has 1 fields, the header has 2"));

    QByteArray big("a\n");
    for (int i = 0; i < 20000; ++i)
        big.append("1\n");
    QBuffer bigBuffer(&big);
    bigBuffer.open(QIODevice::ReadOnly);
    CsvReadOptions options;
    options.chunkSize = 4096;
    int calls = 0;
    options.progress = [&](qint64 done, qint64 total) {
        CHECK(done <= total);
        return ++calls < 3;
    };
    RowCollector partial;
    CHECK_THROWS_WITH(CsvReader::readRows(bigBuffer, QStringLiteral("big.csv"), partial, options),
                      Catch::Contains("Reading big.csv was cancelled"));
    CHECK(calls == 3);
    CHECK(partial.rows.size() < 20000);
}

TEST_CASE("readHeader gives the header's columns without reading the rows", "[csv]") {
    QTemporaryDir dir;
    const auto write = [&](const char* name, const QByteArray& text) {
        const QString path = dir.filePath(QLatin1String(name));
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(text);
        return path;
    };
    CHECK(CsvReader::readHeader(write("semi.csv", "\xEF\xBB\xBF\"a;b\";c;d\r\n1;2;3\r\n")) ==
          QStringList{QStringLiteral("a;b"), QStringLiteral("c"), QStringLiteral("d")});
    CHECK(CsvReader::readHeader(write("only.csv", "x,y")) ==
          QStringList{QStringLiteral("x"), QStringLiteral("y")});
    // A bad row further down is not the header's business: it is found when the data is read.
    const QString ragged = write("ragged.csv", "x,y\n1,2\n3\n");
    CHECK(CsvReader::readHeader(ragged) == QStringList{QStringLiteral("x"), QStringLiteral("y")});
    CHECK_THROWS_WITH(CsvReader::read(ragged), Catch::Contains("ragged.csv:3:"));
    const QString empty = write("empty.csv", "");
    CHECK_THROWS_WITH(CsvReader::readHeader(empty), Catch::Contains("empty.csv:1:1: the file is empty"));
    CHECK_THROWS_AS(CsvReader::readHeader(dir.filePath(QStringLiteral("missing.csv"))), AssayError);
}
