#pragma once

#include <QStyledItemDelegate>

namespace assay {

// Draws a cell as a coloured badge: the text in white on a rounded pill of the colour the model
// gives as Qt::ForegroundRole. The signature status must not be missed, and plain coloured
// text is easy to miss.
class SignatureBadgeDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace assay
