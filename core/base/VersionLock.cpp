#include "VersionLock.h"

#include "AssayError.h"
#include "SqlQuery.h"

namespace assay {

bool VersionLock::isApproved(const QSqlDatabase& db, qint64 versionId) {
    return !SqlQuery::scalar(db,
                             QStringLiteral("SELECT 1 FROM promotion_requests WHERE version_id = ? AND "
                                            "kind = 'promotion' AND status = 'executed' LIMIT 1"),
                             {versionId})
                .isNull();
}

void VersionLock::requireEditable(const QSqlDatabase& db, qint64 versionId, const QString& what) {
    if (!isApproved(db, versionId))
        return;
    const QVariant label =
        SqlQuery::scalar(db,
                         QStringLiteral("SELECT m.name || ' version ' || v.version FROM model_versions v "
                                        "JOIN registered_models m ON m.id = v.model_id WHERE v.id = ?"),
                         {versionId});
    throw AssayError(QStringLiteral("%1 was approved for promotion, so its %2 stays as it was approved; "
                                    "register a new version to change it.")
                         .arg(label.toString(), what));
}

} // namespace assay
