#include "RiskScoreModel.h"

#include "core/governance/TierPolicy.h"

#include <QFont>
#include <QLocale>

namespace assay {

void RiskScoreModel::setScores(const QMap<QString, int>& scores, const TierPolicy& policy) {
    beginResetModel();
    m_rows.clear();
    for (const RiskDimension& dimension : policy.dimensions()) {
        const int score = scores.value(dimension.key);
        m_rows.append({dimension.key, dimension.label, dimension.weight, score,
                       score >= 1 && score <= dimension.guidance.size() ? dimension.guidance.at(score - 1)
                                                                        : QString()});
    }
    endResetModel();
}

void RiskScoreModel::clear() {
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int RiskScoreModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RiskScoreModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RiskScoreModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DimensionColumn:
        return tr("Dimension");
    case WeightColumn:
        return tr("Weight");
    case ScoreColumn:
        return tr("Score");
    case MeaningColumn:
        return tr("What the score means");
    default:
        return {};
    }
}

QVariant RiskScoreModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DimensionColumn:
            return row.label;
        case WeightColumn:
            return QLocale().toString(row.weight * 100, 'f', 0) + QLatin1Char('%');
        case ScoreColumn:
            return row.score ? tr("%1 / 4").arg(row.score) : tr("not scored");
        case MeaningColumn:
            return row.meaning;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == MeaningColumn ? row.meaning : QString();
    case Qt::TextAlignmentRole:
        return index.column() == WeightColumn || index.column() == ScoreColumn
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case Qt::FontRole:
        // The worst scores decide the tier as often as the weighted sum does.
        if (index.column() == ScoreColumn && row.score == 4) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case KeyRole:
        return row.key;
    default:
        return {};
    }
}

} // namespace assay
