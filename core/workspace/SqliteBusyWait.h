#pragma once

#include <QSqlDatabase>

namespace assay {

// How a connection waits for a lock another connection holds: it tries again every 1 to 3 ms,
// at random, until timeoutMs have passed, where SQLite's own busy timeout sleeps up to 100 ms
// between tries. A process that writes transaction after transaction leaves the lock free for
// microseconds between them; trying ten times a second, the others almost never hit such a
// gap and starve (44 s for one write, 8 writers under the rollback journal), trying every
// couple of milliseconds they soon do. Readers waiting out a commit gain the same way.
class SqliteBusyWait {
public:
    // Replaces the busy timeout of db's open connection; each wait gives up after timeoutMs.
    static void install(const QSqlDatabase& db, int timeoutMs);
};

} // namespace assay
