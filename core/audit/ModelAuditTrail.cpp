#include "ModelAuditTrail.h"

#include "core/base/SqlQuery.h"
#include "core/workspace/AuditLog.h"
#include "core/workspace/Workspace.h"

#include <QJsonObject>

namespace assay {

QList<AuditEvent> ModelAuditTrail::events(const QString& modelName, std::optional<int> version) const {
    const QString modelEntity = QStringLiteral("model:") + modelName;
    // The prefix match is done in C++: a model name may hold LIKE's wildcards.
    QSqlQuery query = SqlQuery::run(
        m_workspace.database(),
        QStringLiteral("SELECT %1 FROM audit_log WHERE entity = ? OR substr(entity, 1, ?) = ? ORDER BY seq")
            .arg(AuditLog::eventColumns()),
        {modelEntity, modelEntity.size() + 1, modelEntity + QLatin1Char('/')});
    QList<AuditEvent> events;
    while (query.next()) {
        const AuditEvent event = AuditLog::eventFromRow(query);
        if (version && event.entity != modelEntity &&
            event.entity != QStringLiteral("%1/%2").arg(modelEntity).arg(*version))
            continue;
        events.append(event);
    }
    return events;
}

} // namespace assay
