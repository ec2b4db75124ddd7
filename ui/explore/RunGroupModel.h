#pragma once

#include "core/tracking/RunGroup.h"

#include <QAbstractTableModel>
#include <QList>

namespace assay {

// The groups of a grouped run listing (RunQuery::groups): value, run count and the best value
// of the chosen metric.
class RunGroupModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { ValueColumn, RunsColumn, BestColumn };
    // The filter expression that narrows the runs table to a group (see conditionFor()).
    static constexpr int ConditionRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setGroups(const QList<RunGroup>& groups, const QString& groupKeyExpression,
                   const QString& metricKey);
    const QList<RunGroup>& groups() const { return m_groups; }

    // groupKeyExpression is e.g. "params.`model`". A run without the param or tag matches
    // NOT ... LIKE '%', since a comparison with a missing key never matches.
    static QString conditionFor(const QString& groupKeyExpression, const std::optional<QString>& value);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<RunGroup> m_groups;
    QString m_keyExpression;
    QString m_metricKey;
};

} // namespace assay
