#pragma once

#include <QHash>
#include <QSet>
#include <QStringList>
#include <QTableView>

namespace assay {

class RunTableModel;

// The runs table: row selection, alternating rows, sorting done by the model (in core), and
// column widths fitted to the loaded rows within bounds, so that thirty param columns cannot
// squeeze the run names out of sight.
//
// Columns are known by their key (RunTableModel::ColumnKeyRole), not their index: the model's
// columns change with the scope, and the user's choice of visible columns, their order and the
// pinned ones must survive that. Pinned columns stay at the left while the rest scroll: a second
// table over the same model and selection lies over them (Qt's "frozen column" technique).
class RunTableView : public QTableView {
    Q_OBJECT

public:
    static constexpr int minimumColumnWidth = 56;
    static constexpr int maximumAttributeColumnWidth = 260;
    static constexpr int maximumKeyColumnWidth = 140;

    explicit RunTableView(QWidget* parent = nullptr);

    void setRunModel(RunTableModel* model);
    RunTableModel* runModel() const { return m_model; }

    // Every column key of the model, in the model's order.
    QStringList columnKeys() const;
    // The shown columns, in the order the user sees them (pinned first).
    QStringList visibleColumnKeys() const;
    bool isColumnKeyVisible(const QString& key) const;
    void setColumnKeyVisible(const QString& key, bool visible);
    // Shows exactly these columns in this order (a saved view); columns that appear later, in a
    // scope with other keys, follow the defaults.
    void setVisibleColumnKeys(const QStringList& keys);
    // Back to the defaults: attributes, latest metrics and params shown; min and max hidden.
    void resetColumns();
    // Hidden unless the user shows it (the experiment column within one experiment).
    void setColumnKeyHiddenByDefault(const QString& key, bool hidden);

    // The user's layout (order, shown and hidden columns, pinned ones, the widths they dragged
    // columns to) as bytes for the settings, and back. Restoring ignores bytes it cannot read.
    QByteArray saveColumnLayout() const;
    void restoreColumnLayout(const QByteArray& state);

    QStringList pinnedColumnKeys() const { return m_pinned; }
    void setColumnKeyPinned(const QString& key, bool pinned);
    // The table that shows the pinned columns; hidden when none is pinned.
    QTableView* pinnedView() const { return m_frozen; }

    // The selected rows as tab-separated text: a header row, then one line per run, with the
    // visible columns in view order.
    QString selectionAsTsv() const;
    void copySelection() const;
    QList<qint64> selectedRunIds() const;

signals:
    // Double-click or Enter on a run.
    void runActivated(qint64 runId);
    // The visible columns, their order, the pinned ones or a width the user dragged changed.
    void columnLayoutChanged();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void updateGeometries() override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void onModelReset();
    void syncSortIndicator();
    void fitColumnsIfChanged();
    int fittedWidth(int column) const;
    bool isHiddenByLayout(const QString& key) const;
    void applyLayout();
    void onSectionMoved();
    void onSectionResized(int column, int oldSize, int newSize);
    void showHeaderMenu(const QPoint& position);
    void setUpPinnedView();
    void updatePinnedView();
    void updatePinnedGeometry();
    void activate(const QModelIndex& index);

    RunTableModel* m_model = nullptr;
    QTableView* m_frozen = nullptr;
    // The columns last fitted: a reload that keeps them keeps the widths the user chose.
    QStringList m_fittedKeys;
    // The user's layout: the preferred order, and the columns explicitly hidden or shown.
    QStringList m_order;
    QSet<QString> m_hidden;
    QSet<QString> m_shown;
    QSet<QString> m_hiddenByDefault;
    QStringList m_pinned{QStringLiteral("attributes.name")};
    // Widths the user dragged columns to, by key: a fit keeps them.
    QHash<QString, int> m_widths;
    // Set while applyLayout() moves sections or a fit resizes them, so that its own moves and
    // resizes are not taken for the user's.
    bool m_applying = false;
};

} // namespace assay
