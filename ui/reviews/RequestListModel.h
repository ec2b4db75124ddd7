#pragma once

#include "core/governance/PromotionRequest.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace assay {

class ChangeSet;
class WorkspaceSession;

// Every promotion request and periodic review of the workspace, open and closed, newest first,
// optionally only those of one status.
class RequestListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        RequestColumn,
        TierColumn,
        StatusColumn,
        SubmittedByColumn,
        SubmittedColumn,
        ClosedColumn,
        ColumnCount
    };
    enum Role { RequestIdRole = Qt::UserRole + 1 };

    explicit RequestListModel(WorkspaceSession& session, QObject* parent = nullptr);

    void setStatusFilter(std::optional<PromotionRequest::Status> status);
    std::optional<PromotionRequest::Status> statusFilter() const { return m_statusFilter; }
    void reload();
    qint64 requestIdAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void loadFailed(const QString& message);

private:
    void onChanged(const ChangeSet& changes);
    QVariant display(const PromotionRequest& request, int column) const;

    WorkspaceSession& m_session;
    std::optional<PromotionRequest::Status> m_statusFilter;
    QList<PromotionRequest> m_requests;
};

} // namespace assay
