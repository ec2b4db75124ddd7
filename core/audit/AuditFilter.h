#pragma once

#include <QString>

#include <optional>

namespace assay {

// Which audit events to list. Every criterion left empty matches every event; the criteria
// given must all hold.
struct AuditFilter {
    QString actor;  // exact login
    QString action; // exact ("alias.set"), or a prefix when it ends with '.' ("drift.")
    QString entity; // a part of the entity, case-insensitive ("model:churn" finds "model:churn/3")
    std::optional<qint64> from; // ms since the epoch, inclusive
    std::optional<qint64> to;   // ms since the epoch, inclusive
    QString text;               // a part of the actor, action, entity or payload JSON, case-insensitive

    bool isEmpty() const {
        return actor.isEmpty() && action.isEmpty() && entity.isEmpty() && !from && !to && text.isEmpty();
    }
};

} // namespace assay
