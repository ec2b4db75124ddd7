#pragma once

#include "core/governance/PromotionRequest.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace assay {

class ChangeSet;
class WorkspaceSession;

// The promotion and periodic review requests of one model, newest first, with the tier each
// was submitted under and where it stands.
class ModelRequestModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        KindColumn,
        VersionColumn,
        AliasColumn,
        TierColumn,
        StatusColumn,
        SubmittedByColumn,
        SubmittedColumn,
        ColumnCount
    };
    enum Role {
        RequestIdRole = Qt::UserRole + 1,
        SortRole,
    };

    explicit ModelRequestModel(WorkspaceSession& session, QObject* parent = nullptr);

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
    QVariant display(const PromotionRequest& request, int column) const;
    QVariant sortKey(const PromotionRequest& request, int column) const;

    WorkspaceSession& m_session;
    qint64 m_modelId = 0;
    QList<PromotionRequest> m_requests;
    QHash<QString, QString> m_displayNames;
};

} // namespace assay
