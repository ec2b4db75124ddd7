#pragma once

#include <QSqlDatabase>
#include <QString>

namespace assay {

// A version whose promotion executed keeps the evidence it was approved on: its card and its
// evidence files no longer change, so that a change to them is tampering and shows as such.
class VersionLock {
public:
    static bool isApproved(const QSqlDatabase& db, qint64 versionId);
    // Throws AssayError saying what cannot change and why.
    static void requireEditable(const QSqlDatabase& db, qint64 versionId, const QString& what);
};

} // namespace assay
