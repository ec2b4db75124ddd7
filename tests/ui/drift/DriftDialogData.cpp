#include "DriftDialogData.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QWidget>

#include <catch2/catch.hpp>
#include <random>

namespace assay::test {

namespace {

struct Row {
    double age;
    int tenure;
    const char* plan;
    double score;
    int label;
    int prediction;
};

const QByteArray header = "date,age,tenure,plan,score,label,prediction\n";

QByteArray line(const QDate& date, const Row& row, double ageShift) {
    return date.toString(Qt::ISODate).toUtf8() + ',' + QByteArray::number(row.age + ageShift, 'f', 1) + ',' +
           QByteArray::number(row.tenure) + ',' + row.plan + ',' + QByteArray::number(row.score, 'f', 3) +
           ',' + QByteArray::number(row.label) + ',' + QByteArray::number(row.prediction) + '\n';
}

QString write(const QString& dir, const char* name, const QByteArray& text) {
    const QString path = QDir(dir).filePath(QLatin1String(name));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(text) == text.size());
    return path;
}

// Rows of week, dated Monday to Sunday in turn.
QByteArray week(const QList<Row>& rows, const QDate& monday, double ageShift) {
    QByteArray text = header;
    for (qsizetype i = 0; i < rows.size(); ++i)
        text += line(monday.addDays(i % 7), rows[i], ageShift);
    return text;
}

} // namespace

DriftCsvFiles writeDriftCsvFiles(const QString& dir) {
    std::mt19937 random(20260302);
    std::normal_distribution<double> age(40, 10);
    std::uniform_int_distribution<int> tenure(0, 4);
    std::uniform_int_distribution<int> plan(0, 2);
    std::uniform_real_distribution<double> score(0, 1);
    std::bernoulli_distribution coin(0.5);
    const char* plans[] = {"basic", "plus", "pro"};
    QList<Row> rows;
    for (int i = 0; i < 200; ++i) {
        const int label = coin(random) ? 1 : 0;
        rows.append(Row{age(random), tenure(random), plans[plan(random)], score(random), label,
                        coin(random) ? label : 1 - label});
    }
    DriftCsvFiles files;
    QByteArray reference = header;
    for (qsizetype i = 0; i < rows.size(); ++i)
        reference += line(QDate(2026, 2, 1).addDays(i % 28), rows[i], 0);
    files.reference = write(dir, "reference.csv", reference);
    const QByteArray w10 = week(rows, QDate(2026, 3, 2), 0);
    const QByteArray w11 = week(rows, QDate(2026, 3, 9), 30);
    files.current = write(dir, "current.csv", w10 + w11.mid(header.size()));
    files.batch03 = write(dir, "batch-03.csv", w10);
    files.batch04 = write(dir, "batch-04.csv", w11);
    files.bad = write(dir, "bad.csv", "a,b\n1,2\n3\n4,5\n");
    QByteArray big = "a,b\n";
    for (int i = 0; i < 600'000; ++i)
        big += QByteArray::number(i % 977) + ',' + QByteArray::number(i % 13) + '\n';
    files.big = write(dir, "big.csv", big);
    return files;
}

void saveScreenshot(QWidget& widget, const QString& name) {
    const QString dir = qEnvironmentVariable("ASSAY_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        CHECK(widget.grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
}

} // namespace assay::test
