#include "TierBadgeDelegate.h"

#include "TierStyle.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <optional>

namespace assay {
namespace {

constexpr int margin = 4;
constexpr int padding = 7;
constexpr int noteGap = 6;

std::optional<int> tierOf(const QModelIndex& index) {
    const QVariant tier = index.data(TierBadgeDelegate::TierRole);
    return tier.isValid() ? std::optional<int>(tier.toInt()) : std::nullopt;
}

} // namespace

void TierBadgeDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const {
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const std::optional<int> tier = tierOf(index);
    const bool blocked = index.data(BlockedRole).toBool();
    const QString label = TierStyle::label(tier, blocked);
    const QFontMetrics metrics(option.font);
    const int height = metrics.height() + 2;
    const QRectF badge(option.rect.left() + margin, option.rect.center().y() - height / 2.0 + 0.5,
                       metrics.horizontalAdvance(label) + 2 * padding, height);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor fill = TierStyle::fill(tier, blocked);
    QPainterPath path;
    path.addRoundedRect(badge.adjusted(0.5, 0.5, -0.5, -0.5), height / 2.0, height / 2.0);
    if (fill.isValid()) {
        painter->fillPath(path, fill);
        painter->setPen(TierStyle::text(tier, blocked));
    } else {
        // Not assessed: an outline in the placeholder colour, quieter than any tier.
        painter->setPen(option.palette.color(QPalette::PlaceholderText));
        painter->drawPath(path);
    }
    painter->setFont(option.font);
    painter->drawText(badge, Qt::AlignCenter, label);

    const QString note = index.data(NoteRole).toString();
    if (!note.isEmpty()) {
        QFont italic = option.font;
        italic.setItalic(true);
        painter->setFont(italic);
        const bool selected = option.state & QStyle::State_Selected;
        painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        const QRectF noteRect(badge.right() + noteGap, option.rect.top(),
                              option.rect.right() - badge.right() - noteGap, option.rect.height());
        painter->drawText(noteRect, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(italic).elidedText(note, Qt::ElideRight, int(noteRect.width())));
    }
    painter->restore();
}

QSize TierBadgeDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    const QFontMetrics metrics(option.font);
    int width = margin * 2 + padding * 2 +
                metrics.horizontalAdvance(TierStyle::label(tierOf(index), index.data(BlockedRole).toBool()));
    const QString note = index.data(NoteRole).toString();
    if (!note.isEmpty()) {
        QFont italic = option.font;
        italic.setItalic(true);
        width += noteGap + QFontMetrics(italic).horizontalAdvance(note);
    }
    return {width, metrics.height() + 8};
}

} // namespace assay
