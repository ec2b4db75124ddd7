#include "DriftRuleModel.h"

#include "ChoiceDelegate.h"
#include "core/drift/DriftMethod.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace assay {

DriftRuleModel::DriftRuleModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void DriftRuleModel::setFeatures(const QList<DriftFeature>& features) {
    beginResetModel();
    m_features = features;
    endResetModel();
}

void DriftRuleModel::setMonitorThresholds(const DriftThresholds& thresholds) {
    m_thresholds = thresholds;
    if (!m_features.isEmpty())
        emit dataChanged(index(0, ThresholdColumn), index(rowCount() - 1, ThresholdColumn));
}

int DriftRuleModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_features.size());
}

int DriftRuleModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DriftRuleModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_features.size())
        return {};
    const DriftFeature& f = m_features[index.row()];
    switch (index.column()) {
    case FeatureColumn:
        if (role == Qt::DisplayRole)
            return f.name;
        if (role == Qt::ToolTipRole)
            return tr("%1 reference values, %2 distinct").arg(f.referenceCount).arg(f.referenceDistinct);
        break;
    case TypeColumn:
        if (role == Qt::DisplayRole)
            return f.type == CsvColumnType::Numerical ? tr("Numerical") : tr("Categorical");
        break;
    case MethodColumn:
        if (role == Qt::DisplayRole)
            return DriftMethod::label(f.method);
        if (role == Qt::EditRole)
            return f.method;
        if (role == ChoiceDelegate::ValuesRole)
            return DriftMethod::monitorable();
        if (role == ChoiceDelegate::LabelsRole) {
            QStringList labels;
            for (const QString& method : DriftMethod::monitorable())
                labels << DriftMethod::label(method);
            return labels;
        }
        break;
    case ThresholdColumn: {
        const double monitors = DriftMethod::threshold(f.method, m_thresholds);
        if (role == Qt::DisplayRole)
            return f.threshold ? QLocale().toString(*f.threshold)
                               : tr("%1 (monitor's)").arg(QLocale().toString(monitors));
        if (role == Qt::EditRole)
            return f.threshold ? QLocale().toString(*f.threshold) : QString();
        if (role == Qt::ForegroundRole && !f.threshold)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        if (role == Qt::ToolTipRole)
            return tr("Drift when the %1 is %2 this. Leave empty to follow the monitor's threshold.")
                .arg(DriftMethod::label(f.method),
                     DriftMethod::isPValue(f.method) ? tr("below") : tr("at or above"));
        break;
    }
    case KeyColumn:
        if (role == Qt::CheckStateRole)
            return f.key ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole)
            return tr("A key feature's drift alone recommends retraining.");
        break;
    default:
        break;
    }
    return {};
}

bool DriftRuleModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!(flags(index) & (Qt::ItemIsEditable | Qt::ItemIsUserCheckable)))
        return false;
    DriftFeature& f = m_features[index.row()];
    if (index.column() == MethodColumn && role == Qt::EditRole) {
        if (!DriftMethod::isMonitorable(value.toString()))
            return false;
        // An own threshold belongs to its method: a p-value means nothing to a distance.
        if (f.method != value.toString())
            f.threshold.reset();
        f.method = value.toString();
        emit dataChanged(index, this->index(index.row(), ThresholdColumn));
        return true;
    }
    if (index.column() == ThresholdColumn && role == Qt::EditRole) {
        const QString text = value.toString().trimmed();
        if (text.isEmpty()) {
            f.threshold.reset();
        } else {
            bool ok = false;
            double threshold = QLocale().toDouble(text, &ok);
            if (!ok)
                threshold = text.toDouble(&ok);
            if (!ok)
                return false;
            f.threshold = threshold;
        }
        emit dataChanged(index, index);
        return true;
    }
    if (index.column() == KeyColumn && role == Qt::CheckStateRole) {
        f.key = value.value<Qt::CheckState>() == Qt::Checked;
        emit dataChanged(index, index);
        return true;
    }
    return false;
}

Qt::ItemFlags DriftRuleModel::flags(const QModelIndex& index) const {
    if (!index.isValid() || index.row() >= m_features.size())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == MethodColumn || index.column() == ThresholdColumn)
        flags |= Qt::ItemIsEditable;
    else if (index.column() == KeyColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant DriftRuleModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FeatureColumn:
        return tr("Feature");
    case TypeColumn:
        return tr("Type");
    case MethodColumn:
        return tr("Method");
    case ThresholdColumn:
        return tr("Threshold");
    case KeyColumn:
        return tr("Key");
    default:
        return {};
    }
}

} // namespace assay
