#pragma once

#include "core/governance/RiskAssessment.h"

#include <QAbstractTableModel>
#include <QList>

namespace assay {

class ChangeSet;
class WorkspaceSession;

// Tier overrides waiting for a risk officer (RiskAssessments::pendingOverrides): the model, the
// computed and the proposed tier, the written reason, and who proposed it. The proposer may not
// decide their own override; OwnProposalRole says when the acting user is the proposer.
class TierOverrideModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { ModelColumn, TierColumn, ReasonColumn, ProposedByColumn, WaitingColumn, ColumnCount };
    enum Role { AssessmentIdRole = Qt::UserRole + 1, OwnProposalRole };

    explicit TierOverrideModel(WorkspaceSession& session, QObject* parent = nullptr);

    void reload();
    qint64 assessmentIdAt(int row) const;
    // Overrides the acting user could decide: all but their own.
    int decidableCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void loadFailed(const QString& message);

private:
    struct Item {
        RiskAssessment assessment;
        QString modelName;
    };

    void onChanged(const ChangeSet& changes);
    QVariant display(const Item& item, int column) const;

    WorkspaceSession& m_session;
    QList<Item> m_items;
    QString m_actor;
    qint64 m_now = 0;
};

} // namespace assay
