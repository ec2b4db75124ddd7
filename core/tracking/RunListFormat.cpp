#include "RunListFormat.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace assay {
namespace {

QString isoTime(const std::optional<qint64>& ms) {
    return ms ? QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC).toString(Qt::ISODateWithMs) : QString();
}

QStringList header(const QStringList& paramKeys, const QStringList& metricKeys) {
    QStringList columns{QStringLiteral("run_id"),  QStringLiteral("experiment"), QStringLiteral("name"),
                        QStringLiteral("status"),  QStringLiteral("user"),       QStringLiteral("start_time"),
                        QStringLiteral("end_time")};
    for (const QString& key : paramKeys)
        columns << QStringLiteral("params.") + key;
    for (const QString& key : metricKeys)
        columns << QStringLiteral("metrics.") + key;
    return columns;
}

QStringList cellsOf(const RunRow& row, const QStringList& paramKeys, const QStringList& metricKeys) {
    QStringList cells{row.run.uid,
                      row.experimentName,
                      row.run.name,
                      runStatusName(row.run.status),
                      row.run.user,
                      isoTime(row.run.startTime),
                      isoTime(row.run.endTime)};
    for (const QString& key : paramKeys)
        cells << row.params.value(key);
    for (const QString& key : metricKeys)
        cells << (row.metrics.contains(key) ? RunListFormat::formatValue(row.metrics.value(key)) : QString());
    return cells;
}

QString csvField(const QString& field) {
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) &&
        !field.contains(QLatin1Char('\n')) && !field.contains(QLatin1Char('\r')))
        return field;
    QString quoted = field;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QJsonValue jsonNumber(double value) {
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(RunListFormat::formatValue(value));
}

} // namespace

std::optional<RunListFormat::Format> RunListFormat::fromName(const QString& name) {
    if (name == QLatin1String("table"))
        return Format::Table;
    if (name == QLatin1String("json"))
        return Format::Json;
    if (name == QLatin1String("csv"))
        return Format::Csv;
    return std::nullopt;
}

QString RunListFormat::formatValue(double value) {
    if (std::isnan(value))
        return QStringLiteral("nan");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    return QString::number(value, 'g', 17);
}

QByteArray RunListFormat::write(Format format, const QList<RunRow>& rows, const QStringList& paramKeys,
                                const QStringList& metricKeys) {
    if (format == Format::Json)
        return json(rows, paramKeys, metricKeys);
    QList<QStringList> cells{header(paramKeys, metricKeys)};
    for (const RunRow& row : rows)
        cells << cellsOf(row, paramKeys, metricKeys);
    return format == Format::Csv ? csv(cells) : table(cells);
}

QByteArray RunListFormat::table(const QList<QStringList>& cells) {
    QList<qsizetype> widths(cells.first().size(), 0);
    for (const QStringList& line : cells) {
        for (qsizetype i = 0; i < line.size(); ++i)
            widths[i] = std::max(widths[i], line[i].size());
    }
    QString out;
    for (const QStringList& line : cells) {
        QStringList padded;
        for (qsizetype i = 0; i < line.size(); ++i)
            padded << line[i].leftJustified(widths[i]);
        out += padded.join(QStringLiteral("  ")).trimmed() + QLatin1Char('\n');
    }
    return out.toUtf8();
}

QByteArray RunListFormat::csv(const QList<QStringList>& cells) {
    QString out;
    for (const QStringList& line : cells) {
        QStringList fields;
        for (const QString& field : line)
            fields << csvField(field);
        out += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

QByteArray RunListFormat::json(const QList<RunRow>& rows, const QStringList& paramKeys,
                               const QStringList& metricKeys) {
    QJsonArray runs;
    for (const RunRow& row : rows) {
        QJsonObject params;
        for (const QString& key : paramKeys) {
            if (row.params.contains(key))
                params.insert(key, row.params.value(key));
        }
        QJsonObject metrics;
        for (const QString& key : metricKeys) {
            if (row.metrics.contains(key))
                metrics.insert(key, jsonNumber(row.metrics.value(key)));
        }
        runs.append(QJsonObject{
            {QStringLiteral("run_id"), row.run.uid},
            {QStringLiteral("experiment"), row.experimentName},
            {QStringLiteral("name"), row.run.name},
            {QStringLiteral("status"), runStatusName(row.run.status)},
            {QStringLiteral("user"), row.run.user},
            {QStringLiteral("start_time"), row.run.startTime ? QJsonValue(*row.run.startTime) : QJsonValue()},
            {QStringLiteral("end_time"), row.run.endTime ? QJsonValue(*row.run.endTime) : QJsonValue()},
            {QStringLiteral("params"), params},
            {QStringLiteral("metrics"), metrics},
        });
    }
    return QJsonDocument(runs).toJson(QJsonDocument::Indented);
}

} // namespace assay
