#pragma once

#include "core/drift/DriftMonitor.h"
#include "core/drift/DriftResult.h"
#include "core/drift/DriftWindow.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <optional>

namespace assay {

class WorkspaceSession;

// The Drift page's heatmap: one row per feature a monitor watches, one column per window (oldest
// first), each cell the result of the feature's monitored method in that window, read through
// core's DriftMonitors. Cells carry how far the score is towards its threshold (severity) and the
// level it is coloured by; the monitor, its windows and results are there for the page's charts.
class DriftHeatmapModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Role {
        FeatureRole = Qt::UserRole + 1,
        WindowIdRole,
        SeverityRole, // double; invalid without a result
        LevelRole,    // int(DriftStyle::Level); invalid without a result
        DriftedRole,
        KeyFeatureRole,
    };

    explicit DriftHeatmapModel(WorkspaceSession& session, QObject* parent = nullptr);

    // Reads the monitor (0: none) and its results; reload() reads the same one again.
    void setMonitorId(qint64 monitorId);
    void reload();
    qint64 monitorId() const { return m_monitorId; }
    const std::optional<DriftMonitor>& monitor() const { return m_monitor; }
    const QList<DriftWindow>& windows() const { return m_windows; }
    QString featureAt(int row) const;
    // The monitored result of a feature in a window, or null when the window had no values.
    const DriftResult* result(const QString& feature, qint64 windowId) const;
    QModelIndex indexOf(const QString& feature, qint64 windowId) const;
    // The cell of the most severe result in the latest window: where a user looks first.
    QModelIndex worstOfLatest() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void loadFailed(const QString& message);

private:
    const DriftResult* resultAt(const QModelIndex& index) const;
    double severityOf(const DriftResult& result) const;
    QString toolTip(const QModelIndex& index) const;

    WorkspaceSession& m_session;
    qint64 m_monitorId = 0;
    std::optional<DriftMonitor> m_monitor;
    QList<DriftWindow> m_windows;
    QHash<qint64, QHash<QString, DriftResult>> m_results; // window id → feature → monitored result
};

} // namespace assay
