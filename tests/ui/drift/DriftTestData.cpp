#include "DriftTestData.h"

#include "core/drift/DriftMonitors.h"
#include "core/workspace/Workspace.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QTextStream>

#include <random>

namespace assay::test {
namespace {

const QString header =
    QStringLiteral("date,tenure,monthly_charges,support_calls,contract,region,age,churned,predicted\n");

// One row; drift grows with `shift` (0 for the reference and the stable weeks).
QString row(std::mt19937& random, const QDate& date, int shift) {
    std::normal_distribution<double> tenure(30, 12);
    std::normal_distribution<double> charges(65 + 9.0 * shift, 18);
    std::poisson_distribution<int> calls(1.5);
    std::uniform_real_distribution<double> unit(0, 1);
    std::normal_distribution<double> age(42, 11);
    const double monthToMonth = std::min(0.45 + 0.12 * shift, 0.9);
    const double u = unit(random);
    const QString contract = u < monthToMonth                            ? QStringLiteral("month")
                             : u < monthToMonth + (1 - monthToMonth) / 2 ? QStringLiteral("year")
                                                                         : QStringLiteral("two-year");
    static const QStringList regions{QStringLiteral("north"), QStringLiteral("south"), QStringLiteral("east"),
                                     QStringLiteral("west")};
    const QString region = regions.at(int(unit(random) * 4) % 4);
    const int churned = unit(random) < 0.3 ? 1 : 0;
    const double accuracy = std::max(0.9 - 0.05 * shift, 0.55);
    const int predicted = unit(random) < accuracy ? churned : 1 - churned;
    return QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9\n")
        .arg(date.toString(Qt::ISODate))
        .arg(std::max(0.0, tenure(random)), 0, 'f', 1)
        .arg(charges(random), 0, 'f', 2)
        .arg(calls(random))
        .arg(contract, region)
        .arg(std::max(18.0, age(random)), 0, 'f', 0)
        .arg(churned)
        .arg(predicted);
}

void writeFile(const QString& path, const QString& text) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw std::runtime_error("cannot write the drift test data");
    file.write(text.toUtf8());
}

} // namespace

qint64 addDriftMonitor(Workspace& workspace, const QString& dir, qint64 versionId,
                       const DriftScenario& scenario) {
    std::mt19937 random(20260105);
    const QDate firstMonday(2026, 1, 5);
    QString reference = header;
    for (int i = 0; i < scenario.referenceRows; ++i)
        reference += row(random, firstMonday.addDays(-1 - i % 60), 0);
    const QString referencePath = QDir(dir).filePath(scenario.name + QStringLiteral("-reference.csv"));
    writeFile(referencePath, reference);

    DriftMonitorSpec spec;
    spec.versionId = versionId;
    spec.name = scenario.name;
    spec.referencePath = referencePath;
    spec.keyFeatures = {QStringLiteral("monthly_charges")};
    spec.methods = scenario.methods;
    spec.timestampColumn = QStringLiteral("date");
    spec.period = DriftPeriod::Week;
    if (scenario.withPerformance) {
        spec.labelColumn = QStringLiteral("churned");
        spec.predictionColumn = QStringLiteral("predicted");
        spec.metric = PerformanceMetric::Accuracy;
    } else {
        spec.features = QStringList{QStringLiteral("tenure"),        QStringLiteral("monthly_charges"),
                                    QStringLiteral("support_calls"), QStringLiteral("contract"),
                                    QStringLiteral("region"),        QStringLiteral("age")};
    }
    const qint64 monitorId = DriftMonitors::createFromFile(workspace, spec);

    for (int week = 1; week <= scenario.weeks; ++week) {
        const int shift = week >= scenario.driftFromWeek ? week - scenario.driftFromWeek + 1 : 0;
        QString current = header;
        for (int i = 0; i < scenario.rowsPerWeek; ++i)
            current += row(random, firstMonday.addDays(7 * (week - 1) + i % 7), shift);
        const QString path =
            QDir(dir).filePath(QStringLiteral("%1-week-%2.csv").arg(scenario.name).arg(week));
        writeFile(path, current);
        DriftMonitors::addFile(workspace, monitorId, path);
    }
    return monitorId;
}

} // namespace assay::test
