#include "BannerLabel.h"

namespace assay {

BannerLabel::BannerLabel(Kind kind, const QString& objectName, QWidget* parent)
    : QLabel(parent)
    , m_kind(kind) {
    setObjectName(objectName);
    setWordWrap(true);
    setMargin(8);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setKind(kind);
}

void BannerLabel::setKind(Kind kind) {
    m_kind = kind;
    // Fixed colours on purpose: a banner must stand out on light and dark palettes alike.
    switch (kind) {
    case Kind::Warning:
        setStyleSheet(
            QStringLiteral("QLabel { background: #fff4ce; color: #3d3000; border: 1px solid #e0c45c; "
                           "border-radius: 3px; }"));
        break;
    case Kind::Alert:
        setStyleSheet(
            QStringLiteral("QLabel { background: #fde7e6; color: #5c0f0b; border: 1px solid #d6453d; "
                           "border-radius: 3px; }"));
        break;
    case Kind::Success:
        setStyleSheet(
            QStringLiteral("QLabel { background: #e6f4ea; color: #0b3d1c; border: 1px solid #6cb47f; "
                           "border-radius: 3px; }"));
        break;
    case Kind::Info:
        setStyleSheet(
            QStringLiteral("QLabel { background: #e8f0fe; color: #102a56; border: 1px solid #a8c2ee; "
                           "border-radius: 3px; }"));
        break;
    }
}

} // namespace assay
