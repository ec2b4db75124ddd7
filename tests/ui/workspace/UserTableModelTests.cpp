#include "core/base/SqlQuery.h"
#include "core/identity/Identity.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/workspace/UserTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::TemporaryWorkspace;

namespace {

// tester (admin, from TemporaryWorkspace), bob (data scientist) and vera (analyst, validator).
void addTeam(Workspace& workspace) {
    workspace.write([](WriteTransaction& tx) {
        Identity::addUser(tx, QStringLiteral("bob"), QStringLiteral("Bob Martin"), {Role::DataScientist});
        Identity::addUser(tx, QStringLiteral("vera"), {}, {Role::Analyst, Role::Validator});
    });
}

qint64 auditEventCount(const Workspace& workspace) {
    return SqlQuery::scalar(workspace.database(), QStringLiteral("SELECT count(*) FROM audit_log"))
        .toLongLong();
}

// "role.grant user:bob validator"
QString lastAuditEvent(const Workspace& workspace) {
    QSqlQuery query = SqlQuery::run(workspace.database(),
                                    QStringLiteral("SELECT action, entity, json_extract(payload, '$.role') "
                                                   "FROM audit_log ORDER BY seq DESC LIMIT 1"));
    REQUIRE(query.next());
    return QStringLiteral("%1 %2 %3")
        .arg(query.value(0).toString(), query.value(1).toString(), query.value(2).toString());
}

Qt::CheckState checkState(const UserTableModel& model, const QString& login, Role role) {
    const QModelIndex index = model.index(model.rowOf(login), UserTableModel::columnOf(role));
    return static_cast<Qt::CheckState>(index.data(Qt::CheckStateRole).toInt());
}

bool setRole(UserTableModel& model, const QString& login, Role role, Qt::CheckState state) {
    return model.setData(model.index(model.rowOf(login), UserTableModel::columnOf(role)), state,
                         Qt::CheckStateRole);
}

} // namespace

TEST_CASE("The user table has a row per user and a checked cell per role held, as core says", "[users]") {
    TemporaryWorkspace ws;
    addTeam(ws.workspace());
    WorkspaceSession session;
    session.setWorkspace(ws.reopen());
    UserTableModel model(session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    REQUIRE(model.rowCount() == 3);
    REQUIRE(model.columnCount() == 2 + static_cast<int>(allRoles().size()));
    CHECK(model.headerData(UserTableModel::LoginColumn, Qt::Horizontal).toString() == QLatin1String("Login"));
    CHECK(model.headerData(UserTableModel::NameColumn, Qt::Horizontal).toString() == QLatin1String("Name"));
    CHECK(model.headerData(UserTableModel::columnOf(Role::DataScientist), Qt::Horizontal).toString() ==
          QLatin1String("Data scientist"));
    // In core's order: by login.
    CHECK(model.index(0, UserTableModel::LoginColumn).data().toString() == QLatin1String("bob"));
    CHECK(model.index(0, UserTableModel::NameColumn).data().toString() == QLatin1String("Bob Martin"));
    CHECK(model.index(1, UserTableModel::LoginColumn).data().toString() == QLatin1String("tester"));
    CHECK(model.index(2, UserTableModel::LoginColumn).data().toString() == QLatin1String("vera"));

    const Identity identity(*session.workspace());
    for (const User& user : identity.users()) {
        for (Role role : allRoles()) {
            INFO(user.login.toStdString() << " " << roleName(role).toStdString());
            CHECK(checkState(model, user.login, role) == (user.has(role) ? Qt::Checked : Qt::Unchecked));
        }
    }
    CHECK(checkState(model, QStringLiteral("vera"), Role::Validator) == Qt::Checked);
    CHECK(checkState(model, QStringLiteral("vera"), Role::Admin) == Qt::Unchecked);

    // The acting user is an admin: role cells can be ticked, login and name cannot.
    CHECK(model.isEditable());
    CHECK(model.flags(model.index(0, UserTableModel::columnOf(Role::Validator))) & Qt::ItemIsUserCheckable);
    CHECK_FALSE(model.flags(model.index(0, UserTableModel::LoginColumn)) & Qt::ItemIsEditable);
    CHECK_FALSE(model.flags(model.index(0, UserTableModel::LoginColumn)) & Qt::ItemIsUserCheckable);

    SECTION("a user added through core appears") {
        session.workspace()->write([](WriteTransaction& tx) {
            Identity::addUser(tx, QStringLiteral("ada"), {}, {Role::RiskOfficer});
        });
        REQUIRE(model.rowCount() == 4);
        CHECK(model.index(0, UserTableModel::LoginColumn).data().toString() == QLatin1String("ada"));
        CHECK(checkState(model, QStringLiteral("ada"), Role::RiskOfficer) == Qt::Checked);
    }
    SECTION("another workspace replaces the rows; none empties the table") {
        TemporaryWorkspace other(QStringLiteral("zoe"));
        session.setWorkspace(other.reopen(QStringLiteral("zoe")));
        REQUIRE(model.rowCount() == 1);
        CHECK(model.index(0, UserTableModel::LoginColumn).data().toString() == QLatin1String("zoe"));
        session.close();
        CHECK(model.rowCount() == 0);
        CHECK_FALSE(model.isEditable());
    }
}

TEST_CASE("Ticking a role cell grants the role in one audited write — unticking revokes it", "[users]") {
    TemporaryWorkspace ws;
    addTeam(ws.workspace());
    WorkspaceSession session;
    session.setWorkspace(ws.reopen());
    UserTableModel model(session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(session.workspace(), &Workspace::changed);
    const Identity identity(*session.workspace());
    const qint64 eventsBefore = auditEventCount(*session.workspace());

    REQUIRE(setRole(model, QStringLiteral("bob"), Role::Validator, Qt::Checked));
    CHECK(identity.has(QStringLiteral("bob"), Role::Validator));
    CHECK(identity.has(QStringLiteral("bob"), Role::DataScientist));
    CHECK(changes.count() == 1);
    CHECK(auditEventCount(*session.workspace()) == eventsBefore + 1);
    CHECK(lastAuditEvent(*session.workspace()) == QLatin1String("role.grant user:bob validator"));
    CHECK(checkState(model, QStringLiteral("bob"), Role::Validator) == Qt::Checked);

    REQUIRE(setRole(model, QStringLiteral("vera"), Role::Analyst, Qt::Unchecked));
    CHECK_FALSE(identity.has(QStringLiteral("vera"), Role::Analyst));
    CHECK(identity.has(QStringLiteral("vera"), Role::Validator));
    CHECK(lastAuditEvent(*session.workspace()) == QLatin1String("role.revoke user:vera analyst"));
    CHECK(checkState(model, QStringLiteral("vera"), Role::Analyst) == Qt::Unchecked);
    CHECK(auditEventCount(*session.workspace()) == eventsBefore + 2);

    // Ticking what is already ticked writes nothing.
    CHECK(setRole(model, QStringLiteral("bob"), Role::Validator, Qt::Checked));
    CHECK(changes.count() == 2);
    CHECK(auditEventCount(*session.workspace()) == eventsBefore + 2);
    // Role changes update the rows in place, keeping the view's selection.
    CHECK(resets.count() == 0);
}

TEST_CASE("The user table follows role changes written by another process", "[users]") {
    TemporaryWorkspace ws;
    addTeam(ws.workspace());
    WorkspaceSession session;
    session.setWorkspace(ws.reopen());
    UserTableModel model(session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    ws->write(
        [](WriteTransaction& tx) { Identity::grantRole(tx, QStringLiteral("bob"), Role::RiskOfficer); });
    CHECK(checkState(model, QStringLiteral("bob"), Role::RiskOfficer) == Qt::Unchecked);
    // What the session's poll does once it notices the other connection's commit.
    session.reloadAll();
    CHECK(checkState(model, QStringLiteral("bob"), Role::RiskOfficer) == Qt::Checked);
}

TEST_CASE("A non-admin's user table is read-only and writes nothing", "[users]") {
    TemporaryWorkspace ws;
    addTeam(ws.workspace());
    WorkspaceSession session;
    session.setWorkspace(ws.reopen(QStringLiteral("bob")));
    UserTableModel model(session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const qint64 eventsBefore = auditEventCount(*session.workspace());

    CHECK_FALSE(model.isEditable());
    REQUIRE(model.actor());
    CHECK(model.actor()->roles == QList<Role>{Role::DataScientist});
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column)
            CHECK_FALSE(model.flags(model.index(row, column)) & Qt::ItemIsUserCheckable);
    }
    // The boxes still show who holds what.
    CHECK(checkState(model, QStringLiteral("bob"), Role::DataScientist) == Qt::Checked);

    CHECK_FALSE(setRole(model, QStringLiteral("bob"), Role::Admin, Qt::Checked));
    CHECK_FALSE(setRole(model, QStringLiteral("tester"), Role::Admin, Qt::Unchecked));
    const Identity identity(*session.workspace());
    CHECK_FALSE(identity.has(QStringLiteral("bob"), Role::Admin));
    CHECK(identity.has(QStringLiteral("tester"), Role::Admin));
    CHECK(auditEventCount(*session.workspace()) == eventsBefore);
    CHECK(checkState(model, QStringLiteral("bob"), Role::Admin) == Qt::Unchecked);

    SECTION("made admin by another process, bob can edit") {
        ws->write([](WriteTransaction& tx) { Identity::grantRole(tx, QStringLiteral("bob"), Role::Admin); });
        session.reloadAll();
        CHECK(model.isEditable());
        CHECK(model.flags(model.index(0, UserTableModel::columnOf(Role::Analyst))) & Qt::ItemIsUserCheckable);
        CHECK(setRole(model, QStringLiteral("vera"), Role::RiskOfficer, Qt::Checked));
        CHECK(identity.has(QStringLiteral("vera"), Role::RiskOfficer));
    }
}

TEST_CASE("Revoking the last admin is refused — the table still shows the admin and what the file holds",
          "[users]") {
    TemporaryWorkspace ws;
    addTeam(ws.workspace());
    WorkspaceSession session;
    session.setWorkspace(ws.reopen());
    UserTableModel model(session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy failures(&model, &UserTableModel::writeFailed);
    const qint64 eventsBefore = auditEventCount(*session.workspace());
    // Written by another process since the table was read, and not yet noticed by the poll.
    ws->write(
        [](WriteTransaction& tx) { Identity::grantRole(tx, QStringLiteral("vera"), Role::RiskOfficer); });

    CHECK_FALSE(setRole(model, QStringLiteral("tester"), Role::Admin, Qt::Unchecked));
    REQUIRE(failures.count() == 1);
    CHECK(failures.first().first().toString().contains(QLatin1String("last admin")));
    CHECK(Identity(*session.workspace()).has(QStringLiteral("tester"), Role::Admin));
    CHECK(checkState(model, QStringLiteral("tester"), Role::Admin) == Qt::Checked);
    CHECK(model.isEditable());
    CHECK(checkState(model, QStringLiteral("vera"), Role::RiskOfficer) == Qt::Checked);
    // Only the other process's grant.
    CHECK(auditEventCount(*session.workspace()) == eventsBefore + 1);
}
