#pragma once

#include <QSqlDatabase>
#include <QStringList>

namespace assay {

// The workspace schema as an ordered list of migrations: migration N takes a workspace from
// user_version N-1 to N. A new schema change is a new migration appended here, never an edit of
// an old one, so that every workspace ever written can be brought forward.
class WorkspaceSchema {
public:
    // 'ASSY', written to PRAGMA application_id so that other SQLite files are recognised.
    static constexpr int applicationId = 0x41535359;

    static int currentVersion();
    // The first version with users and roles.
    static constexpr int identityVersion = 4;
    // From this version every write records the audit trail's head in workspace_meta.
    static constexpr int governanceVersion = 8;
    static constexpr int auditHeadVersion = 10;
    static QStringList migrationStatements(int toVersion);
    // Applies migrations fromVersion+1 .. toVersion on db, inside the caller's transaction.
    static void migrate(const QSqlDatabase& db, int fromVersion, int toVersion);
};

} // namespace assay
