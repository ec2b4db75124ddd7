// Two workbenches on one workspace file, as two people on a team share would have them: each
// MainWindow has its own session and its own SQLite connection, so each sees the other's commits
// only as another process's would be seen, through the file. An assay-cli process writes too.
#include "core/identity/Identity.h"
#include "core/identity/Role.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/CliRunner.h"
#include "tests/support/TemporaryWorkspace.h"
#include "ui/explore/ExperimentsPage.h"
#include "ui/explore/RunTableModel.h"
#include "ui/session/UiSettings.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/workspace/MainWindow.h"
#include "ui/workspace/UserTableModel.h"
#include "ui/workspace/UsersDialog.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::TemporaryWorkspace;

namespace {

// What the issue promises: another workbench's commit shows within this time.
constexpr int noticeWithinMs = 2'000;

struct Workbench {
    QTemporaryDir dir;
    UiSettings settings{dir.filePath(QStringLiteral("gui.conf"))};
    WorkspaceSession session;
    MainWindow window{session, settings};

    Workbench(const QString& path, const QByteArray& actor) {
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        qputenv("ASSAY_USER", actor);
        REQUIRE(window.openWorkspace(path));
        qunsetenv("ASSAY_USER");
    }

    QString actorLabel() const {
        return window.findChild<QLabel*>(QStringLiteral("actingUserLabel"))->text();
    }
    RunTableModel& runs() const { return *window.experimentsPage()->runModel(); }
};

// Waits, processing events, until condition() holds; returns how long that took, or -1.
template <class Condition>
qint64 msUntil(Condition condition, int timeoutMs = 10'000) {
    QElapsedTimer timer;
    timer.start();
    return QTest::qWaitFor(condition, timeoutMs) ? timer.elapsed() : -1;
}

} // namespace

TEST_CASE("Two workbenches on one file: a role granted in one shows in the other within 2 s",
          "[shared][gui]") {
    TemporaryWorkspace ws(QStringLiteral("ada"));
    ws->write(
        [](WriteTransaction& tx) { Identity::addUser(tx, QStringLiteral("bob"), {}, {Role::Analyst}); });
    const QString path = ws.path();
    ws.close();

    Workbench admin(path, "ada");
    Workbench bob(path, "bob");
    CHECK(bob.actorLabel() == QStringLiteral("Acting as bob · Business analyst"));

    admin.window.usersAction()->trigger();
    auto* dialog = admin.window.findChild<UsersDialog*>();
    REQUIRE(dialog);
    UserTableModel* users = dialog->model();
    REQUIRE(users->setData(
        users->index(users->rowOf(QStringLiteral("bob")), UserTableModel::columnOf(Role::Validator)),
        Qt::Checked, Qt::CheckStateRole));

    const qint64 noticed = msUntil(
        [&] { return bob.actorLabel() == QStringLiteral("Acting as bob · Business analyst, Validator"); });
    REQUIRE(noticed >= 0);
    CHECK(noticed <= noticeWithinMs);
}

TEST_CASE("Two workbenches on one file: runs logged by assay-cli appear in both within 2 s, and each keeps "
          "its selected run",
          "[shared][gui]") {
    TemporaryWorkspace ws(QStringLiteral("ada"));
    const QString path = ws.path();
    ws.close();
    const QByteArray firstRuns =
        "{\"experiment\": \"nightly\", \"name\": \"a\", \"params\": {\"lr\": 0.1}}\n"
        "{\"experiment\": \"nightly\", \"name\": \"b\", \"params\": {\"lr\": 0.2}}\n";
    REQUIRE(test::runCli({QStringLiteral("log"), QStringLiteral("-w"), path}, firstRuns).status == 0);

    Workbench first(path, "ada");
    Workbench second(path, "bob");
    REQUIRE(msUntil([&] { return first.runs().totalCount() == 2 && second.runs().totalCount() == 2; }) >= 0);
    QTableView* table = first.window.findChild<QTableView*>(QStringLiteral("runTable"));
    REQUIRE(table);
    table->selectRow(1);
    const qint64 selectedRun = first.runs().runIdAt(1);

    const test::CliResult logged = test::runCli({QStringLiteral("log"), QStringLiteral("-w"), path},
                                                "{\"experiment\": \"nightly\", \"name\": \"c\"}\n");
    REQUIRE(logged.status == 0);
    const qint64 noticed =
        msUntil([&] { return first.runs().totalCount() == 3 && second.runs().totalCount() == 3; });
    REQUIRE(noticed >= 0);
    CHECK(noticed <= noticeWithinMs);

    const QModelIndexList selected = table->selectionModel()->selectedRows();
    REQUIRE(selected.size() == 1);
    CHECK(first.runs().runIdAt(selected.first().row()) == selectedRun);
}
