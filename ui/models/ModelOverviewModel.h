#pragma once

#include "core/governance/ModelOverview.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace assay {

class ChangeSet;
class WorkspaceSession;

// The Models page's table: one row per registered model with its owners, risk tier, the
// version in production, what awaits sign-off, whether drift recommends retraining and when it
// is next reviewed, read through
// core's ModelCatalog. Rows carry the model id and a sort key per column for a
// QSortFilterProxyModel, and a search text (name and owners) for its filter.
class ModelOverviewModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        OwnerColumn,
        BusinessOwnerColumn,
        TierColumn,
        ProductionColumn,
        VersionsColumn,
        RequestsColumn,
        FindingsColumn,
        DriftColumn,
        ReviewColumn,
        ColumnCount
    };
    enum Role {
        ModelIdRole = Qt::UserRole + 1,
        SortRole,
        SearchRole,
    };

    explicit ModelOverviewModel(WorkspaceSession& session, QObject* parent = nullptr);

    void reload();
    const ModelOverview* overviewAt(int row) const;
    int rowOf(qint64 modelId) const; // -1 when absent

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void loadFailed(const QString& message);

private:
    void onChanged(const ChangeSet& changes);
    QVariant display(const ModelOverview& overview, int column) const;
    QVariant sortKey(const ModelOverview& overview, int column) const;
    QVariant toolTip(const ModelOverview& overview, int column) const;

    WorkspaceSession& m_session;
    QList<ModelOverview> m_overviews;
    QHash<QString, QString> m_displayNames;
};

} // namespace assay
