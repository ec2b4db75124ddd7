#pragma once

#include <QAbstractTableModel>
#include <QKeySequence>
#include <QList>

class QAction;
class QMenuBar;
class QWidget;

namespace assay {

// Every keyboard shortcut of the window, read from its actions when the list is made, so that it
// says what the keys really do: the menu bar's actions, menu by menu, and the actions pages give
// their own widgets (Copy on the runs table). One row per action, in menu order.
class ShortcutModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { CommandColumn, ShortcutColumn, WhereColumn, ColumnCount };

    struct Shortcut {
        QString command; // "Find", without the mnemonic's &
        QList<QKeySequence> keys;
        QString where; // "Edit", "Go", "Experiments page"
    };

    explicit ShortcutModel(QObject* parent = nullptr);

    // The menu bar's actions with a shortcut, followed by those of each page (named by title).
    void read(const QMenuBar* menuBar, const QList<QPair<QString, const QWidget*>>& pages);
    const QList<Shortcut>& shortcuts() const { return m_shortcuts; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "&Open Workspace…" → "Open Workspace…"; "Save && Close" → "Save & Close".
    static QString plainText(const QString& text);

private:
    void readMenu(const QList<QAction*>& actions, const QString& where);

    QList<Shortcut> m_shortcuts;
};

} // namespace assay
