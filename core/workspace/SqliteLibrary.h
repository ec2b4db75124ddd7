#pragma once

#include <QString>

namespace assay {

// The SQLite library under Qt's QSQLITE driver, as SQLite itself reports it. Debian's Qt uses
// the system's libsqlite3, so the version is that of the machine, not of the build: Help > About
// shows it for bug reports.
class SqliteLibrary {
public:
    // "3.40.1"; throws AssayError when the driver cannot open an in-memory database.
    static QString version();
};

} // namespace assay
