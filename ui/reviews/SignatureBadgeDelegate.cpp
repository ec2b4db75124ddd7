#include "SignatureBadgeDelegate.h"

#include <QApplication>
#include <QPainter>

namespace assay {
namespace {

constexpr int paddingX = 8;
constexpr int paddingY = 2;
constexpr int marginX = 4;

} // namespace

void SignatureBadgeDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                   const QModelIndex& index) const {
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    const QString text = background.text;
    background.text.clear();
    QStyle* style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);
    if (text.isEmpty())
        return;

    const QColor color = index.data(Qt::ForegroundRole).value<QColor>();
    QFont font = option.font;
    font.setBold(true);
    const QFontMetrics metrics(font);
    const int width = metrics.horizontalAdvance(text) + 2 * paddingX;
    const int height = std::min(metrics.height() + 2 * paddingY, option.rect.height() - 2);
    const QRect pill(option.rect.left() + marginX, option.rect.center().y() - height / 2 + 1, width, height);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color.isValid() ? color : option.palette.color(QPalette::Mid));
    painter->drawRoundedRect(pill, height / 2.0, height / 2.0);
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(pill, Qt::AlignCenter, text);
    painter->restore();
}

QSize SignatureBadgeDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QFont font = option.font;
    font.setBold(true);
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    const int width =
        QFontMetrics(font).horizontalAdvance(index.data().toString()) + 2 * (paddingX + marginX);
    return {std::max(base.width(), width), base.height()};
}

} // namespace assay
