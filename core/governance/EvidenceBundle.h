#pragma once

#include <QJsonObject>
#include <QStringList>

namespace assay {

class Workspace;

// The canonical evidence bundle of DESIGN §5: the version, its run's params and metric
// summaries, its model card, the hashes of its run's attachments and of its evidence files,
// the drift summary, and the policy version and tier it is judged under. Decisions sign its
// SHA-256; when the data behind it changes, the hash changes and earlier decisions go stale.
class EvidenceBundle {
public:
    static QJsonObject build(const Workspace& workspace, qint64 versionId, int policyVersion, int tier);
    static QString hash(const QJsonObject& bundle);
    // The parts of the bundle that differ, by label ("model card", "metrics"), for telling a
    // reviewer why their decision went stale.
    static QStringList changedParts(const QJsonObject& before, const QJsonObject& after);
};

} // namespace assay
