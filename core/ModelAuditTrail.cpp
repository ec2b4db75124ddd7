#include "ModelAuditTrail.h"

#include "SqlQuery.h"
#include "Workspace.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace assay {

QList<AuditEvent> ModelAuditTrail::events(const QString& modelName, std::optional<int> version) const {
    const QString modelEntity = QStringLiteral("model:") + modelName;
    // The prefix match is done in C++: a model name may hold LIKE's wildcards.
    QSqlQuery query = SqlQuery::run(
        m_workspace.database(),
        QStringLiteral("SELECT seq, at, actor, action, entity, payload, prev_hash, hash FROM audit_log "
                       "WHERE entity = ? OR substr(entity, 1, ?) = ? ORDER BY seq"),
        {modelEntity, modelEntity.size() + 1, modelEntity + QLatin1Char('/')});
    QList<AuditEvent> events;
    while (query.next()) {
        AuditEvent event;
        event.seq = query.value(0).toLongLong();
        event.at = query.value(1).toLongLong();
        event.actor = query.value(2).toString();
        event.action = query.value(3).toString();
        event.entity = query.value(4).toString();
        event.payload = QJsonDocument::fromJson(query.value(5).toString().toUtf8()).object();
        event.prevHash = query.value(6).toString().toLatin1();
        event.hash = query.value(7).toString().toLatin1();
        if (version && event.entity != modelEntity &&
            event.entity != QStringLiteral("%1/%2").arg(modelEntity).arg(*version))
            continue;
        events.append(event);
    }
    return events;
}

} // namespace assay
