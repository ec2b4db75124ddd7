#include "OutputFormat.h"

#include "UsageError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace assay::cli {

QCommandLineOption OutputFormat::option() {
    return {QStringLiteral("format"), QStringLiteral("table or json."), QStringLiteral("FORMAT"),
            QStringLiteral("table")};
}

OutputFormat::Format OutputFormat::parse(const QCommandLineParser& parser) {
    const QString format = parser.value(QStringLiteral("format"));
    if (format == QLatin1String("table"))
        return Format::Table;
    if (format == QLatin1String("json"))
        return Format::Json;
    throw UsageError{QStringLiteral("--format must be table or json, not \"%1\"").arg(format)};
}

QString OutputFormat::json(const QJsonValue& value) {
    const QJsonDocument document =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

} // namespace assay::cli
