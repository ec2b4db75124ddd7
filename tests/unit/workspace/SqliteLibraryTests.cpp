#include "core/base/SqlQuery.h"
#include "core/workspace/SqliteLibrary.h"
#include "tests/support/TemporaryWorkspace.h"

#include <QRegularExpression>
#include <QSqlDatabase>

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::TemporaryWorkspace;

TEST_CASE("SqliteLibrary reports the version of the SQLite that workspaces are opened with", "[sqlite]") {
    const QString version = SqliteLibrary::version();
    CHECK(QRegularExpression(QStringLiteral("^3\\.\\d+\\.\\d+$")).match(version).hasMatch());
    TemporaryWorkspace temporary;
    CHECK(SqlQuery::scalar(temporary.workspace().database(), QStringLiteral("SELECT sqlite_version()"))
              .toString() == version);
    // Asking leaves no connection behind.
    const QStringList before = QSqlDatabase::connectionNames();
    SqliteLibrary::version();
    CHECK(QSqlDatabase::connectionNames() == before);
}
