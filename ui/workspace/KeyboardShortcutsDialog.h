#pragma once

#include <QDialog>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace assay {

class ShortcutModel;

// Help > Keyboard Shortcuts: every shortcut of the window in a table, with a box that filters it
// by command, key or menu as you type.
class KeyboardShortcutsDialog : public QDialog {
    Q_OBJECT

public:
    // model: read from the window's actions by the caller; the dialog takes it over.
    explicit KeyboardShortcutsDialog(ShortcutModel* model, QWidget* parent = nullptr);

    ShortcutModel* model() const { return m_model; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QLineEdit* filterEdit() const { return m_filter; }
    QTableView* view() const { return m_view; }

private:
    ShortcutModel* m_model;
    QSortFilterProxyModel* m_proxy = nullptr;
    QLineEdit* m_filter = nullptr;
    QTableView* m_view = nullptr;
};

} // namespace assay
