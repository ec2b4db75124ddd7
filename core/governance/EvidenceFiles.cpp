#include "EvidenceFiles.h"

#include "core/base/AssayError.h"
#include "core/base/CanonicalJson.h"
#include "core/base/SqlQuery.h"
#include "core/base/VersionLock.h"
#include "core/identity/Identity.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

#include <QJsonObject>

namespace assay {

QStringList EvidenceFiles::kinds() {
    return {QStringLiteral("validation_report"), QStringLiteral("fairness_metrics"), QStringLiteral("other")};
}

QString EvidenceFiles::kindLabel(const QString& kind) {
    if (kind == QLatin1String("validation_report"))
        return QStringLiteral("Validation report");
    if (kind == QLatin1String("fairness_metrics"))
        return QStringLiteral("Fairness metrics");
    return QStringLiteral("Other evidence");
}

qint64 EvidenceFiles::add(WriteTransaction& tx, qint64 versionId, const QString& kind, const QString& name,
                          const QString& mediaType, const QByteArray& content) {
    QSqlQuery version =
        SqlQuery::run(tx.database(),
                      QStringLiteral("SELECT m.name, v.version, m.owner FROM model_versions v "
                                     "JOIN registered_models m ON m.id = v.model_id WHERE v.id = ?"),
                      {versionId});
    if (!version.next())
        throw AssayError(QStringLiteral("There is no model version with id %1.").arg(versionId));
    const QString entity =
        QStringLiteral("model:%1/%2").arg(version.value(0).toString()).arg(version.value(1).toInt());
    const bool isOwner = version.value(2).toString() == tx.actor();
    version.finish();
    if (!isOwner && !Identity::actorHas(tx, Role::DataScientist))
        Identity::requireRole(tx, Role::Validator, QStringLiteral("file evidence for ") + entity);
    if (!kinds().contains(kind))
        throw AssayError(QStringLiteral("\"%1\" is not a kind of evidence; use %2.")
                             .arg(kind, kinds().join(QStringLiteral(", "))));
    if (name.trimmed().isEmpty())
        throw AssayError(QStringLiteral("An evidence file needs a name."));
    VersionLock::requireEditable(tx.database(), versionId, QStringLiteral("evidence"));
    if (!SqlQuery::scalar(tx.database(),
                          QStringLiteral("SELECT 1 FROM version_evidence WHERE version_id = ? AND name = ?"),
                          {versionId, name})
             .isNull())
        throw AssayError(QStringLiteral("%1 has an evidence file named \"%2\" already.").arg(entity, name));

    const QString sha256 = CanonicalJson::sha256Hex(content);
    const qint64 id = tx.insert(
        QStringLiteral(
            "INSERT INTO version_evidence (version_id, kind, name, media_type, sha256, size, content, "
            "added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {versionId, kind, name, mediaType, sha256, static_cast<qint64>(content.size()), content, tx.now(),
         tx.actor()});
    tx.audit(QStringLiteral("evidence.add"), entity,
             {{QStringLiteral("kind"), kind},
              {QStringLiteral("name"), name},
              {QStringLiteral("sha256"), sha256},
              {QStringLiteral("size"), static_cast<qint64>(content.size())}});
    tx.changes().add(EntityKind::Evidence, versionId);
    return id;
}

QList<EvidenceFile> EvidenceFiles::files(qint64 versionId) const {
    QSqlQuery query =
        SqlQuery::run(m_workspace.database(),
                      QStringLiteral("SELECT id, version_id, kind, name, media_type, sha256, size, "
                                     "added_at, added_by FROM version_evidence WHERE version_id = ? "
                                     "ORDER BY kind, name"),
                      {versionId});
    QList<EvidenceFile> result;
    while (query.next()) {
        result.append({query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toString(),
                       query.value(3).toString(), query.value(4).toString(), query.value(5).toString(),
                       query.value(6).toLongLong(), query.value(7).toLongLong(), query.value(8).toString()});
    }
    return result;
}

QByteArray EvidenceFiles::content(qint64 fileId) const {
    return SqlQuery::scalar(m_workspace.database(),
                            QStringLiteral("SELECT content FROM version_evidence WHERE id = ?"), {fileId})
        .toByteArray();
}

} // namespace assay
