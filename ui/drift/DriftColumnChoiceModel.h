#pragma once

#include "core/drift/CsvColumnType.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

#include <optional>

namespace assay {

// The columns of a new monitor's reference file as choices: whether each is a feature (all by
// default), its type (detected from the data unless forced), and whether it is a key feature.
// Columns serving as timestamp, label or prediction are shown but cannot be features.
class DriftColumnChoiceModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { FeatureColumn, TypeColumn, KeyColumn, ColumnCount };

    explicit DriftColumnChoiceModel(QObject* parent = nullptr);

    void setColumns(const QStringList& names);
    // column → what it serves as ("timestamp", "label", "prediction").
    void setReserved(const QHash<QString, QString>& reserved);
    void setAllIncluded(bool included);

    QStringList features() const;
    QStringList keyFeatures() const;
    QHash<QString, CsvColumnType> typeOverrides() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString name;
        bool included = true;
        std::optional<CsvColumnType> type;
        bool key = false;
    };

    bool isFeature(const Row& row) const { return row.included && !m_reserved.contains(row.name); }

    QList<Row> m_rows;
    QHash<QString, QString> m_reserved;
};

} // namespace assay
