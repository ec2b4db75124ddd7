#pragma once

#include "core/governance/PolicyVersion.h"

#include <QAbstractTableModel>
#include <QList>

namespace assay {

class ChangeSet;
class WorkspaceSession;

// The published versions of the tier policy (Policies::history), newest first, reloaded when a
// commit publishes one.
class PolicyHistoryModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { VersionColumn, CreatedAtColumn, CreatedByColumn, NoteColumn, ColumnCount };
    static constexpr int VersionRole = Qt::UserRole + 1;

    explicit PolicyHistoryModel(WorkspaceSession& session, QObject* parent = nullptr);

    void reload();
    const PolicyVersion& version(int row) const { return m_versions.at(row); }
    // The row of a version; -1 when it is not in the history.
    int rowOf(int version) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void loadFailed(const QString& message);

private:
    void onChanged(const ChangeSet& changes);

    WorkspaceSession& m_session;
    QList<PolicyVersion> m_versions;
};

} // namespace assay
