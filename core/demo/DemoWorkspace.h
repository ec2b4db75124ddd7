#pragma once

#include "core/workspace/WorkspaceOptions.h"

#include <QString>
#include <QtGlobal>

#include <functional>

namespace assay {

class Workspace;

// Fills a workspace with a realistic, reproducible history: three experiments with 340 runs by
// five people, 14 params and 6–8 metric curves of 100–5,000 steps per run (losses that decay
// with noise, AUCs that saturate, some runs that diverge or fail), tags, datasets with digests,
// and registered models whose `production` alias has moved over time. Run, dataset and alias
// dates are spread over the 120 days before the workspace clock's "now"; the governance history
// (DemoGovernance) reaches back 900 days. Every event is stamped with the time it happened and
// the trail lists them in that order, as a real workspace's would.
class DemoWorkspace {
public:
    // Called after each run with (runs done, runs in all); returning false cancels the fill.
    using Progress = std::function<bool(int done, int total)>;

    // Everything goes in one transaction: a cancel or failure leaves the workspace as it was.
    // Throws AssayError if the workspace already has experiments, or when cancelled.
    static void populate(Workspace& workspace, const Progress& progress = {}, quint64 seed = 20261123);
    // Options that create a new demo workspace at the start of the history populate() writes
    // into it, so that its whole trail runs forward in time; an existing file opens as it is.
    static WorkspaceOptions newFileOptions();
    // All runs the fill creates, sweep parents included.
    static int totalRuns();
    // Where `assay --demo` keeps its workspace: demo.assay beside the default workspace.
    static QString defaultPath();
};

} // namespace assay
