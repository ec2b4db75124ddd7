#include "SharedWriterReport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace assay::test {

QByteArray SharedWriterReport::toJson() const {
    QJsonArray latencies;
    for (const qint64 latency : latenciesUs)
        latencies.append(latency);
    const QJsonObject object{{QStringLiteral("user"), user},
                             {QStringLiteral("journal"), journal},
                             {QStringLiteral("runs"), runs},
                             {QStringLiteral("points"), points},
                             {QStringLiteral("tags"), tags},
                             {QStringLiteral("decisions"), decisions},
                             {QStringLiteral("reads"), reads},
                             {QStringLiteral("started_at"), startedAt},
                             {QStringLiteral("finished_at"), finishedAt},
                             {QStringLiteral("p50_us"), percentile(latenciesUs, 0.50)},
                             {QStringLiteral("p99_us"), percentile(latenciesUs, 0.99)},
                             {QStringLiteral("max_us"), percentile(latenciesUs, 1.0)},
                             {QStringLiteral("latencies_us"), latencies},
                             {QStringLiteral("error"), error}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

SharedWriterReport SharedWriterReport::fromJson(const QByteArray& line) {
    SharedWriterReport report;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (!document.isObject()) {
        report.error = QStringLiteral("the writer printed no JSON report: %1").arg(QString::fromUtf8(line));
        return report;
    }
    const QJsonObject object = document.object();
    report.user = object.value(QStringLiteral("user")).toString();
    report.journal = object.value(QStringLiteral("journal")).toString();
    report.runs = object.value(QStringLiteral("runs")).toInt();
    report.points = object.value(QStringLiteral("points")).toInt();
    report.tags = object.value(QStringLiteral("tags")).toInt();
    report.decisions = object.value(QStringLiteral("decisions")).toInt();
    report.reads = object.value(QStringLiteral("reads")).toInt();
    report.startedAt = object.value(QStringLiteral("started_at")).toInteger();
    report.finishedAt = object.value(QStringLiteral("finished_at")).toInteger();
    for (const QJsonValue& latency : object.value(QStringLiteral("latencies_us")).toArray())
        report.latenciesUs.push_back(latency.toInteger());
    report.error = object.value(QStringLiteral("error")).toString();
    return report;
}

qint64 SharedWriterReport::percentile(std::vector<qint64> values, double fraction) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

} // namespace assay::test
