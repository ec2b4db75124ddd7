#pragma once

#include "DriftComputedWindow.h"
#include "DriftDistribution.h"
#include "DriftMonitor.h"
#include "DriftMonitorSpec.h"
#include "DriftReference.h"
#include "DriftResult.h"
#include "DriftStatus.h"
#include "DriftWindow.h"

#include <QJsonValue>
#include <QList>

#include <optional>

namespace assay {

class Workspace;
class WriteTransaction;

// Drift monitors on model versions (DESIGN §6): their reference data, the windows of current data
// compared with it, every statistic per window and feature, and the verdicts that flag a model
// "retraining recommended". Data scientists, validators and risk officers set monitors up and
// add data; everyone reads them.
class DriftMonitors {
public:
    explicit DriftMonitors(const Workspace& workspace)
        : m_workspace(workspace) {}

    // The writes take what DriftComputation read and computed off the transaction.
    static qint64 create(WriteTransaction& tx, const DriftMonitorSpec& spec, const DriftReference& reference);
    // Refuses the whole file if any of its windows is already there.
    static QList<qint64> addWindows(WriteTransaction& tx, qint64 monitorId, const QString& sourceName,
                                    const QString& sourceSha256, const QList<DriftComputedWindow>& windows);
    // New thresholds, and per feature its method, own threshold and key flag (features matched by
    // name; the feature list itself is fixed). Every stored window is judged again.
    static void setRules(WriteTransaction& tx, qint64 monitorId, const DriftThresholds& thresholds,
                         const QList<DriftFeature>& features);

    // Read, compute and write in one go, for the CLI and tests (the GUI reads on a worker).
    static qint64 createFromFile(Workspace& workspace, const DriftMonitorSpec& spec);
    static QList<qint64> addFile(Workspace& workspace, qint64 monitorId, const QString& path,
                                 const QString& label = {});

    QList<DriftMonitor> monitors(qint64 modelId) const;
    QList<DriftMonitor> monitorsOfVersion(qint64 versionId) const;
    std::optional<DriftMonitor> monitor(qint64 monitorId) const;
    std::optional<DriftMonitor> monitor(qint64 versionId, const QString& name) const;
    DriftReference reference(qint64 monitorId) const;
    QList<DriftWindow> windows(qint64 monitorId) const; // oldest first
    QList<DriftResult> results(qint64 monitorId) const; // every window, in window order
    std::optional<DriftDistribution> distribution(qint64 windowId, const QString& feature) const;

    // Retraining recommended when a monitor's latest window shows dataset drift or a key feature
    // drifting: over the model's monitors, or one version's.
    DriftStatus status(qint64 modelId) const;
    DriftStatus versionStatus(qint64 versionId) const;
    // The monitors of a version as the evidence bundle records them: what they compare against
    // and watch, not what they find (that moves with every window). Null when there are none.
    // Monitors made after the version was approved are not part of its approved evidence.
    QJsonValue evidenceSummary(qint64 versionId) const;

private:
    QList<DriftMonitor> query(const QString& where, std::initializer_list<QVariant> values) const;
    DriftStatus statusOf(const QList<DriftMonitor>& monitors) const;

    const Workspace& m_workspace;
};

} // namespace assay
