#pragma once

#include <QString>

namespace assay {

// What a finished WorkspaceJob tells the user: a short summary, and details (such as every
// item an import skipped) for a "Show Details…" area.
struct WorkspaceJobResult {
    QString summary;
    QString details;
};

} // namespace assay
