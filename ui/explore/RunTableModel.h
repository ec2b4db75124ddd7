#pragma once

#include "core/tracking/RunRow.h"
#include "core/tracking/RunScope.h"
#include "core/tracking/RunSort.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <functional>

namespace assay {

class ChangeSet;
class WorkspaceSession;

// The runs of a scope as a table: run attributes, then three columns per metric key (latest
// value, minimum, maximum; the view shows the latest only until the user asks) and one per
// param key. Rows arrive a page at a time through RunQuery as the view scrolls,
// and sorting re-queries in core, so that a workspace of 100,000 runs costs one page of memory
// and one indexed query per scroll step.
class RunTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { NameColumn, ExperimentColumn, StatusColumn, UserColumn, StartColumn, DurationColumn };
    static constexpr int attributeColumnCount = DurationColumn + 1;
    static constexpr int pageSize = 200;

    enum Role {
        RunIdRole = Qt::UserRole + 1,
        // "attributes.name", "params.<key>", "metrics.<key>", "metrics.min(<key>)" or
        // "metrics.max(<key>)" (headerData): a column's identity across reloads and saved views.
        ColumnKeyRole,
        // "params", "metrics", "metrics.min", "metrics.max" or "attributes" (headerData).
        ColumnGroupRole,
        // The cell as text to copy: metrics with every digit, the rest as displayed.
        CopyTextRole,
    };

    explicit RunTableModel(WorkspaceSession& session, QObject* parent = nullptr);

    void setScope(const RunScope& scope);
    // Sorts by a RunSort directly (a saved view); a key no column shows falls back to the default.
    void setRunSort(const RunSort& sort);
    // The sort as RunSort::parse reads it back ("metrics.min(`f1 score`) ASC").
    static QString sortText(const RunSort& sort);
    // The column with this ColumnKeyRole, or -1.
    int columnOfKey(const QString& key) const;
    const RunScope& scope() const { return m_scope; }
    const RunSort& runSort() const { return m_sort; }
    // The column the current sort reads; -1 when it sorts by a key no column shows.
    int sortColumn() const;
    // All runs in scope, loaded or not.
    qint64 totalCount() const { return m_total; }
    const QStringList& paramKeys() const { return m_paramKeys; }
    const QStringList& metricKeys() const { return m_metricKeys; }
    qint64 runIdAt(int row) const;

    // Reads everything again, keeping scope, sort and as many rows as were loaded.
    void reload();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    // A core query failed; the message is the AssayError's, for the window to show.
    void loadFailed(const QString& message);

private:
    enum class ColumnKind { Attribute, Param, Metric, MetricMin, MetricMax };
    static constexpr int metricVariants = 3;

    void onWorkspaceChanged();
    void onChanged(const ChangeSet& changes);
    void reloadRows();
    void reloadFromTop();
    void reloadKeeping(int loadedRows);
    void resetWith(const std::function<void()>& load);
    void loadKeysAndCount();
    QList<RunRow> loadPage(qint64 offset, int limit) const;
    ColumnKind columnKind(int column) const;
    QString columnKey(int column) const;
    RunSort sortFor(int column, Qt::SortOrder order) const;

    QVariant displayData(const RunRow& row, int column) const;
    QVariant toolTipData(const RunRow& row, int column) const;
    QVariant alignmentData(const RunRow& row, int column) const;
    QVariant headerDisplay(int section) const;
    static QString variantName(ColumnKind kind);
    static const QHash<QString, double>& metricValues(const RunRow& row, ColumnKind kind);
    QVariant headerToolTip(int section) const;

    WorkspaceSession& m_session;
    RunScope m_scope;
    RunSort m_sort;
    qint64 m_total = 0;
    QStringList m_paramKeys;
    QStringList m_metricKeys;
    QList<RunRow> m_rows;
    // Set while this model emits reset or insert signals; canFetchMore() is false meanwhile.
    bool m_changing = false;
};

} // namespace assay
