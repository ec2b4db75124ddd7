#include "DriftMonitorReport.h"

#include "app/cli/TextTable.h"
#include "core/drift/DriftMethod.h"

#include <QJsonArray>

namespace assay::cli {
namespace {

QString typeName(CsvColumnType type) {
    return type == CsvColumnType::Numerical ? QStringLiteral("numerical") : QStringLiteral("categorical");
}

QJsonValue optionalNumber(const std::optional<double>& value) {
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

} // namespace

QString DriftMonitorReport::heading(const DriftMonitor& monitor) {
    const QString windows = monitor.period == DriftPeriod::File
                                ? QStringLiteral("one window per file")
                                : QStringLiteral("windows by %1 of \"%2\"")
                                      .arg(driftPeriodName(monitor.period), monitor.timestampColumn);
    QString text = QStringLiteral("Monitor \"%1\" on %2 v%3: reference %4 (%5 rows), %6")
                       .arg(monitor.name, monitor.modelName)
                       .arg(monitor.version)
                       .arg(monitor.referenceName)
                       .arg(monitor.referenceRows)
                       .arg(windows);
    if (monitor.metric != PerformanceMetric::None) {
        text +=
            QStringLiteral(", %1 of \"%2\" against \"%3\"")
                .arg(performanceMetricLabel(monitor.metric), monitor.predictionColumn, monitor.labelColumn);
        if (monitor.referencePerformance)
            text += QStringLiteral(" (reference %1)").arg(*monitor.referencePerformance, 0, 'f', 4);
    }
    return text + QStringLiteral(".\n");
}

QString DriftMonitorReport::featuresTable(const DriftMonitor& monitor) {
    TextTable table({QStringLiteral("feature"), QStringLiteral("type"), QStringLiteral("method"),
                     QStringLiteral("drift when"), QStringLiteral("key")});
    for (const DriftFeature& feature : monitor.features) {
        const bool pValue = DriftMethod::isPValue(feature.method);
        const QString comparison = pValue ? (feature.method == QLatin1String("ks") ? QStringLiteral("p <= %1")
                                                                                   : QStringLiteral("p < %1"))
                                          : QStringLiteral(">= %1");
        table.addRow({feature.name, typeName(feature.type), DriftMethod::label(feature.method),
                      comparison.arg(monitor.thresholdOf(feature)) +
                          (feature.threshold ? QStringLiteral(" (own)") : QString()),
                      feature.key ? QStringLiteral("key") : QStringLiteral("-")});
    }
    return table.text();
}

QJsonObject DriftMonitorReport::json(const DriftMonitor& monitor) {
    QJsonArray features;
    for (const DriftFeature& feature : monitor.features) {
        features.append(QJsonObject{{QStringLiteral("name"), feature.name},
                                    {QStringLiteral("type"), typeName(feature.type)},
                                    {QStringLiteral("method"), feature.method},
                                    {QStringLiteral("threshold"), monitor.thresholdOf(feature)},
                                    {QStringLiteral("own_threshold"), feature.threshold.has_value()},
                                    {QStringLiteral("key"), feature.key}});
    }
    return {{QStringLiteral("model"), monitor.modelName},
            {QStringLiteral("version"), monitor.version},
            {QStringLiteral("name"), monitor.name},
            {QStringLiteral("reference"), monitor.referenceName},
            {QStringLiteral("reference_sha256"), monitor.referenceSha256},
            {QStringLiteral("reference_rows"), monitor.referenceRows},
            {QStringLiteral("period"), driftPeriodName(monitor.period)},
            {QStringLiteral("timestamp_column"), monitor.timestampColumn},
            {QStringLiteral("label_column"), monitor.labelColumn},
            {QStringLiteral("prediction_column"), monitor.predictionColumn},
            {QStringLiteral("metric"), performanceMetricName(monitor.metric)},
            {QStringLiteral("reference_performance"), optionalNumber(monitor.referencePerformance)},
            {QStringLiteral("thresholds"), monitor.thresholds.toJson()},
            {QStringLiteral("features"), features}};
}

} // namespace assay::cli
