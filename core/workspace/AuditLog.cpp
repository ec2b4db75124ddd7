#include "AuditLog.h"

#include "core/base/CanonicalJson.h"
#include "core/base/SqlQuery.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonParseError>

namespace assay {
namespace {

AuditVerification broken(AuditVerification result, qint64 seq, const QString& problem) {
    result.intact = false;
    result.brokenAt = seq;
    result.problem = problem;
    return result;
}

} // namespace

QByteArray AuditLog::genesisHash() {
    return QByteArray(64, '0');
}

QByteArray AuditLog::canonicalJson(const AuditEvent& event) {
    const QJsonObject object{
        {QStringLiteral("seq"), event.seq},       {QStringLiteral("at"), event.at},
        {QStringLiteral("actor"), event.actor},   {QStringLiteral("action"), event.action},
        {QStringLiteral("entity"), event.entity}, {QStringLiteral("payload"), event.payload},
    };
    return CanonicalJson::serialize(object);
}

QByteArray AuditLog::chainHash(const QByteArray& prevHash, const AuditEvent& event) {
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(prevHash);
    hash.addData(canonicalJson(event));
    return hash.result().toHex();
}

QString AuditLog::eventColumns() {
    return QStringLiteral("seq, at, actor, action, entity, payload, prev_hash, hash");
}

AuditEvent AuditLog::eventFromRow(const QSqlQuery& query) {
    AuditEvent event;
    event.seq = query.value(0).toLongLong();
    event.at = query.value(1).toLongLong();
    event.actor = query.value(2).toString();
    event.action = query.value(3).toString();
    event.entity = query.value(4).toString();
    event.payload = QJsonDocument::fromJson(query.value(5).toString().toUtf8()).object();
    event.prevHash = query.value(6).toString().toLatin1();
    event.hash = query.value(7).toString().toLatin1();
    return event;
}

AuditVerification AuditLog::verify(const QSqlDatabase& db) {
    AuditVerification result;
    QSqlQuery query = SqlQuery::run(
        db, QStringLiteral("SELECT seq, at, actor, action, entity, payload, prev_hash, hash FROM audit_log "
                           "ORDER BY seq"));
    QByteArray expectedPrev = genesisHash();
    qint64 expectedSeq = 1;
    while (query.next()) {
        AuditEvent event;
        event.seq = query.value(0).toLongLong();
        event.at = query.value(1).toLongLong();
        event.actor = query.value(2).toString();
        event.action = query.value(3).toString();
        event.entity = query.value(4).toString();
        const QByteArray payloadText = query.value(5).toString().toUtf8();
        event.prevHash = query.value(6).toString().toLatin1();
        event.hash = query.value(7).toString().toLatin1();

        if (event.seq != expectedSeq) {
            return broken(result, expectedSeq,
                          event.seq > expectedSeq
                              ? QStringLiteral("event %1 is missing: the chain jumps from %2 to %3")
                                    .arg(expectedSeq)
                                    .arg(expectedSeq - 1)
                                    .arg(event.seq)
                              : QStringLiteral("event %1 is out of sequence").arg(event.seq));
        }
        QJsonParseError parseError{};
        const QJsonDocument payload = QJsonDocument::fromJson(payloadText, &parseError);
        if (parseError.error != QJsonParseError::NoError || !payload.isObject())
            return broken(result, event.seq,
                          QStringLiteral("event %1 has a payload that is not JSON").arg(event.seq));
        event.payload = payload.object();
        if (event.prevHash != expectedPrev) {
            return broken(result, event.seq,
                          QStringLiteral("event %1 does not link to the event before it").arg(event.seq));
        }
        if (chainHash(event.prevHash, event) != event.hash) {
            return broken(result, event.seq,
                          QStringLiteral("event %1 was altered after it was written").arg(event.seq));
        }
        expectedPrev = event.hash;
        result.verifiedThrough = event.seq;
        ++result.eventCount;
        ++expectedSeq;
    }
    return result;
}

} // namespace assay
