#include "SqlQuery.h"

#include "AssayError.h"

#include <QSqlError>

namespace assay {

QSqlQuery SqlQuery::prepare(const QSqlDatabase& db, const QString& sql) {
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        throw AssayError(QStringLiteral("Database error: %1 (in: %2)").arg(query.lastError().text(), sql));
    return query;
}

void SqlQuery::bind(QSqlQuery& query, const QVariant& value) {
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        query.addBindValue(QStringLiteral(""));
    else
        query.addBindValue(value);
}

void SqlQuery::exec(QSqlQuery& query) {
    if (!query.exec()) {
        // Not SQLite's words: they would read as a fault in the file, where another process
        // simply kept writing (many commits in a row on a network share) while this one waited.
        if (isBusy(query.lastError()))
            throw AssayError(QStringLiteral("The workspace is busy: another process held its lock for longer "
                                            "than Assay waits. Nothing was changed; try again."));
        throw AssayError(
            QStringLiteral("Database error: %1 (in: %2)").arg(query.lastError().text(), query.lastQuery()));
    }
}

QSqlQuery SqlQuery::run(const QSqlDatabase& db, const QString& sql, std::initializer_list<QVariant> values) {
    QSqlQuery query = prepare(db, sql);
    for (const QVariant& value : values)
        bind(query, value);
    exec(query);
    return query;
}

QVariant SqlQuery::scalar(const QSqlDatabase& db, const QString& sql,
                          std::initializer_list<QVariant> values) {
    QSqlQuery query = run(db, sql, values);
    return query.next() ? query.value(0) : QVariant{};
}

bool SqlQuery::isBusy(const QSqlError& error) {
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("5") || code == QLatin1String("6"); // SQLITE_BUSY, SQLITE_LOCKED
}

} // namespace assay
