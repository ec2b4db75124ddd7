#pragma once

#include "core/registry/ModelVersion.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QStringList>

namespace assay {

class ChangeSet;
class WorkspaceSession;

// The versions of one model, newest first: aliases, the run each came from (drawn as a link),
// who registered it and who ran it, whether its model card is complete and whether a promotion
// approved it (which freezes its card and evidence).
class ModelVersionModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        VersionColumn,
        AliasesColumn,
        RunColumn,
        CreatedByColumn,
        RunByColumn,
        CreatedColumn,
        CardColumn,
        ApprovedColumn,
        ColumnCount
    };
    enum Role {
        VersionIdRole = Qt::UserRole + 1,
        VersionRole, // the version number
        RunIdRole,   // 0 when the version has no run
        SortRole,
    };

    explicit ModelVersionModel(WorkspaceSession& session, QObject* parent = nullptr);

    void setModelId(qint64 modelId);
    qint64 modelId() const { return m_modelId; }
    void reload();
    const ModelVersion* versionAt(int row) const;
    int rowOfVersion(int version) const; // -1 when absent

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void loadFailed(const QString& message);

private:
    struct Row {
        ModelVersion version;
        QStringList missingSections;
        bool approved = false;
    };

    void onChanged(const ChangeSet& changes);
    QVariant display(const Row& row, int column) const;
    QVariant toolTip(const Row& row, int column) const;
    QVariant sortKey(const Row& row, int column) const;

    WorkspaceSession& m_session;
    qint64 m_modelId = 0;
    QList<Row> m_rows;
    QHash<QString, QString> m_displayNames;
};

} // namespace assay
