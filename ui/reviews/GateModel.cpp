#include "GateModel.h"

#include "ReviewStatusStyle.h"
#include "ui/widgets/PaletteTone.h"

#include <algorithm>

namespace assay {

GateModel::GateModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void GateModel::setGates(const QList<Gate>& gates) {
    beginResetModel();
    m_gates = gates;
    endResetModel();
}

int GateModel::failedCount() const {
    return static_cast<int>(std::count_if(m_gates.cbegin(), m_gates.cend(), [](const Gate& gate) {
        return gate.status == Gate::Status::Failed;
    }));
}

QString GateModel::statusLabel(Gate::Status status) {
    switch (status) {
    case Gate::Status::Passed:
        return tr("Passed");
    case Gate::Status::Failed:
        return tr("Failed");
    case Gate::Status::NotApplicable:
        return tr("Not applicable");
    }
    return {};
}

int GateModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_gates.size());
}

int GateModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GateModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Gate& gate = m_gates.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == GateColumn)
            return gate.label;
        if (index.column() == StatusColumn)
            return statusLabel(gate.status);
        if (index.column() == DetailColumn)
            return gate.detail;
        return {};
    case Qt::ToolTipRole:
        return gate.detail;
    case Qt::DecorationRole:
        return index.column() == GateColumn ? QVariant(ReviewStatusStyle::gateIcon(gate.status)) : QVariant();
    case Qt::ForegroundRole:
        // Failed gates in red throughout; a passed gate only colours its status.
        if (gate.status == Gate::Status::Failed ||
            (index.column() == StatusColumn && gate.status == Gate::Status::Passed))
            return PaletteTone::asText(ReviewStatusStyle::gateColor(gate.status));
        return {};
    case StatusRole:
        return static_cast<int>(gate.status);
    default:
        return {};
    }
}

QVariant GateModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case GateColumn:
        return tr("Gate");
    case StatusColumn:
        return tr("Status");
    case DetailColumn:
        return tr("Detail");
    default:
        return {};
    }
}

} // namespace assay
