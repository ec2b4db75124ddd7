// Drift figures: 20 numerical features, 1,000,000 reference and 1,000,000 current rows written as
// CSV, read back, then every statistic for every feature; prints JSON. When python3 with scipy
// is present, drift_scipy.py computes the same on the same files and the ratio is printed.
#include "core/drift/CsvReader.h"
#include "core/drift/DriftStatistics.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>
#include <random>

using namespace assay;

namespace {

constexpr int features = 20;
constexpr int rows = 1000000;

void writeCsv(const QString& path, double shift, unsigned seed) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    std::mt19937_64 random(seed);
    std::normal_distribution<double> normal;
    QByteArray text;
    for (int f = 0; f < features; ++f)
        text += (f ? "," : "") + QByteArray("f") + QByteArray::number(f);
    text += '\n';
    char cell[32];
    for (int r = 0; r < rows; ++r) {
        for (int f = 0; f < features; ++f) {
            const double v = normal(random) * (1 + f * 0.1) + (f % 4 == 0 ? shift : 0.0);
            const int n = std::snprintf(cell, sizeof cell, f ? ",%.6f" : "%.6f", v);
            text.append(cell, n);
        }
        text += '\n';
        if (text.size() > (1 << 22)) {
            file.write(text);
            text.clear();
        }
    }
    file.write(text);
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString reference = dir.filePath(QStringLiteral("reference.csv"));
    const QString current = dir.filePath(QStringLiteral("current.csv"));
    writeCsv(reference, 0.0, 1);
    writeCsv(current, 0.05, 2);

    QElapsedTimer timer;
    timer.start();
    const CsvTable ref = CsvReader::read(reference);
    const CsvTable cur = CsvReader::read(current);
    const qint64 parseMs = timer.elapsed();

    timer.restart();
    const DriftReport report = DriftStatistics::compare(ref, cur, {}, 2);
    const double statsSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;

    double scipySeconds = -1;
    // Debian's interpreter, where python3-scipy installs, whatever python3 comes first on PATH;
    // its errors go to our stderr, so that a missing scipy says so.
    QProcess python;
    python.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(ASSAY_BENCH_DIR "/drift_scipy.py"), reference, current});
    if (python.waitForFinished(-1) && python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0)
        scipySeconds = QString::fromUtf8(python.readAllStandardOutput())
                           .trimmed()
                           .split(QLatin1Char('\n'))
                           .last()
                           .toDouble();

    QTextStream out(stdout);
    out << "{\n  \"benchmark\": \"drift\",\n  \"features\": " << features
        << ",\n  \"reference_rows\": " << rows << ",\n  \"current_rows\": " << rows
        << ",\n  \"threads\": 2,\n  \"csv_parse_seconds\": " << static_cast<double>(parseMs) / 1000.0
        << ",\n  \"statistics_seconds\": " << statsSeconds
        << ",\n  \"statistics_target_seconds\": 2,\n  \"drifted_columns\": " << report.driftedColumns;
    if (scipySeconds > 0)
        out << ",\n  \"scipy_seconds\": " << scipySeconds
            << ",\n  \"speedup_vs_scipy\": " << scipySeconds / statsSeconds;
    else
        out << ",\n  \"scipy_seconds\": null";
    out << "\n}\n";
    return 0;
}
