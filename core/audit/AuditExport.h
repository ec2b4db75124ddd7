#pragma once

#include "core/workspace/AuditEvent.h"

#include <QByteArray>
#include <QList>

namespace assay {

// Audit events as a file for auditors: CSV (RFC 4180; seq, time in UTC ISO 8601, at in ms,
// actor, action, entity, payload as compact JSON, prev_hash, hash) or a JSON array of objects
// with the same fields. Both keep the hashes, so that the export can be checked against the chain.
class AuditExport {
public:
    static QByteArray csv(const QList<AuditEvent>& events);
    static QByteArray json(const QList<AuditEvent>& events);
};

} // namespace assay
