#pragma once

#include <QString>

namespace assay {

// What a file on disk is, read without writing a byte to it: whether it is an SQLite database,
// whether it carries Assay's application_id, and its schema version. The one exception is a
// workspace left with a hot journal by a process killed while writing: that is rolled back
// first, as SQLite would on any writable open, since nothing can read it before.
struct WorkspaceInspection {
    // Busy: another process held the file locked for longer than busyTimeoutMs, so what it is
    // could not be read (it is no judgement on the file).
    enum class Kind { Missing, NotSqlite, EmptySqlite, OtherApplication, Workspace, Busy };

    Kind kind = Kind::Missing;
    int applicationId = 0;
    int schemaVersion = 0;
    QString detail;

    static WorkspaceInspection inspect(const QString& path, int busyTimeoutMs = 5000);
};

} // namespace assay
