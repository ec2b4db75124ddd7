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
    // Whether the error is SQLite's "another connection holds the lock" (SQLITE_BUSY or
    // SQLITE_LOCKED), which on a shared workspace is expected and worth waiting out.
    static bool isBusy(const QSqlError& error);
    // Why a busy workspace refused, and what to do: "another Assay process kept it locked ...".
    static QString busyExplanation();
};

} // namespace assay
