#include "AuditExport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace assay {
namespace {

QString csvField(const QString& field) {
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) &&
        !field.contains(QLatin1Char('\n')) && !field.contains(QLatin1Char('\r')))
        return field;
    QString quoted = field;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString isoTime(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

QByteArray AuditExport::csv(const QList<AuditEvent>& events) {
    QString out = QStringLiteral("seq,time,at,actor,action,entity,payload,prev_hash,hash\r\n");
    for (const AuditEvent& event : events) {
        const QStringList fields{
            QString::number(event.seq),
            isoTime(event.at),
            QString::number(event.at),
            event.actor,
            event.action,
            event.entity,
            QString::fromUtf8(QJsonDocument(event.payload).toJson(QJsonDocument::Compact)),
            QString::fromLatin1(event.prevHash),
            QString::fromLatin1(event.hash),
        };
        QStringList quoted;
        for (const QString& field : fields)
            quoted << csvField(field);
        out += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

QByteArray AuditExport::json(const QList<AuditEvent>& events) {
    QJsonArray array;
    for (const AuditEvent& event : events) {
        array.append(QJsonObject{
            {QStringLiteral("seq"), event.seq},
            {QStringLiteral("time"), isoTime(event.at)},
            {QStringLiteral("at"), event.at},
            {QStringLiteral("actor"), event.actor},
            {QStringLiteral("action"), event.action},
            {QStringLiteral("entity"), event.entity},
            {QStringLiteral("payload"), event.payload},
            {QStringLiteral("prev_hash"), QString::fromLatin1(event.prevHash)},
            {QStringLiteral("hash"), QString::fromLatin1(event.hash)},
        });
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

} // namespace assay
