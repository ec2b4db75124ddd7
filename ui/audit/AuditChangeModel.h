#pragma once

#include "core/audit/AuditFieldChange.h"

#include <QAbstractTableModel>
#include <QList>

namespace assay {

// An audit event's payload as field → before → after (AuditTrail::changes says where "before"
// comes from); fields whose value changed are bold.
class AuditChangeModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { FieldColumn, BeforeColumn, AfterColumn, ColumnCount };

    explicit AuditChangeModel(QObject* parent = nullptr);

    void setChanges(const QList<AuditFieldChange>& changes);
    const QList<AuditFieldChange>& changes() const { return m_changes; }
    // A JSON value as the detail shows it: strings bare, the rest as compact JSON.
    static QString valueText(const QJsonValue& value);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<AuditFieldChange> m_changes;
};

} // namespace assay
