#include "DecisionModel.h"

#include "ReviewStatusStyle.h"
#include "core/governance/SignOff.h"
#include "ui/widgets/PaletteTone.h"
#include "ui/widgets/RunValueFormat.h"

#include <QStringList>

namespace assay {

DecisionModel::DecisionModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void DecisionModel::setDecisions(const QList<Decision>& decisions) {
    beginResetModel();
    m_decisions = decisions;
    endResetModel();
}

QString DecisionModel::conditionText(const DecisionCondition& condition) {
    return tr("%1 (%2, due %3, %4)")
        .arg(condition.description, condition.owner, condition.dueDate.toString(Qt::ISODate),
             condition.severity);
}

int DecisionModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_decisions.size());
}

int DecisionModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DecisionModel::display(const Decision& decision, int column) const {
    switch (column) {
    case DecidedByColumn:
        return decision.decidedBy;
    case SignOffColumn:
        return SignOff::labelOf(decision.signOff);
    case OutcomeColumn:
        return Decision::outcomeLabel(decision.outcome);
    case CommentColumn:
        return decision.comment;
    case ConditionsColumn: {
        QStringList lines;
        for (const DecisionCondition& condition : decision.conditions)
            lines << conditionText(condition);
        return lines.join(QStringLiteral("; "));
    }
    case DecidedAtColumn:
        return RunValueFormat::dateTime(decision.decidedAt);
    case SignatureColumn:
        return Decision::statusLabel(decision.status);
    default:
        return {};
    }
}

QVariant DecisionModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Decision& decision = m_decisions.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(decision, index.column());
    case Qt::ToolTipRole:
        if (index.column() == SignatureColumn)
            return decision.statusDetail;
        if (index.column() == DecidedAtColumn)
            return RunValueFormat::dateTimeLong(decision.decidedAt);
        if (index.column() == ConditionsColumn) {
            QStringList lines;
            for (const DecisionCondition& condition : decision.conditions)
                lines << conditionText(condition);
            return lines.join(QLatin1Char('\n'));
        }
        return display(decision, index.column());
    case Qt::ForegroundRole:
        if (index.column() == SignatureColumn)
            return PaletteTone::asText(ReviewStatusStyle::signatureColor(decision.status));
        if (index.column() == OutcomeColumn && decision.outcome == Decision::Outcome::Reject)
            return PaletteTone::asText(ReviewStatusStyle::bad());
        return {};
    case StatusRole:
        return static_cast<int>(decision.status);
    case DecisionIdRole:
        return decision.id;
    default:
        return {};
    }
}

QVariant DecisionModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DecidedByColumn:
        return tr("Decided by");
    case SignOffColumn:
        return tr("As");
    case OutcomeColumn:
        return tr("Outcome");
    case CommentColumn:
        return tr("Comment");
    case ConditionsColumn:
        return tr("Conditions");
    case DecidedAtColumn:
        return tr("When");
    case SignatureColumn:
        return tr("Signature");
    default:
        return {};
    }
}

} // namespace assay
