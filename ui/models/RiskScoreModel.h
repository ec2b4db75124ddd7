#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QMap>

namespace assay {

class TierPolicy;

// The scores of one risk assessment, one row per dimension of the policy it was made under:
// the dimension, its weight, the score and what that score means in the policy's words.
class RiskScoreModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { DimensionColumn, WeightColumn, ScoreColumn, MeaningColumn, ColumnCount };
    static constexpr int KeyRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setScores(const QMap<QString, int>& scores, const TierPolicy& policy);
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString key;
        QString label;
        double weight = 0;
        int score = 0; // 0: not scored
        QString meaning;
    };

    QList<Row> m_rows;
};

} // namespace assay
