// assay-cli user: user administration through the built binary, acting as an admin (ci-bot,
// who creates the workspaces) and as users who are not.
#include "tests/support/CliRunner.h"
#include "tests/support/TemporaryWorkspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using assay::test::CliResult;
using assay::test::runCli;
using assay::test::runCliAs;
using assay::test::runCommand;

namespace {

const QString roleNames = QStringLiteral("admin, data_scientist, analyst, validator, risk_officer");

// A new workspace whose only user, and admin, is ci-bot.
QString newWorkspace(const QTemporaryDir& dir) {
    const QString path = dir.filePath(QStringLiteral("w.assay"));
    REQUIRE(runCli({QStringLiteral("init"), path}).status == 0);
    return path;
}

CliResult user(const QString& workspace, const QStringList& arguments) {
    return runCli(QStringList{QStringLiteral("user")} + arguments +
                  QStringList{QStringLiteral("-w"), workspace});
}

QJsonArray usersAsJson(const QString& workspace) {
    const CliResult listed =
        user(workspace, {QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(listed.status == 0);
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(listed.out.toUtf8(), &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    return document.array();
}

// login -> roles, from user list --format json
QMap<QString, QStringList> rolesByLogin(const QString& workspace) {
    QMap<QString, QStringList> roles;
    for (const QJsonValue& entry : usersAsJson(workspace)) {
        QStringList names;
        for (const QJsonValue& role : entry.toObject().value(QStringLiteral("roles")).toArray())
            names << role.toString();
        roles.insert(entry.toObject().value(QStringLiteral("login")).toString(), names);
    }
    return roles;
}

} // namespace

TEST_CASE("user add, grant and revoke show in user list", "[cli][user]") {
    QTemporaryDir dir;
    const QString workspace = newWorkspace(dir);
    const CliResult added = user(workspace, {QStringLiteral("add"), QStringLiteral("bob"),
                                             QStringLiteral("--name"), QStringLiteral("Bob Martin"),
                                             QStringLiteral("--role"), QStringLiteral("data_scientist"),
                                             QStringLiteral("--role"), QStringLiteral("validator")});
    CHECK(added.status == 0);
    CHECK(added.err.isEmpty());
    REQUIRE(user(workspace, {QStringLiteral("add"), QStringLiteral("vera")}).status == 0);
    CHECK(rolesByLogin(workspace) ==
          QMap<QString, QStringList>{
              {QStringLiteral("bob"), {QStringLiteral("data_scientist"), QStringLiteral("validator")}},
              {QStringLiteral("ci-bot"), {QStringLiteral("admin")}},
              {QStringLiteral("vera"), {}}});

    const CliResult granted =
        user(workspace, {QStringLiteral("grant"), QStringLiteral("vera"), QStringLiteral("risk_officer")});
    CHECK(granted.status == 0);
    const CliResult revoked =
        user(workspace, {QStringLiteral("revoke"), QStringLiteral("bob"), QStringLiteral("validator")});
    CHECK(revoked.status == 0);
    const QMap<QString, QStringList> roles = rolesByLogin(workspace);
    CHECK(roles.value(QStringLiteral("bob")) == QStringList{QStringLiteral("data_scientist")});
    CHECK(roles.value(QStringLiteral("vera")) == QStringList{QStringLiteral("risk_officer")});

    const CliResult table = user(workspace, {QStringLiteral("list")});
    REQUIRE(table.status == 0);
    const QStringList lines = table.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].simplified() == QLatin1String("login name roles"));
    CHECK(lines[1].simplified() == QLatin1String("bob Bob Martin data_scientist"));
    CHECK(lines[2].simplified() == QLatin1String("ci-bot admin"));
    CHECK(lines[3].simplified() == QLatin1String("vera risk_officer"));
    CHECK(lines[1].indexOf(QLatin1String("data_scientist")) == lines[0].indexOf(QLatin1String("roles")));

    // each write is recorded once, after init's workspace.create and ci-bot's user.add
    const CliResult audit =
        runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("-w"), workspace});
    CHECK(audit.status == 0);
    CHECK(audit.out.contains(QLatin1String("intact, 6 events")));
    QByteArray events;
    REQUIRE(runCommand(QStringLiteral("sqlite3"),
                       {workspace,
                        QStringLiteral("SELECT action, entity FROM audit_log WHERE seq > 2 ORDER BY seq")},
                       &events) == 0);
    CHECK(events == "user.add|user:bob\nuser.add|user:vera\nrole.grant|user:vera\nrole.revoke|user:bob\n");
}

TEST_CASE("user list --format json gives login, display name and roles", "[cli][user]") {
    QTemporaryDir dir;
    const QString workspace = newWorkspace(dir);
    REQUIRE(user(workspace, {QStringLiteral("add"), QStringLiteral("ann"), QStringLiteral("--name"),
                             QStringLiteral("Ann Lee"), QStringLiteral("--role"), QStringLiteral("analyst")})
                .status == 0);
    const QJsonArray users = usersAsJson(workspace);
    REQUIRE(users.size() == 2);
    const QJsonObject ann = users.at(0).toObject();
    CHECK(ann.value(QStringLiteral("login")).toString() == QLatin1String("ann"));
    CHECK(ann.value(QStringLiteral("display_name")).toString() == QLatin1String("Ann Lee"));
    CHECK(ann.value(QStringLiteral("roles")).toArray() == QJsonArray{QStringLiteral("analyst")});
    CHECK(users.at(1).toObject().value(QStringLiteral("login")).toString() == QLatin1String("ci-bot"));

    const CliResult xml =
        user(workspace, {QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("xml")});
    CHECK(xml.status == 2);
    CHECK(xml.err.contains(QLatin1String("--format must be table or json")));
}

TEST_CASE("Only an admin may change users: others are refused naming the role", "[cli][user]") {
    QTemporaryDir dir;
    const QString workspace = newWorkspace(dir);
    REQUIRE(user(workspace, {QStringLiteral("add"), QStringLiteral("bob"), QStringLiteral("--role"),
                             QStringLiteral("data_scientist")})
                .status == 0);
    const QStringList asBob{QStringLiteral("-w"), workspace, QStringLiteral("user")};

    const CliResult grant =
        runCliAs(QStringLiteral("bob"), asBob + QStringList{QStringLiteral("grant"), QStringLiteral("bob"),
                                                            QStringLiteral("admin")});
    CHECK(grant.status == 1);
    CHECK(grant.err.startsWith(QLatin1String("assay-cli: bob may not change roles")));
    CHECK(grant.err.contains(QLatin1String("admin role")));
    CHECK(grant.err.count(QLatin1Char('\n')) == 1);

    const CliResult add =
        runCliAs(QStringLiteral("bob"), asBob + QStringList{QStringLiteral("add"), QStringLiteral("eve")});
    CHECK(add.status == 1);
    CHECK(add.err.contains(QLatin1String("bob may not add users")));
    CHECK(add.err.contains(QLatin1String("admin role")));

    // listing is for everyone
    CHECK(runCliAs(QStringLiteral("bob"), asBob + QStringList{QStringLiteral("list")}).status == 0);
    CHECK(rolesByLogin(workspace) ==
          QMap<QString, QStringList>{{QStringLiteral("bob"), {QStringLiteral("data_scientist")}},
                                     {QStringLiteral("ci-bot"), {QStringLiteral("admin")}}});
}

TEST_CASE("An unknown role is a usage error listing the roles", "[cli][user]") {
    QTemporaryDir dir;
    const QString workspace = newWorkspace(dir);
    const CliResult add = user(workspace, {QStringLiteral("add"), QStringLiteral("eve"),
                                           QStringLiteral("--role"), QStringLiteral("superuser")});
    CHECK(add.status == 2);
    CHECK(add.err == QStringLiteral("assay-cli: unknown role \"superuser\"; the roles are ") + roleNames +
                         QStringLiteral("\nTry 'assay-cli --help'.\n"));
    CHECK_FALSE(rolesByLogin(workspace).contains(QStringLiteral("eve")));

    const CliResult grant =
        user(workspace, {QStringLiteral("grant"), QStringLiteral("ci-bot"), QStringLiteral("Admin")});
    CHECK(grant.status == 2);
    CHECK(grant.err.contains(roleNames));

    const CliResult missing = user(workspace, {QStringLiteral("revoke"), QStringLiteral("ci-bot")});
    CHECK(missing.status == 2);
    CHECK(missing.err.contains(QLatin1String("user revoke takes a LOGIN and a ROLE")));
}

TEST_CASE("The last admin cannot lose the admin role", "[cli][user]") {
    QTemporaryDir dir;
    const QString workspace = newWorkspace(dir);
    const CliResult refused =
        user(workspace, {QStringLiteral("revoke"), QStringLiteral("ci-bot"), QStringLiteral("admin")});
    CHECK(refused.status == 1);
    CHECK(refused.err ==
          QLatin1String(
              "assay-cli: ci-bot is the last admin of this workspace; make someone else admin first.\n"));
    CHECK(rolesByLogin(workspace).value(QStringLiteral("ci-bot")) == QStringList{QStringLiteral("admin")});

    // with a second admin it is allowed
    REQUIRE(user(workspace, {QStringLiteral("add"), QStringLiteral("ada"), QStringLiteral("--role"),
                             QStringLiteral("admin")})
                .status == 0);
    CHECK(user(workspace, {QStringLiteral("revoke"), QStringLiteral("ci-bot"), QStringLiteral("admin")})
              .status == 0);
    CHECK(rolesByLogin(workspace).value(QStringLiteral("ci-bot")).isEmpty());
}

TEST_CASE("user without a known subcommand is a usage error", "[cli][user]") {
    const CliResult none = runCli({QStringLiteral("user")});
    CHECK(none.status == 2);
    CHECK(none.err.contains(QLatin1String("user takes a subcommand: list, add, grant or revoke")));
    const CliResult unknown =
        runCli({QStringLiteral("user"), QStringLiteral("delete"), QStringLiteral("bob")});
    CHECK(unknown.status == 2);
    CHECK(unknown.err.contains(QLatin1String("unknown subcommand \"delete\"")));
}
