#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"
#include "core/identity/Identity.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/AuditLog.h"
#include "core/workspace/WorkspaceSchema.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"

#include <QSignalSpy>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::TemporaryWorkspace;

TEST_CASE("The first user of a new workspace is its admin", "[identity]") {
    TemporaryWorkspace ws(QStringLiteral("alice"));
    const Identity identity(ws.workspace());
    const QList<User> users = identity.users();
    REQUIRE(users.size() == 1);
    CHECK(users.first().login == QLatin1String("alice"));
    CHECK(users.first().roles == QList<Role>{Role::Admin});
    CHECK(AuditLog::verify(ws->database()).intact);
}

TEST_CASE("Only an admin manages users and roles", "[identity]") {
    TemporaryWorkspace ws(QStringLiteral("alice"));
    ws->write([](WriteTransaction& tx) {
        Identity::addUser(tx, QStringLiteral("bob"), QStringLiteral("Bob Martin"), {Role::DataScientist});
        Identity::addUser(tx, QStringLiteral("vera"), {}, {Role::Validator, Role::Analyst});
    });
    const Identity identity(ws.workspace());
    CHECK(identity.user(QStringLiteral("vera"))->roles == QList<Role>{Role::Analyst, Role::Validator});
    CHECK(identity.has(QStringLiteral("bob"), Role::DataScientist));
    CHECK_FALSE(identity.has(QStringLiteral("bob"), Role::Validator));

    const auto asBob = ws.reopen(QStringLiteral("bob"));
    CHECK_THROWS_WITH(asBob->write([](WriteTransaction& tx) {
        Identity::grantRole(tx, QStringLiteral("bob"), Role::Validator);
    }),
                      Catch::Contains("bob may not change roles") && Catch::Contains("admin role"));
    CHECK_THROWS_WITH(
        asBob->write([](WriteTransaction& tx) { Identity::addUser(tx, QStringLiteral("eve"), {}, {}); }),
        Catch::Contains("bob may not add users"));
    CHECK_FALSE(identity.has(QStringLiteral("bob"), Role::Validator));
    CHECK_FALSE(identity.user(QStringLiteral("eve")).has_value());

    ws->write([](WriteTransaction& tx) { Identity::grantRole(tx, QStringLiteral("bob"), Role::Validator); });
    CHECK(identity.has(QStringLiteral("bob"), Role::Validator));
    ws->write([](WriteTransaction& tx) { Identity::revokeRole(tx, QStringLiteral("bob"), Role::Validator); });
    CHECK_FALSE(identity.has(QStringLiteral("bob"), Role::Validator));
}

TEST_CASE("Identity refuses duplicates, unknown users and removing the last admin", "[identity]") {
    TemporaryWorkspace ws(QStringLiteral("alice"));
    CHECK_THROWS_WITH(
        ws->write([](WriteTransaction& tx) { Identity::addUser(tx, QStringLiteral("alice"), {}, {}); }),
        Catch::Contains("exists already"));
    CHECK_THROWS_WITH(ws->write([](WriteTransaction& tx) {
        Identity::grantRole(tx, QStringLiteral("ghost"), Role::Analyst);
    }),
                      Catch::Contains("no user \"ghost\""));
    CHECK_THROWS_WITH(ws->write([](WriteTransaction& tx) {
        Identity::revokeRole(tx, QStringLiteral("alice"), Role::Admin);
    }),
                      Catch::Contains("last admin"));
    ws->write([](WriteTransaction& tx) {
        Identity::addUser(tx, QStringLiteral("root2"), {}, {Role::Admin});
        Identity::revokeRole(tx, QStringLiteral("alice"), Role::Admin);
    });
    CHECK_FALSE(Identity(ws.workspace()).has(QStringLiteral("alice"), Role::Admin));
}

TEST_CASE("Every user and role write reports the user in its change set", "[identity]") {
    TemporaryWorkspace ws(QStringLiteral("alice"));
    QSignalSpy changed(&ws.workspace(), &Workspace::changed);
    const auto lastChanges = [&] {
        return changed.last().first().value<ChangeSet>();
    };
    qint64 bob = 0;
    ws->write([&](WriteTransaction& tx) {
        bob = Identity::addUser(tx, QStringLiteral("bob"), {}, {Role::Analyst});
    });
    REQUIRE(changed.count() == 1);
    CHECK(lastChanges().ids(EntityKind::User) == QSet<qint64>{bob});

    ws->write([](WriteTransaction& tx) { Identity::grantRole(tx, QStringLiteral("bob"), Role::Validator); });
    REQUIRE(changed.count() == 2);
    CHECK(lastChanges().ids(EntityKind::User) == QSet<qint64>{bob});

    ws->write([](WriteTransaction& tx) { Identity::revokeRole(tx, QStringLiteral("bob"), Role::Analyst); });
    REQUIRE(changed.count() == 3);
    CHECK(lastChanges().ids(EntityKind::User) == QSet<qint64>{bob});
    CHECK_FALSE(lastChanges().touches(EntityKind::Run));
}

TEST_CASE("A workspace from before users existed makes its creator the admin", "[identity][workspace]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.assay"));
    {
        WorkspaceOptions old;
        old.actor = QStringLiteral("founder");
        old.createAtVersion = 1;
        Workspace::create(path, old);
    }
    WorkspaceOptions later;
    later.actor = QStringLiteral("someone-else");
    const auto migrated = Workspace::open(path, later);
    const QList<User> users = Identity(*migrated).users();
    REQUIRE(users.size() == 1);
    CHECK(users.first().login == QLatin1String("founder"));
    CHECK(users.first().has(Role::Admin));
}

TEST_CASE("Role names round-trip", "[identity]") {
    for (Role role : allRoles())
        CHECK(roleFromName(roleName(role)) == role);
    CHECK_FALSE(roleFromName(QStringLiteral("overlord")).has_value());
}
