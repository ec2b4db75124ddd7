#pragma once

#include "CompareRun.h"

#include <QList>
#include <QStringList>

namespace assay {

class Workspace;

// Reads the runs to compare through core (Tracking, MetricStore), in the order given, skipping
// ids that no longer exist, and gives each its palette colour.
class CompareRunReader {
public:
    static QList<CompareRun> read(const Workspace& workspace, const QList<qint64>& runIds);
    // The union of the runs' param or metric keys, sorted.
    static QStringList paramKeys(const QList<CompareRun>& runs);
    static QStringList metricKeys(const QList<CompareRun>& runs);
    // True when every run that has the column holds a number there (metrics always do).
    static bool isNumeric(const QList<CompareRun>& runs, const QString& column);
};

} // namespace assay
