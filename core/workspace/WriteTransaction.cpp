#include "WriteTransaction.h"

#include "AuditLog.h"
#include "Workspace.h"
#include "WorkspaceSchema.h"
#include "core/base/SqlQuery.h"

#include <QJsonDocument>

#include <algorithm>

namespace assay {

WriteTransaction::WriteTransaction(Workspace& workspace)
    : m_workspace(workspace)
    , m_now(workspace.now()) {}

const QSqlDatabase& WriteTransaction::database() const {
    return m_workspace.database();
}

const QString& WriteTransaction::actor() const {
    return m_replayActor.isEmpty() ? m_workspace.actor() : m_replayActor;
}

void WriteTransaction::replayAs(const QString& actor, qint64 at) {
    m_replayActor = actor;
    m_now = at;
}

QSqlQuery& WriteTransaction::cached(const QString& sql) {
    return m_workspace.cachedQuery(sql);
}

QSqlQuery WriteTransaction::run(const QString& sql, std::initializer_list<QVariant> values) {
    return SqlQuery::run(database(), sql, values);
}

qint64 WriteTransaction::insert(const QString& sql, std::initializer_list<QVariant> values) {
    QSqlQuery& query = cached(sql);
    for (const QVariant& value : values)
        SqlQuery::bind(query, value);
    SqlQuery::exec(query);
    return query.lastInsertId().toLongLong();
}

void WriteTransaction::loadAuditTail() {
    QSqlQuery& query = cached(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
    SqlQuery::exec(query);
    if (query.next()) {
        m_lastSeq = query.value(0).toLongLong();
        m_lastHash = query.value(1).toString().toLatin1();
    } else {
        m_lastSeq = 0;
        m_lastHash = AuditLog::genesisHash();
    }
    query.finish();
    m_tailLoaded = true;
}

void WriteTransaction::recordAuditHead() {
    // Workspaces made at an older schema (tests make them) have no place for it yet.
    QSqlQuery& version = cached(QStringLiteral("PRAGMA user_version"));
    SqlQuery::exec(version);
    const bool recorded = version.next() && version.value(0).toInt() >= WorkspaceSchema::auditHeadVersion;
    version.finish();
    if (!recorded)
        return;
    QSqlQuery& query =
        cached(QStringLiteral("INSERT OR REPLACE INTO workspace_meta (key, value) VALUES ('audit_head', ?)"));
    SqlQuery::bind(query, QStringLiteral("%1 %2").arg(m_lastSeq).arg(QString::fromLatin1(m_lastHash)));
    SqlQuery::exec(query);
}

void WriteTransaction::holdAuditForTimeOrder() {
    m_holding = true;
}

void WriteTransaction::appendHeldAuditInTimeOrder() {
    m_holding = false;
    std::stable_sort(m_held.begin(), m_held.end(),
                     [](const AuditEvent& a, const AuditEvent& b) { return a.at < b.at; });
    for (AuditEvent& event : m_held)
        append(std::move(event));
    m_held.clear();
}

AuditEvent WriteTransaction::audit(const QString& action, const QString& entity, const QJsonObject& payload) {
    AuditEvent event;
    event.at = m_now;
    event.actor = actor();
    event.action = action;
    event.entity = entity;
    event.payload = payload;
    if (m_holding) {
        m_held.push_back(event);
        return event; // no sequence number yet
    }
    return append(std::move(event));
}

AuditEvent WriteTransaction::append(AuditEvent event) {
    if (!m_tailLoaded)
        loadAuditTail();
    event.seq = m_lastSeq + 1;
    event.prevHash = m_lastHash;
    event.hash = AuditLog::chainHash(event.prevHash, event);

    QSqlQuery& query =
        cached(QStringLiteral("INSERT INTO audit_log (seq, at, actor, action, entity, payload, "
                              "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    SqlQuery::bind(query, event.seq);
    SqlQuery::bind(query, event.at);
    SqlQuery::bind(query, event.actor);
    SqlQuery::bind(query, event.action);
    SqlQuery::bind(query, event.entity);
    SqlQuery::bind(query, QString::fromUtf8(QJsonDocument(event.payload).toJson(QJsonDocument::Compact)));
    SqlQuery::bind(query, QString::fromLatin1(event.prevHash));
    SqlQuery::bind(query, QString::fromLatin1(event.hash));
    SqlQuery::exec(query);

    m_lastSeq = event.seq;
    m_lastHash = event.hash;
    ++m_auditEventCount;
    return event;
}

} // namespace assay
