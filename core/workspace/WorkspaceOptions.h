#pragma once

#include "core/base/Clock.h"

#include <QString>

#include <optional>

namespace assay {

struct WorkspaceOptions {
    bool createIfMissing = false;
    // Schema version of a newly created workspace; 0 means the current one. Lets tests make an
    // old workspace to migrate.
    int createAtVersion = 0;
    // Overrides the statfs probe, so that the rollback-journal path can be tested on local disk.
    std::optional<bool> networkFileSystem;
    QString actor; // empty: ActingUser::fromEnvironment()
    Clock clock;   // empty: the system clock
    // The time a newly created workspace's first events record; empty: the clock's. The demo's
    // workspace is made at the start of its synthesized history, so that its trail runs forward.
    std::optional<qint64> createdAt;
    int busyTimeoutMs = 2000;
    // Reads through a memory map (on local disks). A connection that walks the whole file once,
    // as the GUI's integrity check does, reads through read() instead: every page it maps would
    // count in the process's resident memory for as long as the connection is open.
    bool memoryMapped = true;
    int writeAttempts = 5;
};

} // namespace assay
