#pragma once

#include "core/governance/PromotionRequest.h"

#include <QAbstractTableModel>
#include <QList>

namespace assay {

class ChangeSet;
class WorkspaceSession;

// The acting user's inbox: the open requests that still need a sign-off they may give
// (PromotionRequests::inbox), with the sign-off they would give and whether a decision they
// made earlier on it went stale. Reloads when a commit touches anything that decides who may
// sign or whether a signature still holds.
class ReviewInboxModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        RequestColumn,
        TierColumn,
        SignOffColumn,
        SubmittedByColumn,
        WaitingColumn,
        StaleColumn,
        ColumnCount
    };
    enum Role { RequestIdRole = Qt::UserRole + 1, StaleRole };

    explicit ReviewInboxModel(WorkspaceSession& session, QObject* parent = nullptr);

    void reload();
    qint64 requestIdAt(int row) const;
    // Which kinds of change may alter an inbox: requests and decisions, and everything the
    // evidence, the tier or segregation of duties rests on.
    static bool isAffectedBy(const ChangeSet& changes);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void loadFailed(const QString& message);

private:
    struct Item {
        PromotionRequest request;
        QString signOffLabel;
        QString staleDetail; // empty unless one of the user's decisions went stale
    };

    void onChanged(const ChangeSet& changes);
    QVariant display(const Item& item, int column) const;

    WorkspaceSession& m_session;
    QList<Item> m_items;
    qint64 m_now = 0;
};

} // namespace assay
