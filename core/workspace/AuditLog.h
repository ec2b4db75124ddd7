#pragma once

#include "AuditEvent.h"
#include "AuditVerification.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace assay {

// The append-only, hash-chained audit trail (DESIGN §3). Appending happens only through
// WriteTransaction::audit, inside the same transaction as the change it records.
class AuditLog {
public:
    static QByteArray genesisHash();
    // The bytes that are hashed: the event as compact JSON with keys in sorted order.
    static QByteArray canonicalJson(const AuditEvent& event);
    static QByteArray chainHash(const QByteArray& prevHash, const AuditEvent& event);

    // Walks the whole chain from the first event and reports the first sequence number at which
    // a row was edited, removed, inserted or reordered.
    static AuditVerification verify(const QSqlDatabase& db);

    // The columns readers select, in the order eventFromRow reads them.
    static QString eventColumns();
    // An event from a row selected with eventColumns(). A payload that is not a JSON object
    // (tampering) reads as empty; verify() reports it.
    static AuditEvent eventFromRow(const QSqlQuery& query);
};

} // namespace assay
