#include "AuditTrail.h"

#include "core/base/SqlQuery.h"
#include "core/workspace/AuditLog.h"
#include "core/workspace/Workspace.h"

#include <QJsonDocument>
#include <QSet>

namespace assay {
namespace {

const QString columns = AuditLog::eventColumns();

// LIKE's wildcards in what the user typed match themselves.
QString likeEscaped(const QString& text) {
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return escaped;
}

QString containing(const QString& text) {
    return QLatin1Char('%') + likeEscaped(text) + QLatin1Char('%');
}

// The WHERE clause (without the keyword; "1" for none) and its values, in order.
struct Where {
    QStringList terms;
    QVariantList values;

    void add(const QString& term, const QVariantList& termValues) {
        terms << term;
        values << termValues;
    }
    QString sql() const {
        return terms.isEmpty() ? QStringLiteral("1") : terms.join(QStringLiteral(" AND "));
    }
};

Where whereOf(const AuditFilter& filter) {
    Where where;
    if (!filter.actor.isEmpty())
        where.add(QStringLiteral("actor = ?"), {filter.actor});
    if (filter.action.endsWith(QLatin1Char('.')))
        where.add(QStringLiteral("action LIKE ? ESCAPE '\\'"),
                  {likeEscaped(filter.action) + QLatin1Char('%')});
    else if (!filter.action.isEmpty())
        where.add(QStringLiteral("action = ?"), {filter.action});
    if (!filter.entity.isEmpty())
        where.add(QStringLiteral("entity LIKE ? ESCAPE '\\'"), {containing(filter.entity)});
    if (filter.from)
        where.add(QStringLiteral("at >= ?"), {*filter.from});
    if (filter.to)
        where.add(QStringLiteral("at <= ?"), {*filter.to});
    if (!filter.text.isEmpty()) {
        const QString pattern = containing(filter.text);
        where.add(QStringLiteral("(actor LIKE ? ESCAPE '\\' OR action LIKE ? ESCAPE '\\' OR entity LIKE ? "
                                 "ESCAPE '\\' OR payload LIKE ? ESCAPE '\\')"),
                  {pattern, pattern, pattern, pattern});
    }
    return where;
}

QSqlQuery run(const Workspace& workspace, const QString& sql, const QVariantList& values) {
    QSqlQuery query = SqlQuery::prepare(workspace.database(), sql);
    for (const QVariant& value : values)
        SqlQuery::bind(query, value);
    SqlQuery::exec(query);
    return query;
}

QStringList distinct(const Workspace& workspace, const QString& column) {
    QSqlQuery query = SqlQuery::run(
        workspace.database(), QStringLiteral("SELECT DISTINCT %1 FROM audit_log ORDER BY %1").arg(column));
    QStringList values;
    while (query.next())
        values << query.value(0).toString();
    return values;
}

} // namespace

QList<AuditEvent> AuditTrail::events(const AuditFilter& filter, int limit, qint64 beforeSeq) const {
    Where where = whereOf(filter);
    if (beforeSeq > 0)
        where.add(QStringLiteral("seq < ?"), {beforeSeq});
    QVariantList values = where.values;
    values << limit;
    QSqlQuery query = run(m_workspace,
                          QStringLiteral("SELECT %1 FROM audit_log WHERE %2 ORDER BY seq DESC LIMIT ?")
                              .arg(columns, where.sql()),
                          values);
    QList<AuditEvent> events;
    while (query.next())
        events << AuditLog::eventFromRow(query);
    return events;
}

qint64 AuditTrail::count(const AuditFilter& filter) const {
    const Where where = whereOf(filter);
    QSqlQuery query =
        run(m_workspace, QStringLiteral("SELECT count(*) FROM audit_log WHERE %1").arg(where.sql()),
            where.values);
    return query.next() ? query.value(0).toLongLong() : 0;
}

std::optional<AuditEvent> AuditTrail::event(qint64 seq) const {
    QSqlQuery query =
        run(m_workspace, QStringLiteral("SELECT %1 FROM audit_log WHERE seq = ?").arg(columns), {seq});
    if (!query.next())
        return std::nullopt;
    return AuditLog::eventFromRow(query);
}

qint64 AuditTrail::lastSeq() const {
    return SqlQuery::scalar(m_workspace.database(),
                            QStringLiteral("SELECT coalesce(max(seq), 0) FROM audit_log"))
        .toLongLong();
}

QStringList AuditTrail::actors() const {
    return distinct(m_workspace, QStringLiteral("actor"));
}

QStringList AuditTrail::actions() const {
    return distinct(m_workspace, QStringLiteral("action"));
}

QList<AuditFieldChange> AuditTrail::changes(const AuditEvent& event) const {
    QList<AuditFieldChange> changes;
    QSet<QString> open;
    for (auto it = event.payload.constBegin(); it != event.payload.constEnd(); ++it) {
        changes.append({it.key(), std::nullopt, it.value(), 0});
        open.insert(it.key());
    }
    if (open.isEmpty())
        return changes;
    // Walks back through the entity's events only as far as needed to find every key.
    QSqlQuery query = run(m_workspace,
                          QStringLiteral("SELECT seq, payload FROM audit_log WHERE entity = ? AND seq < ? "
                                         "ORDER BY seq DESC"),
                          {event.entity, event.seq});
    while (!open.isEmpty() && query.next()) {
        const qint64 seq = query.value(0).toLongLong();
        const QJsonObject earlier = QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object();
        for (AuditFieldChange& change : changes) {
            if (open.contains(change.key) && earlier.contains(change.key)) {
                change.before = earlier.value(change.key);
                change.beforeSeq = seq;
                open.remove(change.key);
            }
        }
    }
    return changes;
}

} // namespace assay
