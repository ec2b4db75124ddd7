#pragma once

#include <QString>

namespace assay {

// WAL needs shared memory between processes, which network filesystems do not provide; there
// the workspace falls back to SQLite's rollback journal.
enum class JournalMode { Wal, Rollback };

inline QString journalModeName(JournalMode mode) {
    return mode == JournalMode::Wal ? QStringLiteral("WAL") : QStringLiteral("rollback journal");
}

} // namespace assay
