#pragma once

#include "core/workspace/AuditEvent.h"

#include <QList>
#include <QString>

#include <optional>

namespace assay {

class Workspace;

// The audit events about one model: those whose entity is the model ("model:NAME") or one of
// its versions ("model:NAME/N"), for the governance report's excerpt. Oldest first.
class ModelAuditTrail {
public:
    explicit ModelAuditTrail(const Workspace& workspace)
        : m_workspace(workspace) {}

    // With version set, events of other versions are left out; the model's own events stay.
    QList<AuditEvent> events(const QString& modelName, std::optional<int> version = {}) const;

private:
    const Workspace& m_workspace;
};

} // namespace assay
