#include "core/base/SqlQuery.h"
#include "core/identity/Identity.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"
#include "tests/ui/support/UiTestData.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/workspace/AddUserDialog.h"
#include "ui/workspace/UserTableModel.h"
#include "ui/workspace/UsersDialog.h"

#include <QCheckBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTest>

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::TemporaryWorkspace;

namespace {

qint64 auditEventCount(const Workspace& workspace) {
    return SqlQuery::scalar(workspace.database(), QStringLiteral("SELECT count(*) FROM audit_log"))
        .toLongLong();
}

// The dialog over a session acting as actor, shown on the offscreen platform.
struct Dialog {
    WorkspaceSession session;
    UsersDialog dialog;

    Dialog(const TemporaryWorkspace& ws, const QString& actor)
        : dialog(session) {
        session.setWorkspace(ws.reopen(actor));
        dialog.show();
        REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    }

    AddUserDialog* clickAddUser() {
        QTest::mouseClick(dialog.addUserButton(), Qt::LeftButton);
        auto* form = dialog.findChild<AddUserDialog*>();
        REQUIRE(form);
        REQUIRE(QTest::qWaitForWindowExposed(form));
        return form;
    }

    QString cell(int row, int column) const {
        return dialog.table()->model()->index(row, column).data().toString();
    }
};

} // namespace

TEST_CASE("An admin adds a user through the form and the table shows them", "[users][dialog]") {
    TemporaryWorkspace ws;
    Dialog d(ws, QStringLiteral("tester"));
    CHECK(d.dialog.noticeLabel()->text().contains(QLatin1String("You are tester (Admin)")));
    CHECK(d.dialog.addUserButton()->isEnabled());
    REQUIRE(d.dialog.table()->model()->rowCount() == 1);

    AddUserDialog* form = d.clickAddUser();
    // Nothing typed yet: nothing to add, and no complaint either.
    CHECK_FALSE(form->addButton()->isEnabled());
    CHECK_FALSE(form->problemLabel()->isVisible());
    form->loginEdit()->setText(QStringLiteral("ada"));
    form->displayNameEdit()->setText(QStringLiteral("Ada Lovelace"));
    form->roleBox(Role::DataScientist)->setChecked(true);
    form->roleBox(Role::Validator)->setChecked(true);
    REQUIRE(form->addButton()->isEnabled());
    const QPointer<AddUserDialog> formAlive(form);
    QTest::mouseClick(form->addButton(), Qt::LeftButton);

    CHECK((formAlive.isNull() || !formAlive->isVisible()));
    const std::optional<User> ada = Identity(*d.session.workspace()).user(QStringLiteral("ada"));
    REQUIRE(ada);
    CHECK(ada->displayName == QLatin1String("Ada Lovelace"));
    CHECK(ada->roles == QList<Role>{Role::DataScientist, Role::Validator});
    // The table lists ada first (by login) with her roles ticked, and selects her.
    REQUIRE(d.dialog.table()->model()->rowCount() == 2);
    CHECK(d.cell(0, UserTableModel::LoginColumn) == QLatin1String("ada"));
    CHECK(d.cell(0, UserTableModel::NameColumn) == QLatin1String("Ada Lovelace"));
    const auto state = [&](Role role) {
        return d.dialog.table()
            ->model()
            ->index(0, UserTableModel::columnOf(role))
            .data(Qt::CheckStateRole)
            .toInt();
    };
    CHECK(state(Role::DataScientist) == Qt::Checked);
    CHECK(state(Role::Validator) == Qt::Checked);
    CHECK(state(Role::Admin) == Qt::Unchecked);
    CHECK(d.dialog.table()->selectionModel()->isRowSelected(0, {}));
    CHECK_FALSE(d.dialog.findChild<QMessageBox*>());
}

TEST_CASE("The Add User form says what is wrong with a login while it is typed, and adds nothing",
          "[users][dialog]") {
    TemporaryWorkspace ws;
    Dialog d(ws, QStringLiteral("tester"));
    const qint64 eventsBefore = auditEventCount(*d.session.workspace());
    AddUserDialog* form = d.clickAddUser();

    SECTION("a login with a leading space") {
        form->loginEdit()->setText(QStringLiteral(" ada"));
        CHECK(form->problemLabel()->isVisible());
        CHECK(form->problemLabel()->text().contains(QLatin1String("cannot start or end with a space")));
    }
    SECTION("a login that exists") {
        form->loginEdit()->setText(QStringLiteral("tester"));
        CHECK(form->problemLabel()->isVisible());
        CHECK(form->problemLabel()->text().contains(
            QLatin1String("tester is a user of this workspace already")));
    }
    CHECK_FALSE(form->addButton()->isEnabled());
    QTest::mouseClick(form->addButton(), Qt::LeftButton);
    // Even when confirmed some other way (Enter in a field).
    form->accept();
    CHECK(form->isVisible());
    CHECK(Identity(*d.session.workspace()).users().size() == 1);
    CHECK(auditEventCount(*d.session.workspace()) == eventsBefore);
    CHECK(d.dialog.table()->model()->rowCount() == 1);

    // Fixing the login clears the message.
    form->loginEdit()->setText(QStringLiteral("ada"));
    CHECK_FALSE(form->problemLabel()->isVisible());
    CHECK(form->addButton()->isEnabled());
}

TEST_CASE("A non-admin sees who holds what, read-only, and why", "[users][dialog]") {
    TemporaryWorkspace ws;
    ws->write([](WriteTransaction& tx) {
        Identity::addUser(tx, QStringLiteral("bob"), {}, {Role::DataScientist, Role::Validator});
    });
    Dialog d(ws, QStringLiteral("bob"));
    CHECK(
        d.dialog.noticeLabel()->text() ==
        QLatin1String("Only an admin can change users and roles; you are bob (Data scientist, Validator)."));
    CHECK_FALSE(d.dialog.addUserButton()->isEnabled());
    REQUIRE(d.dialog.table()->model()->rowCount() == 2);

    // Space on a role cell toggles it for an admin; here it must not.
    QTableView* table = d.dialog.table();
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, UserTableModel::columnOf(Role::Admin)));
    QTest::keyClick(table, Qt::Key_Space);
    CHECK_FALSE(Identity(*d.session.workspace()).has(QStringLiteral("bob"), Role::Admin));

    SECTION("once an admin makes bob admin, the notice and the button follow") {
        ws->write([](WriteTransaction& tx) { Identity::grantRole(tx, QStringLiteral("bob"), Role::Admin); });
        d.session.reloadAll();
        CHECK(d.dialog.noticeLabel()->text().contains(
            QLatin1String("You are bob (Admin, Data scientist, Validator)")));
        CHECK(d.dialog.addUserButton()->isEnabled());
    }
}

TEST_CASE("Unticking the last admin in the table shows core's refusal and keeps the tick",
          "[users][dialog]") {
    TemporaryWorkspace ws;
    Dialog d(ws, QStringLiteral("tester"));
    QTableView* table = d.dialog.table();
    const QModelIndex adminCell = table->model()->index(0, UserTableModel::columnOf(Role::Admin));
    table->setFocus();
    table->setCurrentIndex(adminCell);
    QTest::keyClick(table, Qt::Key_Space);

    auto* box = d.dialog.findChild<QMessageBox*>(QStringLiteral("errorMessage"));
    REQUIRE(box);
    CHECK(box->isVisible());
    CHECK(box->text().contains(QLatin1String("tester is the last admin")));
    CHECK(adminCell.data(Qt::CheckStateRole).toInt() == Qt::Checked);
    CHECK(Identity(*d.session.workspace()).has(QStringLiteral("tester"), Role::Admin));
    box->close();

    SECTION("Space on an ordinary role grants it") {
        table->setCurrentIndex(table->model()->index(0, UserTableModel::columnOf(Role::Analyst)));
        QTest::keyClick(table, Qt::Key_Space);
        CHECK(Identity(*d.session.workspace()).has(QStringLiteral("tester"), Role::Analyst));
        CHECK(table->model()
                  ->index(0, UserTableModel::columnOf(Role::Analyst))
                  .data(Qt::CheckStateRole)
                  .toInt() == Qt::Checked);
    }
}

TEST_CASE("The users dialog closes with the workspace", "[users][dialog]") {
    TemporaryWorkspace ws;
    Dialog d(ws, QStringLiteral("tester"));
    d.session.close();
    CHECK_FALSE(d.dialog.isVisible());
    CHECK(d.dialog.table()->model()->rowCount() == 0);
}
