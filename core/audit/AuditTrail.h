#pragma once

#include "AuditFieldChange.h"
#include "AuditFilter.h"
#include "core/workspace/AuditEvent.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace assay {

class Workspace;

// Reads the audit trail for people: events filtered and paged newest first, the choices for the
// filters, and an event's fields with the values they replaced. Reading only; nothing here
// verifies the chain (WorkspaceIntegrity does).
class AuditTrail {
public:
    explicit AuditTrail(const Workspace& workspace)
        : m_workspace(workspace) {}

    // Up to limit events matching filter (all when limit < 0), newest first. With beforeSeq > 0,
    // only events older than it: the next page starts before the last event of the previous one,
    // which stays right while new events are appended.
    QList<AuditEvent> events(const AuditFilter& filter, int limit, qint64 beforeSeq = 0) const;
    qint64 count(const AuditFilter& filter) const;
    std::optional<AuditEvent> event(qint64 seq) const;
    qint64 lastSeq() const; // 0 for an empty trail

    // Every actor and every action in the trail, sorted: the choices of the filter combos.
    QStringList actors() const;
    QStringList actions() const;

    // Each payload field of event with its before value: the value the same key had in the most
    // recent earlier event on the same entity whose payload holds that key. An event records
    // what an action set, so that earlier event is where the field last got its value; a field
    // no earlier event on the entity recorded has no before value (it was new).
    QList<AuditFieldChange> changes(const AuditEvent& event) const;

private:
    const Workspace& m_workspace;
};

} // namespace assay
