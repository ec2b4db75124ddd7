#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>

namespace assay {

// Thin helpers over QSqlQuery that throw AssayError instead of returning false, so that a
// failed statement can never be silently ignored inside a transaction.
class SqlQuery {
public:
    static QSqlQuery prepare(const QSqlDatabase& db, const QString& sql);
    // Binds the next positional value. A null QString binds as '' rather than SQL NULL: text
    // columns are NOT NULL, and a default-constructed QString means "no text", not "unknown".
    // Intended NULLs are typed null variants of integer or real type.
    static void bind(QSqlQuery& query, const QVariant& value);
    static void exec(QSqlQuery& query);
    static QSqlQuery run(const QSqlDatabase& db, const QString& sql,
                         std::initializer_list<QVariant> values = {});
    static QVariant scalar(const QSqlDatabase& db, const QString& sql,
                           std::initializer_list<QVariant> values = {});
    // SQLite's "database is locked" (or "table is locked"): another connection held a lock for
    // longer than this one waits (SqliteBusyWait).
    static bool isBusy(const QSqlError& error);
};

} // namespace assay
