#pragma once

#include "core/tracking/RunScope.h"
#include "core/tracking/RunSort.h"

#include <functional>

class QIODevice;

namespace assay {

class Workspace;

// Writes every run of a scope as CSV (RunListFormat, the columns of `assay-cli runs --format
// csv`), a page at a time through RunQuery, so that 100,000 runs never sit in memory at once.
class RunCsvExport {
public:
    static constexpr int defaultPageSize = 2000;
    // Reports (runs written, total); returns false to stop (the export then throws AssayError).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    // Returns the number of runs written; throws AssayError when a query or the device fails.
    static qint64 write(const Workspace& workspace, const RunScope& scope, const RunSort& sort,
                        QIODevice& device, const Progress& progress = {}, int pageSize = defaultPageSize);
};

} // namespace assay
