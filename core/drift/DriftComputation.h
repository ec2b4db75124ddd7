#pragma once

#include "CsvReadOptions.h"
#include "DriftComputedWindow.h"
#include "DriftDataLayout.h"
#include "DriftReference.h"

#include <QList>

namespace assay {

struct DriftMonitor;
struct DriftMonitorSpec;

// The part of monitoring that reads files and computes, touching no workspace: it runs on a
// worker thread, and DriftMonitors stores its results in one short transaction.
class DriftComputation {
public:
    static DriftDataLayout layoutOf(const DriftMonitorSpec& spec);
    static DriftDataLayout layoutOf(const DriftMonitor& monitor);

    // The reference file of a new monitor: its features (types detected unless given), hash and
    // performance. Throws AssayError naming the file, line and column of a bad cell.
    static DriftReference readReference(const DriftMonitorSpec& spec, const CsvReadOptions& options = {});
    // A current data file cut into the monitor's windows, each compared with the reference.
    // label names the window of a per-file monitor (empty: the file's base name).
    static QList<DriftComputedWindow> computeWindows(const DriftMonitor& monitor,
                                                     const DriftReference& reference, const QString& path,
                                                     const QString& label = {},
                                                     const CsvReadOptions& options = {});
    static QString sha256(const QString& path);
};

} // namespace assay
