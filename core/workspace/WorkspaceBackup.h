#pragma once

#include <QString>

#include <functional>

namespace assay {

class Workspace;

// A copy of a workspace made with SQLite's online backup while other processes go on reading
// and writing it. The copy is one self-contained file (rollback journal, no -wal beside it) that
// opens as an ordinary workspace; it is checked before it takes the target's name, so a failed
// or cancelled backup never leaves a partial file there.
class WorkspaceBackup {
public:
    // Reports (pages copied, pages in all) and returns false once the user cancelled.
    using Progress = std::function<bool(int done, int total)>;

    enum class Existing { Refuse, Replace };

    // Pages per backup step: small enough that progress moves and other processes' writes
    // between steps are not held up, large enough that a multi-GB workspace is not copied a page
    // at a time. Tests pass fewer, to see many steps on a small file.
    static constexpr int defaultPagesPerStep = 1024;

    // Then records "workspace.backup" in the source's trail (not in a read-only archive). Throws
    // AssayError on refusal, failure or cancel, leaving no file at outPath.
    static void create(Workspace& source, const QString& outPath, Existing existing = Existing::Refuse,
                       const Progress& progress = {}, int pagesPerStep = defaultPagesPerStep);
};

} // namespace assay
