#include "BannerLabel.h"

namespace assay {

BannerLabel::BannerLabel(Kind kind, const QString& objectName, QWidget* parent)
    : QLabel(parent) {
    setObjectName(objectName);
    setWordWrap(true);
    setMargin(8);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Fixed colours on purpose: a banner must stand out on light and dark palettes alike.
    setStyleSheet(
        kind == Kind::Warning
            ? QStringLiteral("QLabel { background: #fff4ce; color: #3d3000; border: 1px solid #e0c45c; "
                             "border-radius: 3px; }")
            : QStringLiteral("QLabel { background: #e8f0fe; color: #102a56; border: 1px solid #a8c2ee; "
                             "border-radius: 3px; }"));
}

} // namespace assay
