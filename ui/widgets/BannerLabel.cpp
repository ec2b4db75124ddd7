#include "BannerLabel.h"

#include "PaletteTone.h"

#include <QEvent>
#include <QPainter>

namespace assay {
namespace {

struct Colours {
    QRgb background;
    QRgb text;
    QRgb border;
};

// The text keeps a contrast above 7:1 on its tint either way.
Colours colours(BannerLabel::Kind kind, bool dark) {
    switch (kind) {
    case BannerLabel::Kind::Warning:
        return dark ? Colours{0x3b3210, 0xffe7a3, 0x8a7425} : Colours{0xfff4ce, 0x3d3000, 0xe0c45c};
    case BannerLabel::Kind::Alert:
        return dark ? Colours{0x4a1714, 0xffd7d3, 0xb3443c} : Colours{0xfde7e6, 0x5c0f0b, 0xd6453d};
    case BannerLabel::Kind::Success:
        return dark ? Colours{0x143621, 0xc9f2d5, 0x3f8a55} : Colours{0xe6f4ea, 0x0b3d1c, 0x6cb47f};
    case BannerLabel::Kind::Info:
        break;
    }
    return dark ? Colours{0x172b4a, 0xd3e3ff, 0x41649e} : Colours{0xe8f0fe, 0x102a56, 0xa8c2ee};
}

constexpr qreal cornerRadius = 3;

} // namespace

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
    applyColours();
    update();
}

void BannerLabel::applyColours() {
    const Colours c = colours(m_kind, PaletteTone::isDark(PaletteTone::surroundings(this)));
    m_border = QColor::fromRgb(c.border);
    QPalette tinted = palette();
    tinted.setColor(QPalette::Window, QColor::fromRgb(c.background));
    tinted.setColor(QPalette::WindowText, QColor::fromRgb(c.text));
    // The same palette again sends no change event, so this ends the round that set it.
    setPalette(tinted);
}

void BannerLabel::paintEvent(QPaintEvent* event) {
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(m_border);
        painter.setBrush(palette().color(QPalette::Window));
        painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), cornerRadius, cornerRadius);
    }
    QLabel::paintEvent(event);
}

void BannerLabel::changeEvent(QEvent* event) {
    QLabel::changeEvent(event);
    // The palette around changed (the parent's, or the application's, handed down): pick the
    // light or dark tint again.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ParentChange)
        applyColours();
}

} // namespace assay
