#pragma once

#include "CompareRun.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace assay {

// The params of the compared runs: one row per param key, one column per run. With "only
// differences" on, the rows where every run holds the same value (a run without the key counts
// as different from one with it) are left out.
class CompareParamModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Role {
        // bool: the row's runs do not all hold the same value.
        DiffersRole = Qt::UserRole + 1,
        // headerData, horizontal: the run's id.
        RunIdRole,
    };

    explicit CompareParamModel(QObject* parent = nullptr);

    void setRuns(const QList<CompareRun>& runs);
    void setOnlyDifferences(bool only);
    bool onlyDifferences() const { return m_onlyDifferences; }
    // The param key of a row.
    QString keyAt(int row) const { return m_rows.value(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    bool differs(const QString& key) const;
    void rebuildRows();

    QList<CompareRun> m_runs;
    QStringList m_allKeys;
    QStringList m_rows;
    bool m_onlyDifferences = false;
};

} // namespace assay
