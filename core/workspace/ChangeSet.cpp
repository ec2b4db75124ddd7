#include "ChangeSet.h"

namespace assay {

ChangeSet ChangeSet::everything() {
    ChangeSet all;
    for (int kind = 0; kind <= static_cast<int>(EntityKind::LastKind); ++kind)
        all.addKind(static_cast<EntityKind>(kind));
    return all;
}

void ChangeSet::add(EntityKind kind, qint64 id) {
    m_ids[kind].insert(id);
}

void ChangeSet::addKind(EntityKind kind) {
    m_ids[kind];
}

bool ChangeSet::touches(EntityKind kind, qint64 id) const {
    const auto found = m_ids.find(kind);
    return found != m_ids.end() && (found->second.isEmpty() || found->second.contains(id));
}

QSet<qint64> ChangeSet::ids(EntityKind kind) const {
    const auto found = m_ids.find(kind);
    return found == m_ids.end() ? QSet<qint64>{} : found->second;
}

} // namespace assay
