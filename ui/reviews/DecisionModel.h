#pragma once

#include "core/governance/Decision.h"

#include <QAbstractTableModel>
#include <QList>

namespace assay {

// Every decision on a request, oldest first (PromotionRequests::decisions): who decided, as which
// sign-off, the outcome, the comment and conditions, when, and whether the signature holds now:
// Verified, Stale or Invalid, with core's statusDetail as the tooltip.
class DecisionModel : public QAbstractTableModel {
    Q_OBJECT

public:
    // The signature's status sits beside the outcome, before the free text, so that no comment
    // however long can push it out of view.
    enum Column {
        DecidedByColumn,
        SignOffColumn,
        OutcomeColumn,
        SignatureColumn,
        DecidedAtColumn,
        ConditionsColumn,
        CommentColumn,
        ColumnCount
    };
    enum Role { StatusRole = Qt::UserRole + 1, DecisionIdRole };

    explicit DecisionModel(QObject* parent = nullptr);

    void setDecisions(const QList<Decision>& decisions);
    const QList<Decision>& decisions() const { return m_decisions; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "Retrain on Q4 data (dan, due 2026-01-31, high)"; one line per condition.
    static QString conditionText(const DecisionCondition& condition);

private:
    QVariant display(const Decision& decision, int column) const;

    QList<Decision> m_decisions;
};

} // namespace assay
