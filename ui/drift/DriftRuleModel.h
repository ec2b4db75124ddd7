#pragma once

#include "core/drift/DriftFeature.h"
#include "core/drift/DriftThresholds.h"

#include <QAbstractTableModel>
#include <QList>

namespace assay {

// A monitor's features as rules to edit: the method each is judged by (one of
// DriftMethod::monitorable()), its own threshold if any (else the monitor's for the method,
// shown greyed), and whether it is a key feature.
class DriftRuleModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { FeatureColumn, TypeColumn, MethodColumn, ThresholdColumn, KeyColumn, ColumnCount };

    explicit DriftRuleModel(QObject* parent = nullptr);

    void setFeatures(const QList<DriftFeature>& features);
    const QList<DriftFeature>& features() const { return m_features; }
    // The monitor's thresholds, which features without their own follow.
    void setMonitorThresholds(const DriftThresholds& thresholds);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<DriftFeature> m_features;
    DriftThresholds m_thresholds;
};

} // namespace assay
