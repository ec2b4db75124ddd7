#include "IntegrityProblemModel.h"

namespace assay {

IntegrityProblemModel::IntegrityProblemModel(QObject* parent)
    : QAbstractListModel(parent) {}

void IntegrityProblemModel::setProblems(const QList<IntegrityProblem>& problems) {
    beginResetModel();
    m_problems = problems;
    endResetModel();
}

QString IntegrityProblemModel::text(const IntegrityProblem& problem) {
    if (problem.seq > 0)
        return tr("Sequence %1: %2").arg(problem.seq).arg(problem.message);
    return tr("%1: %2").arg(problem.entity, problem.message);
}

int IntegrityProblemModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_problems.size());
}

QVariant IntegrityProblemModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const IntegrityProblem& problem = m_problems.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return text(problem);
    case Qt::ToolTipRole:
        return problem.seq > 0 ? tr("Click to show event %1").arg(problem.seq) : QVariant();
    case SeqRole:
        return problem.seq;
    default:
        return {};
    }
}

} // namespace assay
