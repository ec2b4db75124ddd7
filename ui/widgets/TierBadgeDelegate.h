#pragma once

#include <QStyledItemDelegate>

namespace assay {

// Draws a tier cell as a coloured badge (TierStyle) with an optional note after it, so that the
// riskiest models catch the eye in a table. Models put the tier in TierRole (absent when not
// assessed), BlockedRole and NoteRole; their DisplayRole keeps the whole text for copying,
// sorting and accessibility.
class TierBadgeDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    static constexpr int TierRole = Qt::UserRole + 50;
    static constexpr int BlockedRole = Qt::UserRole + 51;
    static constexpr int NoteRole = Qt::UserRole + 52;

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace assay
