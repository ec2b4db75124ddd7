#include "DemoMonitoring.h"

#include "core/base/AssayError.h"
#include "core/drift/DriftComputation.h"
#include "core/drift/DriftMonitors.h"
#include "core/workspace/WriteTransaction.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <cmath>

namespace assay {
namespace {

constexpr qint64 hour = 3600LL * 1000;
constexpr int referenceRows = 5000;
constexpr int weekRows = 1500;

// How far income and utilization have moved in week w, in reference standard deviations.
double shiftOf(int week) {
    if (week < DemoMonitoring::driftFromWeek)
        return 0.0;
    // A hint in the first week, under the threshold; then clearly past it, and growing.
    return week == DemoMonitoring::driftFromWeek ? 0.02
                                                 : 0.2 + 0.15 * (week - DemoMonitoring::driftFromWeek - 1);
}

double accuracyOf(int week) {
    return week < DemoMonitoring::driftFromWeek ? 0.87
                                                : 0.87 - 0.02 * (week - DemoMonitoring::driftFromWeek + 1);
}

void write(const QString& path, const QByteArray& content) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        throw AssayError(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
}

} // namespace

DemoMonitoring::DemoMonitoring()
    : m_rng(20260105) {
    if (!m_dir.isValid())
        throw AssayError(QStringLiteral("Cannot make a temporary folder for the demo's drift data: %1")
                             .arg(m_dir.errorString()));
}

// week 0 is the reference (no dates); weeks 1..12 are current data spread over the week from monday.
QByteArray DemoMonitoring::applications(int count, int week, const QDate& monday) {
    static const std::array<const char*, 5> employment{"salaried", "self_employed", "contract", "retired",
                                                       "unemployed"};
    std::normal_distribution<double> normal(0.0, 1.0);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    std::discrete_distribution<int> employmentOf({60, 18, 12, 7, 3});
    std::uniform_int_distribution<int> dayOf(0, 6);
    const double shift = week == 0 ? 0.0 : shiftOf(week);
    const double accuracy = week == 0 ? 0.87 : accuracyOf(week);
    QByteArray csv = week == 0 ? QByteArray() : QByteArray("application_date,");
    csv += "income,utilization,debt_to_income,age,loan_amount,employment_type,defaulted,predicted_default\n";
    csv.reserve(count * 80);
    for (int i = 0; i < count; ++i) {
        const double income =
            std::max(8000.0, std::round((52000.0 + 15000.0 * (normal(m_rng) - shift)) / 100) * 100);
        const double utilization = std::clamp(0.35 + 0.18 * (normal(m_rng) + shift), 0.0, 1.0);
        const double debtToIncome = std::clamp(0.32 + 0.1 * normal(m_rng), 0.0, 1.5);
        const int age = static_cast<int>(std::clamp(std::round(41.0 + 12.0 * normal(m_rng)), 18.0, 85.0));
        const double loan = std::max(1000.0, std::round((15000.0 + 6000.0 * normal(m_rng)) / 50) * 50);
        const char* job = employment[static_cast<std::size_t>(employmentOf(m_rng))];
        // Defaults come with high utilization and debt; the model is right at the week's accuracy.
        const double risk = -2.4 + 3.0 * (utilization - 0.35) + 4.0 * (debtToIncome - 0.32);
        const int defaulted = uniform(m_rng) < 1.0 / (1.0 + std::exp(-risk)) ? 1 : 0;
        const int predicted = uniform(m_rng) < accuracy ? defaulted : 1 - defaulted;
        if (week > 0)
            csv += monday.addDays(dayOf(m_rng)).toString(Qt::ISODate).toLatin1() + ',';
        csv += QByteArray::number(income, 'f', 0) + ',' + QByteArray::number(utilization, 'f', 3) + ',' +
               QByteArray::number(debtToIncome, 'f', 3) + ',' + QByteArray::number(age) + ',' +
               QByteArray::number(loan, 'f', 0) + ',' + job + ',' + QByteArray::number(defaulted) + ',' +
               QByteArray::number(predicted) + '\n';
    }
    return csv;
}

qint64 DemoMonitoring::createMonitor(WriteTransaction& tx, qint64 versionId) {
    DriftMonitorSpec spec;
    spec.versionId = versionId;
    spec.name = QStringLiteral("production");
    spec.referencePath = m_dir.filePath(QStringLiteral("applications-training-sample.csv"));
    write(spec.referencePath, applications(referenceRows, 0, {}));
    spec.features = {QStringLiteral("income"),         QStringLiteral("utilization"),
                     QStringLiteral("debt_to_income"), QStringLiteral("age"),
                     QStringLiteral("loan_amount"),    QStringLiteral("employment_type")};
    spec.keyFeatures = {QStringLiteral("income")};
    spec.typeOverrides.insert(QStringLiteral("employment_type"), CsvColumnType::Categorical);
    spec.timestampColumn = QStringLiteral("application_date");
    spec.period = DriftPeriod::Week;
    spec.labelColumn = QStringLiteral("defaulted");
    spec.predictionColumn = QStringLiteral("predicted_default");
    spec.metric = PerformanceMetric::Accuracy;
    return DriftMonitors::create(tx, spec, DriftComputation::readReference(spec));
}

void DemoMonitoring::addWeeks(WriteTransaction& tx, qint64 monitorId, const QString& actor, qint64 notBefore,
                              qint64 now) {
    const DriftMonitors monitors(tx.workspace());
    const DriftMonitor monitor = *monitors.monitor(monitorId);
    const DriftReference reference = monitors.reference(monitorId);
    const QDate today = QDateTime::fromMSecsSinceEpoch(now, QTimeZone::utc()).date();
    const QDate lastSunday = today.addDays(-today.dayOfWeek()); // the last complete ISO week ends then
    for (int week = 1; week <= weeks; ++week) {
        const QDate monday = lastSunday.addDays(-6 - 7 * (weeks - week));
        const QString path =
            m_dir.filePath(QStringLiteral("applications-%1.csv").arg(monday.toString(Qt::ISODate)));
        write(path, applications(weekRows, week, monday));
        const qint64 due = QDateTime(monday.addDays(7), QTime(6, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        tx.replayAs(actor, std::min(std::max(due, notBefore + week * 5 * 60 * 1000), now - hour));
        DriftMonitors::addWindows(tx, monitorId, QFileInfo(path).fileName(), DriftComputation::sha256(path),
                                  DriftComputation::computeWindows(monitor, reference, path));
    }
}

} // namespace assay
