#pragma once

#include "AuditEvent.h"
#include "ChangeSet.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <initializer_list>
#include <vector>

namespace assay {

class Workspace;

// The handle a write body receives from Workspace::write. All SQL that changes a workspace runs
// through it, and every transaction must record at least one audit event, in the same
// transaction, or it is rolled back.
class WriteTransaction {
public:
    explicit WriteTransaction(Workspace& workspace);
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    const QSqlDatabase& database() const;
    // For reading through core's reader classes inside the transaction, on its connection.
    const Workspace& workspace() const { return m_workspace; }
    // A prepared statement kept for the life of the connection: hot write paths reuse it.
    QSqlQuery& cached(const QString& sql);
    QSqlQuery run(const QString& sql, std::initializer_list<QVariant> values = {});
    qint64 insert(const QString& sql, std::initializer_list<QVariant> values);

    AuditEvent audit(const QString& action, const QString& entity, const QJsonObject& payload);
    int auditEventCount() const { return m_auditEventCount; }
    // Records the chain's new head in workspace_meta; Workspace::write calls it before commit.
    void recordAuditHead();

    // Records the writes that follow as made by actor at the given time: for replaying a history
    // that happened elsewhere, as the demo's synthesized past does. The actor's name proves
    // nothing by itself (ASSAY_USER sets it too); decisions are proven by their signatures, made
    // with the actor's own key.
    void replayAs(const QString& actor, qint64 at);
    // From here on audit events are held back, and appended in the order of their times (stable
    // for equal times) when the body ends, so that a replayed history written in another order,
    // as the demo writes model by model, still reads forward in time, as a real trail would.
    // Nothing after it may depend on the held events' sequence numbers.
    void holdAuditForTimeOrder();
    // Appends the held events; Workspace::write calls it once the body returns.
    void appendHeldAuditInTimeOrder();

    ChangeSet& changes() { return m_changes; }
    const ChangeSet& changes() const { return m_changes; }
    const QString& actor() const;
    qint64 now() const { return m_now; }

private:
    void loadAuditTail();
    AuditEvent append(AuditEvent event);

    Workspace& m_workspace;
    qint64 m_now;
    QString m_replayActor;
    ChangeSet m_changes;
    int m_auditEventCount = 0;
    bool m_tailLoaded = false;
    qint64 m_lastSeq = 0;
    QByteArray m_lastHash;
    bool m_holding = false;
    std::vector<AuditEvent> m_held;
};

} // namespace assay
