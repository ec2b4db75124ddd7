#include "SqliteBusyWait.h"

#include "core/base/AssayError.h"

#include <QRandomGenerator>
#include <QSqlDriver>
#include <QVariant>

#include <chrono>
#include <cstdint>
#include <sqlite3.h>
#include <thread>

namespace assay {
namespace {

using Clock = std::chrono::steady_clock;

// SQLite calls the handler from inside the statement that waits, on that statement's thread,
// with count 0 for the first retry of each wait: one start time per thread serves them all.
thread_local Clock::time_point waitStarted;

int retryOrGiveUp(void* timeoutMs, int count) {
    const auto now = Clock::now();
    if (count == 0)
        waitStarted = now;
    const auto limit = std::chrono::milliseconds(reinterpret_cast<std::intptr_t>(timeoutMs));
    if (now - waitStarted >= limit)
        return 0;
    std::this_thread::sleep_for(std::chrono::microseconds(QRandomGenerator::global()->bounded(1000, 3000)));
    return 1;
}

} // namespace

void SqliteBusyWait::install(const QSqlDatabase& db, int timeoutMs) {
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        throw AssayError(
            QStringLiteral("Internal error: %1 is not open through SQLite.").arg(db.databaseName()));
    sqlite3* connection = *static_cast<sqlite3* const*>(handle.constData());
    sqlite3_busy_handler(connection, &retryOrGiveUp,
                         reinterpret_cast<void*>(static_cast<std::intptr_t>(timeoutMs)));
}

} // namespace assay
