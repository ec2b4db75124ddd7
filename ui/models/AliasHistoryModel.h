#pragma once

#include "core/registry/AliasChange.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QStringList>

namespace assay {

class ChangeSet;
class WorkspaceSession;

// Every move of every alias of one model, production first, each alias oldest move first:
// when, to which version, from which, by whom and why. It also hands the timeline chart the
// history per alias.
class AliasHistoryModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        AliasColumn,
        WhenColumn,
        VersionColumn,
        PreviousColumn,
        ByColumn,
        ReasonColumn,
        ColumnCount
    };
    enum Role {
        KeyRole = Qt::UserRole + 1, // identifies the row across reloads
        ChangedAtRole,
        SortRole,
    };

    explicit AliasHistoryModel(WorkspaceSession& session, QObject* parent = nullptr);

    void setModelId(qint64 modelId);
    qint64 modelId() const { return m_modelId; }
    void reload();
    // The model's aliases, production first.
    const QStringList& aliases() const { return m_aliases; }
    QList<AliasChange> history(const QString& alias) const { return m_history.value(alias); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void loadFailed(const QString& message);

private:
    void onChanged(const ChangeSet& changes);
    QVariant display(const AliasChange& change, int column) const;

    WorkspaceSession& m_session;
    qint64 m_modelId = 0;
    QStringList m_aliases;
    QHash<QString, QList<AliasChange>> m_history;
    QList<AliasChange> m_rows;
    QStringList m_keys;
    QHash<QString, QString> m_displayNames;
};

} // namespace assay
