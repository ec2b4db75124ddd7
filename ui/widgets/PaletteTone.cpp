#include "PaletteTone.h"

#include <QGuiApplication>
#include <QWidget>

#include <algorithm>

namespace assay {

bool PaletteTone::isDark(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

QPalette PaletteTone::surroundings(const QWidget* widget) {
    const QWidget* parent = widget ? widget->parentWidget() : nullptr;
    return parent ? parent->palette() : QGuiApplication::palette();
}

QColor PaletteTone::pick(const QPalette& palette, QRgb light, QRgb dark) {
    return QColor::fromRgb(isDark(palette) ? dark : light);
}

QColor PaletteTone::asText(const QColor& accent, const QPalette& palette) {
    if (!accent.isValid() || !isDark(palette))
        return accent;
    // HSL lightness 0.7 keeps the hue and gives at least 5:1 on the near-black bases of dark themes.
    constexpr float minimumLightness = 0.7F;
    const QColor hsl = accent.toHsl();
    return QColor::fromHslF(hsl.hslHueF(), hsl.hslSaturationF(), std::max(hsl.lightnessF(), minimumLightness),
                            hsl.alphaF());
}

QColor PaletteTone::asText(const QColor& accent) {
    return asText(accent, QGuiApplication::palette());
}

QColor PaletteTone::problem(const QPalette& palette) {
    // The red of the run filter bar's errors: at least 4.5:1 on white and on near-black.
    return pick(palette, 0xcf222e, 0xff7b72);
}

QColor PaletteTone::success(const QPalette& palette) {
    return pick(palette, 0x1a7f37, 0x56d364);
}

QPalette PaletteTone::darkPalette() {
    // Breeze Dark's colours: a common dark theme, and one whose disabled and placeholder text
    // is distinct from normal text.
    QPalette palette;
    const QColor window(0x20, 0x23, 0x26);
    const QColor base(0x14, 0x16, 0x18);
    const QColor text(0xfc, 0xfc, 0xfc);
    const QColor button(0x29, 0x2c, 0x30);
    const QColor highlight(0x3d, 0xae, 0xe9);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(0x1d, 0x1f, 0x22));
    palette.setColor(QPalette::ToolTipBase, button);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0xa1, 0xa9, 0xb1));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, button);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(0xff, 0xff, 0xff));
    palette.setColor(QPalette::Light, QColor(0x40, 0x45, 0x4b));
    palette.setColor(QPalette::Midlight, QColor(0x35, 0x39, 0x3e));
    palette.setColor(QPalette::Mid, QColor(0x4d, 0x52, 0x58));
    palette.setColor(QPalette::Dark, QColor(0x11, 0x12, 0x14));
    palette.setColor(QPalette::Shadow, QColor(0x0b, 0x0c, 0x0d));
    palette.setColor(QPalette::Highlight, highlight);
    palette.setColor(QPalette::HighlightedText, text);
    palette.setColor(QPalette::Link, QColor(0x1d, 0x99, 0xf3));
    palette.setColor(QPalette::LinkVisited, QColor(0x9b, 0x59, 0xb6));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, QColor(0x6e, 0x73, 0x78));
    palette.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4d, 0x52, 0x58));
    return palette;
}

} // namespace assay
