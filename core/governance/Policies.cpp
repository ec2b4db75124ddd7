#include "Policies.h"

#include "core/base/AssayError.h"
#include "core/base/CanonicalJson.h"
#include "core/base/SqlQuery.h"
#include "core/identity/Identity.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

#include <QJsonObject>

namespace assay {
namespace {

QList<PolicyVersion> queryVersions(const QSqlDatabase& db, const QString& where,
                                   std::initializer_list<QVariant> values) {
    QSqlQuery query = SqlQuery::run(
        db,
        QStringLiteral("SELECT version, document, sha256, note, created_at, created_by FROM policies %1 "
                       "ORDER BY version DESC")
            .arg(where),
        values);
    QList<PolicyVersion> result;
    while (query.next()) {
        result.append({query.value(0).toInt(), query.value(1).toString().toUtf8(), query.value(2).toString(),
                       query.value(3).toString(), query.value(4).toLongLong(), query.value(5).toString()});
    }
    return result;
}

int store(WriteTransaction& tx, const QByteArray& json, const QString& note, const TierPolicy& policy) {
    const int version =
        SqlQuery::scalar(tx.database(), QStringLiteral("SELECT COALESCE(MAX(version), 0) + 1 FROM policies"))
            .toInt();
    const QString sha256 = CanonicalJson::sha256Hex(json);
    tx.run(QStringLiteral("INSERT INTO policies (version, document, sha256, note, created_at, created_by) "
                          "VALUES (?, ?, ?, ?, ?, ?)"),
           {version, QString::fromUtf8(json), sha256, note, tx.now(), tx.actor()});
    tx.audit(QStringLiteral("policy.publish"), QStringLiteral("policy:%1").arg(version),
             {{QStringLiteral("name"), policy.name()},
              {QStringLiteral("sha256"), sha256},
              {QStringLiteral("note"), note}});
    tx.changes().add(EntityKind::Policy, version);
    return version;
}

} // namespace

int Policies::publish(WriteTransaction& tx, const QByteArray& json, const QString& note) {
    Identity::requireRole(tx, Role::Admin, QStringLiteral("publish a tier policy"));
    const TierPolicy policy = TierPolicy::fromJson(json, QStringLiteral("the policy"));
    const PolicyVersion current = Policies(tx.workspace()).current();
    if (current.version > 0 && current.document == json)
        throw AssayError(QStringLiteral("The policy is unchanged from version %1; nothing to publish.")
                             .arg(current.version));
    if (current.version == 0)
        ensurePublished(tx);
    return store(tx, json, note.trimmed(), policy);
}

int Policies::ensurePublished(WriteTransaction& tx) {
    const QVariant latest =
        SqlQuery::scalar(tx.database(), QStringLiteral("SELECT MAX(version) FROM policies"));
    if (!latest.isNull())
        return latest.toInt();
    return store(tx, TierPolicy::defaultPolicyJson(), QStringLiteral("Assay's default policy"),
                 TierPolicy::defaultPolicy());
}

PolicyVersion Policies::current() const {
    const QList<PolicyVersion> latest = queryVersions(
        m_workspace.database(), QStringLiteral("WHERE version = (SELECT MAX(version) FROM policies)"), {});
    if (!latest.isEmpty())
        return latest.first();
    PolicyVersion builtIn;
    builtIn.document = TierPolicy::defaultPolicyJson();
    builtIn.sha256 = CanonicalJson::sha256Hex(builtIn.document);
    builtIn.note = QStringLiteral("Assay's default policy");
    return builtIn;
}

TierPolicy Policies::currentPolicy() const {
    const PolicyVersion version = current();
    return TierPolicy::fromJson(version.document, QStringLiteral("policy version %1").arg(version.version));
}

TierPolicy Policies::policy(int version) const {
    if (version == 0)
        return TierPolicy::defaultPolicy();
    const QList<PolicyVersion> found =
        queryVersions(m_workspace.database(), QStringLiteral("WHERE version = ?"), {version});
    if (found.isEmpty())
        throw AssayError(QStringLiteral("There is no policy version %1 in this workspace.").arg(version));
    return TierPolicy::fromJson(found.first().document, QStringLiteral("policy version %1").arg(version));
}

QList<PolicyVersion> Policies::history() const {
    return queryVersions(m_workspace.database(), {}, {});
}

} // namespace assay
