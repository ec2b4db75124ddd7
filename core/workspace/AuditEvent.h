#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace assay {

// One entry of the hash-chained audit trail.
struct AuditEvent {
    qint64 seq = 0;
    qint64 at = 0; // ms since the Unix epoch, UTC
    QString actor;
    QString action; // e.g. "run.create", "metrics.log", "alias.set"
    QString entity; // e.g. "run:3f2a…", "model:churn/3"
    QJsonObject payload;
    QByteArray prevHash; // hex SHA-256
    QByteArray hash;     // hex SHA-256(prevHash ‖ canonical JSON of the event)
};

} // namespace assay
