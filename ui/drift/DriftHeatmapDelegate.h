#pragma once

#include <QStyledItemDelegate>

namespace assay {

// Paints a heatmap cell as a tile of its drift colour (DriftHeatmapModel's BackgroundRole) with
// the score on it, and the current or selected cell framed in the highlight colour instead of
// being painted over, so that the colour stays readable where the user is.
class DriftHeatmapDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace assay
