#pragma once

#include <QColor>
#include <QPalette>

class QWidget;

namespace assay {

// Assay's own colours (banners, error and success text, chart surfaces) as pairs: one for a
// light palette, one for a dark palette, chosen by the lightness of the palette's window colour.
// Everything else comes from the palette's roles, so the system's light or dark theme is followed.
class PaletteTone {
public:
    static bool isDark(const QPalette& palette);
    // The palette a widget sits on: its parent's, or the application's. A widget with a style
    // sheet cannot ask its own palette, whose colours the style sheet replaces.
    static QPalette surroundings(const QWidget* widget);
    static QColor pick(const QPalette& palette, QRgb light, QRgb dark);
    // A status colour (a mid-tone red, green or amber that also fills badges and icons) for
    // text: as it is on a light palette, lighter on a dark one, where a mid-tone loses contrast.
    static QColor asText(const QColor& accent, const QPalette& palette);
    static QColor asText(const QColor& accent); // on the application's palette
    // Text that says something is wrong or refused; readable on the window and base colours.
    static QColor problem(const QPalette& palette);
    // Text that says a check passed.
    static QColor success(const QPalette& palette);
    // A dark palette as the dark themes of desktops give it, for screenshots and tests of how
    // the windows look on one (assay --dark).
    static QPalette darkPalette();
};

} // namespace assay
