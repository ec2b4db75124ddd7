#pragma once

#include <QStyledItemDelegate>

namespace assay {

// Draws an experiment row as its name with the run count right-aligned in a quieter colour,
// the way a mail client shows folder counts.
class ExperimentItemDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    static QString countText(const QModelIndex& index);
};

} // namespace assay
