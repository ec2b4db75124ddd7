#pragma once

#include "core/governance/Gate.h"

#include <QAbstractTableModel>
#include <QList>

namespace assay {

// The gates of a request (PromotionGates::compute) as a table: an icon and the gate's label, its
// status, and the detail that explains it. A failed gate is drawn in red.
class GateModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { GateColumn, StatusColumn, DetailColumn, ColumnCount };
    enum Role { StatusRole = Qt::UserRole + 1 };

    explicit GateModel(QObject* parent = nullptr);

    void setGates(const QList<Gate>& gates);
    const QList<Gate>& gates() const { return m_gates; }
    int failedCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusLabel(Gate::Status status);

private:
    QList<Gate> m_gates;
};

} // namespace assay
