#pragma once

#include "CompareRun.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

#include <optional>

namespace assay {

// The latest value of each metric for the compared runs: one row per metric key, one column per
// run. The best value of each row is marked (bold, a tinted background, IsBestRole); which way is
// best comes from the metric's name (MetricDirection) until the user flips it.
// NaN and infinite values are shown but never best: they mean a diverged run, not a winner.
class CompareMetricModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Role {
        IsBestRole = Qt::UserRole + 1,
        // headerData, vertical: bool.
        LowerIsBetterRole,
        // headerData, horizontal: the run's id.
        RunIdRole,
        // data: the latest value as a double; invalid when the run lacks the metric.
        ValueRole,
    };

    explicit CompareMetricModel(QObject* parent = nullptr);

    void setRuns(const QList<CompareRun>& runs);
    QString keyAt(int row) const { return m_keys.value(row); }
    int rowOf(const QString& key) const { return static_cast<int>(m_keys.indexOf(key)); }
    bool lowerIsBetter(const QString& key) const;
    void setLowerIsBetter(const QString& key, bool lower);
    void flipDirection(int row);
    // The best latest value of the row, if any run has a finite one.
    std::optional<double> bestValue(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::optional<double> valueAt(int row, int column) const;
    bool isBest(int row, int column) const;
    void computeBest(int row);

    QList<CompareRun> m_runs;
    QStringList m_keys;
    QList<std::optional<double>> m_best;
    // Only the user's choices; the rest follow MetricDirection. Kept across setRuns().
    QHash<QString, bool> m_lowerIsBetter;
};

} // namespace assay
