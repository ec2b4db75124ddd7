#include "DriftWindowReport.h"

#include "app/cli/CliTime.h"

#include <QJsonArray>

namespace assay::cli {

DriftWindowReport::DriftWindowReport(const DriftMonitor& monitor, const DriftWindow& window,
                                     const QList<DriftResult>& results)
    : m_metric(monitor.metric)
    , m_window(window) {
    for (const DriftResult& result : results) {
        if (result.windowId == window.id && result.monitored && result.drifted.value_or(false))
            m_drifted << result.feature;
    }
}

QString DriftWindowReport::verdict() const {
    QString text =
        QStringLiteral("%1 of %2 features drifted").arg(m_window.driftedFeatures).arg(m_window.featureCount);
    if (!m_drifted.isEmpty())
        text += QStringLiteral(" (%1)").arg(m_drifted.join(QStringLiteral(", ")));
    if (!m_window.retrainingRecommended)
        return text;
    QStringList why;
    if (m_window.datasetDrift)
        why << QStringLiteral("dataset drift");
    if (!m_window.driftedKeyFeatures.isEmpty())
        why << QStringLiteral("key feature%1 %2")
                   .arg(m_window.driftedKeyFeatures.size() > 1 ? QStringLiteral("s") : QString(),
                        m_window.driftedKeyFeatures.join(QStringLiteral(", ")));
    return text + QStringLiteral("; RETRAINING RECOMMENDED: ") + why.join(QStringLiteral(" and "));
}

QString DriftWindowReport::performance() const {
    return m_window.performance ? QString::number(*m_window.performance, 'f', 4) : QStringLiteral("-");
}

QJsonObject DriftWindowReport::json() const {
    const auto day = [](const QDate& date) {
        return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
    };
    return {{QStringLiteral("window"), m_window.label},
            {QStringLiteral("first_day"), day(m_window.first)},
            {QStringLiteral("last_day"), day(m_window.last)},
            {QStringLiteral("rows"), m_window.rows},
            {QStringLiteral("features"), m_window.featureCount},
            {QStringLiteral("drifted_features"), m_window.driftedFeatures},
            {QStringLiteral("drifted"), QJsonArray::fromStringList(m_drifted)},
            {QStringLiteral("dataset_drift"), m_window.datasetDrift},
            {QStringLiteral("drifted_key_features"), QJsonArray::fromStringList(m_window.driftedKeyFeatures)},
            {QStringLiteral("retraining_recommended"), m_window.retrainingRecommended},
            {QStringLiteral("metric"), performanceMetricName(m_metric)},
            {QStringLiteral("performance"),
             m_window.performance ? QJsonValue(*m_window.performance) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("source"), m_window.sourceName},
            {QStringLiteral("source_sha256"), m_window.sourceSha256},
            {QStringLiteral("added_at"), CliTime::timestamp(m_window.addedAt)},
            {QStringLiteral("added_by"), m_window.addedBy}};
}

} // namespace assay::cli
