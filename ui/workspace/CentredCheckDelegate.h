#pragma once

#include <QStyledItemDelegate>

namespace assay {

// Draws a cell's check box in the middle of the cell and toggles it on a click on the box (or
// Space), for columns that hold a check box and nothing else, such as the roles of the users
// table. QStyledItemDelegate would put the box at the left edge, away from its header.
class CentredCheckDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;

private:
    static QRect checkRect(const QStyleOptionViewItem& option);
    static bool isToggle(QEvent* event, const QStyleOptionViewItem& option);
};

} // namespace assay
