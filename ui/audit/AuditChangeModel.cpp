#include "AuditChangeModel.h"

#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace assay {

AuditChangeModel::AuditChangeModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void AuditChangeModel::setChanges(const QList<AuditFieldChange>& changes) {
    beginResetModel();
    m_changes = changes;
    endResetModel();
}

QString AuditChangeModel::valueText(const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return value.toVariant().toString();
    }
}

int AuditChangeModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_changes.size());
}

int AuditChangeModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditChangeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FieldColumn:
        return tr("Field");
    case BeforeColumn:
        return tr("Before");
    case AfterColumn:
        return tr("After");
    default:
        return {};
    }
}

QVariant AuditChangeModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditFieldChange& change = m_changes.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case FieldColumn:
            return change.key;
        case BeforeColumn:
            return change.before ? valueText(*change.before) : QStringLiteral("—");
        case AfterColumn:
            return valueText(change.after);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        // Long values are elided in the cells.
        if (index.column() == BeforeColumn)
            return change.before ? tr("%1\n\nAs recorded by event %2 on the same entity")
                                       .arg(valueText(*change.before))
                                       .arg(change.beforeSeq)
                                 : tr("No earlier event on this entity recorded this field");
        if (index.column() == AfterColumn)
            return valueText(change.after);
        return {};
    case Qt::FontRole:
        if (index.column() == AfterColumn && change.changed()) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

} // namespace assay
