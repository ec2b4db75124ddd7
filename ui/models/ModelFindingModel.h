#pragma once

#include "core/governance/Finding.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QList>

namespace assay {

class ChangeSet;
class WorkspaceSession;

// The findings of one model, open first then by due date: what must be put right, how badly,
// by whom and by when (overdue in red), and how it was resolved.
class ModelFindingModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        DescriptionColumn,
        SeverityColumn,
        OwnerColumn,
        DueColumn,
        StatusColumn,
        ResolutionColumn,
        ColumnCount
    };
    enum Role {
        FindingIdRole = Qt::UserRole + 1,
        OverdueRole,
        SortRole,
    };

    explicit ModelFindingModel(WorkspaceSession& session, QObject* parent = nullptr);

    void setModelId(qint64 modelId);
    qint64 modelId() const { return m_modelId; }
    void reload();
    int openCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void loadFailed(const QString& message);

private:
    void onChanged(const ChangeSet& changes);
    QVariant display(const Finding& finding, int column) const;
    QVariant foreground(const Finding& finding, int column) const;
    QVariant sortKey(const Finding& finding, int column) const;

    WorkspaceSession& m_session;
    qint64 m_modelId = 0;
    QList<Finding> m_findings;
    QHash<QString, QString> m_displayNames;
    QDate m_today;
};

} // namespace assay
