#include "CentredCheckDelegate.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

namespace assay {
namespace {

QStyle* styleOf(const QStyleOptionViewItem& option) {
    return option.widget ? option.widget->style() : QApplication::style();
}

} // namespace

QRect CentredCheckDelegate::checkRect(const QStyleOptionViewItem& option) {
    const QSize size =
        styleOf(option)->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, option.widget).size();
    return QStyle::alignedRect(option.direction, Qt::AlignCenter, size, option.rect);
}

void CentredCheckDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const {
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    if (!(cell.features & QStyleOptionViewItem::HasCheckIndicator)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // Background, selection and focus as usual, then the box on its own.
    QStyleOptionViewItem background = cell;
    background.features &= ~QStyleOptionViewItem::HasCheckIndicator;
    styleOf(cell)->drawControl(QStyle::CE_ItemViewItem, &background, painter, cell.widget);
    QStyleOptionViewItem box = cell;
    box.rect = checkRect(cell);
    box.state &= ~QStyle::State_HasFocus;
    box.state |= cell.checkState == Qt::Checked ? QStyle::State_On : QStyle::State_Off;
    // A box the user cannot tick looks it, as a read-only check box does.
    if (!(index.flags() & Qt::ItemIsUserCheckable))
        box.state &= ~QStyle::State_Enabled;
    styleOf(cell)->drawPrimitive(QStyle::PE_IndicatorItemViewItemCheck, &box, painter, cell.widget);
}

bool CentredCheckDelegate::isToggle(QEvent* event, const QStyleOptionViewItem& option) {
    switch (event->type()) {
    case QEvent::MouseButtonRelease: {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        return mouse->button() == Qt::LeftButton && checkRect(option).contains(mouse->position().toPoint());
    }
    case QEvent::KeyPress: {
        const int key = static_cast<QKeyEvent*>(event)->key();
        return key == Qt::Key_Space || key == Qt::Key_Select;
    }
    default:
        return false;
    }
}

bool CentredCheckDelegate::editorEvent(QEvent* event, QAbstractItemModel* model,
                                       const QStyleOptionViewItem& option, const QModelIndex& index) {
    const Qt::ItemFlags flags = model->flags(index);
    if (!(flags & Qt::ItemIsUserCheckable) || !(flags & Qt::ItemIsEnabled))
        return false;
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    // A double click on the box would otherwise also start the view's own handling.
    if (event->type() == QEvent::MouseButtonDblClick)
        return checkRect(cell).contains(static_cast<QMouseEvent*>(event)->position().toPoint());
    if (!isToggle(event, cell))
        return false;
    const bool checked = index.data(Qt::CheckStateRole).toInt() == Qt::Checked;
    return model->setData(index, checked ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
}

} // namespace assay
