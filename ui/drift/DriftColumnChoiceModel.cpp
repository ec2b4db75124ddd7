#include "DriftColumnChoiceModel.h"

#include "ChoiceDelegate.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

namespace assay {

namespace {

const QString detected = QStringLiteral("detected");
const QString numerical = QStringLiteral("numerical");
const QString categorical = QStringLiteral("categorical");

QString typeValue(const std::optional<CsvColumnType>& type) {
    if (!type)
        return detected;
    return *type == CsvColumnType::Numerical ? numerical : categorical;
}

QString typeLabel(const QString& value) {
    if (value == numerical)
        return DriftColumnChoiceModel::tr("Numerical");
    if (value == categorical)
        return DriftColumnChoiceModel::tr("Categorical");
    return DriftColumnChoiceModel::tr("Detected from the data");
}

} // namespace

DriftColumnChoiceModel::DriftColumnChoiceModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void DriftColumnChoiceModel::setColumns(const QStringList& names) {
    beginResetModel();
    m_rows.clear();
    for (const QString& name : names)
        m_rows.append(Row{name, true, std::nullopt, false});
    endResetModel();
}

void DriftColumnChoiceModel::setReserved(const QHash<QString, QString>& reserved) {
    if (reserved == m_reserved)
        return;
    m_reserved = reserved;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void DriftColumnChoiceModel::setAllIncluded(bool included) {
    for (Row& row : m_rows)
        row.included = included;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, FeatureColumn), index(rowCount() - 1, KeyColumn));
}

QStringList DriftColumnChoiceModel::features() const {
    QStringList names;
    for (const Row& row : m_rows) {
        if (isFeature(row))
            names << row.name;
    }
    return names;
}

QStringList DriftColumnChoiceModel::keyFeatures() const {
    QStringList names;
    for (const Row& row : m_rows) {
        if (isFeature(row) && row.key)
            names << row.name;
    }
    return names;
}

QHash<QString, CsvColumnType> DriftColumnChoiceModel::typeOverrides() const {
    QHash<QString, CsvColumnType> types;
    for (const Row& row : m_rows) {
        if (isFeature(row) && row.type)
            types.insert(row.name, *row.type);
    }
    return types;
}

int DriftColumnChoiceModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DriftColumnChoiceModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DriftColumnChoiceModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& row = m_rows[index.row()];
    const QString reservedFor = m_reserved.value(row.name);
    if (role == Qt::ForegroundRole && !reservedFor.isEmpty())
        return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
    switch (index.column()) {
    case FeatureColumn:
        if (role == Qt::DisplayRole)
            return row.name;
        if (role == Qt::CheckStateRole)
            return isFeature(row) ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole && !reservedFor.isEmpty())
            return tr("The %1 column cannot be a feature.").arg(reservedFor);
        break;
    case TypeColumn:
        if (role == Qt::DisplayRole)
            return reservedFor.isEmpty() ? typeLabel(typeValue(row.type)) : tr("(%1)").arg(reservedFor);
        if (role == Qt::EditRole)
            return typeValue(row.type);
        if (role == ChoiceDelegate::ValuesRole)
            return QStringList{detected, numerical, categorical};
        if (role == ChoiceDelegate::LabelsRole)
            return QStringList{typeLabel(detected), typeLabel(numerical), typeLabel(categorical)};
        break;
    case KeyColumn:
        if (role == Qt::CheckStateRole)
            return isFeature(row) && row.key ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole)
            return tr("A key feature's drift alone recommends retraining.");
        break;
    default:
        break;
    }
    return {};
}

bool DriftColumnChoiceModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!(flags(index) & (Qt::ItemIsEditable | Qt::ItemIsUserCheckable)))
        return false;
    Row& row = m_rows[index.row()];
    const bool checked = value.value<Qt::CheckState>() == Qt::Checked;
    if (index.column() == FeatureColumn && role == Qt::CheckStateRole) {
        row.included = checked;
        emit dataChanged(index, this->index(index.row(), KeyColumn));
        return true;
    }
    if (index.column() == KeyColumn && role == Qt::CheckStateRole) {
        row.key = checked;
        emit dataChanged(index, index);
        return true;
    }
    if (index.column() == TypeColumn && role == Qt::EditRole) {
        const QString type = value.toString();
        if (type == numerical)
            row.type = CsvColumnType::Numerical;
        else if (type == categorical)
            row.type = CsvColumnType::Categorical;
        else if (type == detected)
            row.type.reset();
        else
            return false;
        emit dataChanged(index, index);
        return true;
    }
    return false;
}

Qt::ItemFlags DriftColumnChoiceModel::flags(const QModelIndex& index) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return Qt::NoItemFlags;
    const Row& row = m_rows[index.row()];
    if (m_reserved.contains(row.name))
        return Qt::ItemIsSelectable;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == FeatureColumn)
        flags |= Qt::ItemIsUserCheckable;
    else if (index.column() == TypeColumn && row.included)
        flags |= Qt::ItemIsEditable;
    else if (index.column() == KeyColumn && row.included)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant DriftColumnChoiceModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FeatureColumn:
        return tr("Feature");
    case TypeColumn:
        return tr("Type");
    case KeyColumn:
        return tr("Key");
    default:
        return {};
    }
}

} // namespace assay
