#pragma once

#include "core/base/EntityKind.h"

#include <QSet>
#include <QtGlobal>

#include <map>

namespace assay {

// The typed summary of one committed write transaction: which kinds of entity changed, and
// which ids. Emitted by Workspace::changed after commit, never before.
class ChangeSet {
public:
    // Every kind touched: what a view reloads after another connection's commits, whose details
    // this connection never saw.
    static ChangeSet everything();

    void add(EntityKind kind, qint64 id);
    void addKind(EntityKind kind);

    bool touches(EntityKind kind) const { return m_ids.contains(kind); }
    // Whether the entity may have changed: its id was recorded, or the kind was added without ids
    // (a reload after another process's commits).
    bool touches(EntityKind kind, qint64 id) const;
    QSet<qint64> ids(EntityKind kind) const;
    bool isEmpty() const { return m_ids.empty(); }

private:
    std::map<EntityKind, QSet<qint64>> m_ids;
};

} // namespace assay
