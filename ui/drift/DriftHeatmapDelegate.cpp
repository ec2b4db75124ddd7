#include "DriftHeatmapDelegate.h"

#include <QPainter>

namespace assay {
namespace {

constexpr int gap = 1;
constexpr int frameWidth = 3;

} // namespace

void DriftHeatmapDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const {
    painter->save();
    const QRect tile = option.rect.adjusted(gap, gap, -gap, -gap);
    const QVariant fill = index.data(Qt::BackgroundRole);
    painter->fillRect(tile,
                      fill.isValid() ? fill.value<QColor>() : option.palette.color(QPalette::AlternateBase));
    const QVariant text = index.data(Qt::ForegroundRole);
    painter->setPen(text.isValid() ? text.value<QColor>() : option.palette.color(QPalette::PlaceholderText));
    painter->setFont(option.font);
    painter->drawText(tile, Qt::AlignCenter, index.data(Qt::DisplayRole).toString());
    if (option.state & (QStyle::State_Selected | QStyle::State_HasFocus)) {
        QPen frame(option.palette.color(QPalette::Highlight), frameWidth);
        frame.setJoinStyle(Qt::MiterJoin);
        painter->setPen(frame);
        painter->setBrush(Qt::NoBrush);
        const int inset = frameWidth / 2 + gap;
        painter->drawRect(option.rect.adjusted(inset, inset, -inset - 1, -inset - 1));
    }
    painter->restore();
}

QSize DriftHeatmapDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    const QFontMetrics metrics(option.font);
    const int width = metrics.horizontalAdvance(index.data(Qt::DisplayRole).toString()) + 10;
    return {std::max(width, metrics.horizontalAdvance(QStringLiteral("0.00")) + 10), metrics.height() + 10};
}

} // namespace assay
