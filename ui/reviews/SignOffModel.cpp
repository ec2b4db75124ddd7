#include "SignOffModel.h"

#include "ReviewStatusStyle.h"
#include "ui/widgets/RunValueFormat.h"

#include <QFont>

namespace assay {

SignOffModel::SignOffModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void SignOffModel::setSignOffs(const QList<SignOff>& signOffs, bool open) {
    beginResetModel();
    m_signOffs = signOffs;
    m_open = open;
    endResetModel();
}

int SignOffModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_signOffs.size());
}

int SignOffModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SignOffModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SignOff& signOff = m_signOffs.at(index.row());
    const bool given = signOff.isGiven();
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == SignOffColumn)
            return signOff.label;
        if (index.column() == GivenByColumn)
            return given ? signOff.givenBy->decidedBy : m_open ? tr("still needed") : tr("not given");
        if (index.column() == WhenColumn && given)
            return RunValueFormat::dateTime(signOff.givenBy->decidedAt);
        return {};
    case Qt::DecorationRole:
        if (index.column() == SignOffColumn)
            return ReviewStatusStyle::gateIcon(given ? Gate::Status::Passed : Gate::Status::NotApplicable);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == GivenByColumn && !given)
            return ReviewStatusStyle::neutral();
        return {};
    case Qt::FontRole:
        if (index.column() == GivenByColumn && !given) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (given)
            return tr("%1, %2").arg(Decision::outcomeLabel(signOff.givenBy->outcome),
                                    signOff.givenBy->comment);
        return {};
    case GivenRole:
        return given;
    default:
        return {};
    }
}

QVariant SignOffModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SignOffColumn:
        return tr("Sign-off");
    case GivenByColumn:
        return tr("Given by");
    case WhenColumn:
        return tr("When");
    default:
        return {};
    }
}

} // namespace assay
