#pragma once

#include "core/governance/DecisionCondition.h"

#include <QAbstractTableModel>
#include <QList>

namespace assay {

// The conditions of an approval being written in the decision dialog, editable in place: what
// must be done, by whom (a user's login), by when, and how severe. Each becomes a finding.
class ConditionTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { DescriptionColumn, OwnerColumn, DueDateColumn, SeverityColumn, ColumnCount };

    explicit ConditionTableModel(QObject* parent = nullptr);

    // New rows start with this owner and due date, and medium severity.
    void setDefaults(const QString& owner, const QDate& dueDate);
    // Appends a row and returns its number.
    int addCondition();
    void removeCondition(int row);
    const QList<DecisionCondition>& conditions() const { return m_conditions; }
    // Every row has a description.
    bool isComplete() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<DecisionCondition> m_conditions;
    QString m_defaultOwner;
    QDate m_defaultDueDate;
};

} // namespace assay
