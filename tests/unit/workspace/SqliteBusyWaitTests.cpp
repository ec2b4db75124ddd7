#include "core/base/AssayError.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <catch2/catch.hpp>
#include <future>
#include <thread>

using namespace assay;

namespace {

// Another connection, on a thread of its own, that takes the lock given by begin, tells the
// caller it holds it, and lets go after holdMs.
std::thread holdLock(const QString& path, const QString& begin, int holdMs, std::promise<void>& held) {
    return std::thread([path, begin, holdMs, &held] {
        const QString name = QStringLiteral("lock-holder");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            db.open();
            QSqlQuery(db).exec(begin);
            held.set_value();
            std::this_thread::sleep_for(std::chrono::milliseconds(holdMs));
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    });
}

} // namespace

TEST_CASE("A writer waits while another connection holds the lock, and writes once it lets go",
          "[workspace][busy]") {
    assay::test::TemporaryWorkspace ws;
    WorkspaceOptions patient;
    patient.busyTimeoutMs = 5'000;
    patient.writeAttempts = 1; // the wait itself, not the retries around it, sees this through
    const auto writer = Workspace::open(ws.path(), patient);

    std::promise<void> held;
    std::thread holder = holdLock(ws.path(), QStringLiteral("BEGIN IMMEDIATE"), 300, held);
    held.get_future().wait();
    QElapsedTimer timer;
    timer.start();
    CHECK_NOTHROW(
        writer->write([](WriteTransaction& tx) { Tracking::createExperiment(tx, QStringLiteral("e")); }));
    CHECK(timer.elapsed() >= 200);
    CHECK(timer.elapsed() < 5'000);
    holder.join();
    CHECK(Tracking(*writer).experimentByName(QStringLiteral("e")).has_value());
}

TEST_CASE("A read kept out by another process's lock past the wait says the workspace is busy, not "
          "SQLite's \"database is locked\"",
          "[workspace][busy]") {
    QTemporaryDir dir;
    WorkspaceOptions options;
    options.networkFileSystem = true; // under the rollback journal a writer's commit keeps readers out
    options.busyTimeoutMs = 50;
    const auto workspace = Workspace::create(dir.filePath(QStringLiteral("w.assay")), options);

    std::promise<void> held;
    std::thread holder = holdLock(workspace->path(), QStringLiteral("BEGIN EXCLUSIVE"), 1'000, held);
    held.get_future().wait();
    QString message;
    try {
        Tracking(*workspace).experiments();
    } catch (const AssayError& error) {
        message = error.message();
    }
    holder.join();
    CHECK(message.contains(QLatin1String("The workspace is busy")));
    CHECK(message.contains(QLatin1String("try again")));
    CHECK_FALSE(message.contains(QLatin1String("database is locked")));
    CHECK(Tracking(*workspace).experiments().isEmpty()); // and once the lock goes, the read works
}

TEST_CASE("Polling for other processes' commits while one keeps the file locked says nothing yet, "
          "rather than failing",
          "[workspace][busy]") {
    QTemporaryDir dir;
    WorkspaceOptions options;
    options.networkFileSystem = true;
    options.busyTimeoutMs = 50;
    const auto workspace = Workspace::create(dir.filePath(QStringLiteral("w.assay")), options);
    const auto other = Workspace::open(workspace->path(), options);

    std::promise<void> held;
    std::thread holder = holdLock(workspace->path(), QStringLiteral("BEGIN EXCLUSIVE"), 500, held);
    held.get_future().wait();
    bool changed = true;
    CHECK_NOTHROW(changed = workspace->takeExternalChanges());
    CHECK_FALSE(changed);
    holder.join();
    other->write([](WriteTransaction& tx) { Tracking::createExperiment(tx, QStringLiteral("e")); });
    CHECK(workspace->takeExternalChanges());
}
