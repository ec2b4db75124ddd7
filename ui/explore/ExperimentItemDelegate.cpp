#include "ExperimentItemDelegate.h"

#include "ExperimentListModel.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>

namespace assay {
namespace {

constexpr int horizontalPadding = 8;
constexpr int verticalPadding = 6;
constexpr int countGap = 12;

} // namespace

QString ExperimentItemDelegate::countText(const QModelIndex& index) {
    return QLocale().toString(index.data(ExperimentListModel::RunCountRole).toLongLong());
}

void ExperimentItemDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                   const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString name = opt.text;
    opt.text.clear();
    // The style draws the selection and focus background; the texts go on top.
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    const QPalette::ColorGroup group =
        opt.state.testFlag(QStyle::State_Active) ? QPalette::Active : QPalette::Inactive;
    const QRect area = opt.rect.adjusted(horizontalPadding, 0, -horizontalPadding, 0);
    const QString count = countText(index);
    const int countWidth = opt.fontMetrics.horizontalAdvance(count);

    painter->save();
    painter->setFont(opt.font);
    painter->setPen(
        opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
    painter->drawText(area, Qt::AlignRight | Qt::AlignVCenter, count);
    painter->setPen(opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    const QRect nameArea = area.adjusted(0, 0, -(countWidth + countGap), 0);
    painter->drawText(nameArea, Qt::AlignLeft | Qt::AlignVCenter,
                      opt.fontMetrics.elidedText(name, Qt::ElideRight, nameArea.width()));
    painter->restore();
}

QSize ExperimentItemDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int width = opt.fontMetrics.horizontalAdvance(opt.text) + countGap +
                      opt.fontMetrics.horizontalAdvance(countText(index)) + 2 * horizontalPadding;
    return {width, opt.fontMetrics.height() + 2 * verticalPadding};
}

} // namespace assay
