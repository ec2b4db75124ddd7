#include "ConditionTableModel.h"

#include <algorithm>

namespace assay {

ConditionTableModel::ConditionTableModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void ConditionTableModel::setDefaults(const QString& owner, const QDate& dueDate) {
    m_defaultOwner = owner;
    m_defaultDueDate = dueDate;
}

int ConditionTableModel::addCondition() {
    const int row = static_cast<int>(m_conditions.size());
    beginInsertRows({}, row, row);
    DecisionCondition condition;
    condition.owner = m_defaultOwner;
    condition.dueDate = m_defaultDueDate;
    m_conditions.append(condition);
    endInsertRows();
    return row;
}

void ConditionTableModel::removeCondition(int row) {
    if (row < 0 || row >= m_conditions.size())
        return;
    beginRemoveRows({}, row, row);
    m_conditions.removeAt(row);
    endRemoveRows();
}

bool ConditionTableModel::isComplete() const {
    return std::all_of(m_conditions.cbegin(), m_conditions.cend(), [](const DecisionCondition& condition) {
        return !condition.description.trimmed().isEmpty();
    });
}

int ConditionTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_conditions.size());
}

int ConditionTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConditionTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DecisionCondition& condition = m_conditions.at(index.row());
    if (role == Qt::DisplayRole && index.column() == DueDateColumn)
        return condition.dueDate.toString(Qt::ISODate);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case DescriptionColumn:
        return condition.description;
    case OwnerColumn:
        return condition.owner;
    case DueDateColumn:
        return condition.dueDate;
    case SeverityColumn:
        return condition.severity;
    default:
        return {};
    }
}

bool ConditionTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    DecisionCondition& condition = m_conditions[index.row()];
    switch (index.column()) {
    case DescriptionColumn:
        condition.description = value.toString();
        break;
    case OwnerColumn:
        condition.owner = value.toString();
        break;
    case DueDateColumn:
        if (!value.toDate().isValid())
            return false;
        condition.dueDate = value.toDate();
        break;
    case SeverityColumn:
        condition.severity = value.toString();
        break;
    default:
        return false;
    }
    emit dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    return true;
}

Qt::ItemFlags ConditionTableModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

QVariant ConditionTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DescriptionColumn:
        return tr("Condition");
    case OwnerColumn:
        return tr("Owner");
    case DueDateColumn:
        return tr("Due");
    case SeverityColumn:
        return tr("Severity");
    default:
        return {};
    }
}

} // namespace assay
