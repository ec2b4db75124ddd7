#include "RunGroupModel.h"

#include "ui/widgets/RunValueFormat.h"

#include <QFont>

namespace assay {

void RunGroupModel::setGroups(const QList<RunGroup>& groups, const QString& groupKeyExpression,
                              const QString& metricKey) {
    beginResetModel();
    m_groups = groups;
    m_keyExpression = groupKeyExpression;
    m_metricKey = metricKey;
    endResetModel();
}

QString RunGroupModel::conditionFor(const QString& groupKeyExpression, const std::optional<QString>& value) {
    if (!value)
        return QStringLiteral("NOT %1 LIKE '%'").arg(groupKeyExpression);
    QString quoted = *value;
    quoted.replace(QLatin1Char('\''), QLatin1String("''"));
    return QStringLiteral("%1 = '%2'").arg(groupKeyExpression, quoted);
}

int RunGroupModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_groups.size());
}

int RunGroupModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : (m_metricKey.isEmpty() ? 2 : 3);
}

QVariant RunGroupModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_groups.size())
        return {};
    const RunGroup& group = m_groups.at(index.row());
    if (role == ConditionRole)
        return conditionFor(m_keyExpression, group.value);
    if (role == Qt::TextAlignmentRole && index.column() != ValueColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::FontRole && index.column() == ValueColumn && !group.value) {
        QFont italic;
        italic.setItalic(true);
        return italic;
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case ValueColumn:
        return group.value ? *group.value : tr("(not set)");
    case RunsColumn:
        return group.runCount;
    case BestColumn:
        return group.bestMetric ? RunValueFormat::metric(*group.bestMetric) : QString();
    default:
        return {};
    }
}

QVariant RunGroupModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ValueColumn:
        return tr("Value");
    case RunsColumn:
        return tr("Runs");
    case BestColumn:
        return tr("Best %1").arg(m_metricKey);
    default:
        return {};
    }
}

} // namespace assay
