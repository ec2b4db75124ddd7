#include "SqliteLibrary.h"

#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QUuid>

namespace assay {

QString SqliteLibrary::version() {
    // A connection of its own, in memory: asking does not depend on a workspace being open, and
    // a connection may only be used by the thread that made it.
    const QString name =
        QStringLiteral("assay-sqlite-version-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString result;
    QString failure;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        try {
            if (db.open())
                result = SqlQuery::scalar(db, QStringLiteral("SELECT sqlite_version()")).toString();
            else
                failure = db.lastError().text();
        } catch (const AssayError& error) {
            failure = error.message();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (result.isEmpty())
        throw AssayError(QStringLiteral("Cannot ask SQLite for its version: %1").arg(failure));
    return result;
}

} // namespace assay
