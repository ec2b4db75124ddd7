#include "SqlQuery.h"

#include "AssayError.h"

#include <QSqlError>

namespace assay {
namespace {

// Raw SQLite messages ("database is locked") mean nothing to a reviewer; a lock held by another
// process is an expected event on a shared workspace, and says so.
AssayError failure(const QSqlError& error, const QString& sql) {
    if (SqlQuery::isBusy(error))
        return AssayError(QStringLiteral("The workspace is busy: %1").arg(SqlQuery::busyExplanation()));
    return AssayError(QStringLiteral("Database error: %1 (in: %2)").arg(error.text(), sql));
}

} // namespace

QSqlQuery SqlQuery::prepare(const QSqlDatabase& db, const QString& sql) {
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        throw failure(query.lastError(), sql);
    return query;
}

void SqlQuery::bind(QSqlQuery& query, const QVariant& value) {
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        query.addBindValue(QStringLiteral(""));
    else
        query.addBindValue(value);
}

void SqlQuery::exec(QSqlQuery& query) {
    if (!query.exec())
        throw failure(query.lastError(), query.lastQuery());
}

QSqlQuery SqlQuery::run(const QSqlDatabase& db, const QString& sql, std::initializer_list<QVariant> values) {
    QSqlQuery query = prepare(db, sql);
    for (const QVariant& value : values)
        bind(query, value);
    exec(query);
    return query;
}

QString SqlQuery::busyExplanation() {
    return QStringLiteral("another Assay process kept it locked longer than this one could wait (a long "
                          "import or backup, or a slow network share). Nothing was changed; try again in "
                          "a moment.");
}

bool SqlQuery::isBusy(const QSqlError& error) {
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("5") || code == QLatin1String("6");
}

QVariant SqlQuery::scalar(const QSqlDatabase& db, const QString& sql,
                          std::initializer_list<QVariant> values) {
    QSqlQuery query = run(db, sql, values);
    return query.next() ? query.value(0) : QVariant{};
}

} // namespace assay
