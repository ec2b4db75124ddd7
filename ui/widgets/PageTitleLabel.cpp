#include "PageTitleLabel.h"

namespace assay {

PageTitleLabel::PageTitleLabel(const QString& objectName, double scale, QWidget* parent)
    : QLabel(parent) {
    setObjectName(objectName);
    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * scale);
    titleFont.setBold(true);
    setFont(titleFont);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
}

} // namespace assay
