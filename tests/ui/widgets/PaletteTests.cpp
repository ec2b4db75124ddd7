#include "ui/drift/DriftScoreChart.h"
#include "ui/widgets/BannerLabel.h"
#include "ui/widgets/ChartPalette.h"
#include "ui/widgets/PaletteTone.h"
#include "ui/widgets/TierBadgeLabel.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QStyle>
#include <QTest>

#include <catch2/catch.hpp>
#include <cmath>

using namespace assay;

namespace {

// Puts the application's palette back when a test that changed it ends, passed or failed.
struct PaletteGuard {
    QPalette original = QApplication::palette();
    ~PaletteGuard() { QApplication::setPalette(original); }
};

int lightness(QWidget* widget, QPoint at) {
    return widget->grab().toImage().pixelColor(at).lightness();
}

} // namespace

TEST_CASE("Banners, badges and charts follow the palette from light to dark and back", "[palette]") {
    PaletteGuard guard;
    QApplication::setPalette(QApplication::style()->standardPalette());
    QWidget window;
    window.resize(400, 340);
    auto* banner = new BannerLabel(BannerLabel::Kind::Success, QStringLiteral("banner"), &window);
    banner->setText(QStringLiteral("The audit trail verifies."));
    banner->setGeometry(10, 10, 380, 60);
    auto* badge = new TierBadgeLabel(QStringLiteral("badge"), &window);
    badge->move(10, 300);
    auto* chartView = new QChartView(&window);
    chartView->setGeometry(10, 80, 380, 200);
    ChartPalette::apply(chartView->chart(), chartView->palette());
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    // Just inside the border, left of the text: the banner's background.
    const QPoint inside(3, 30);
    CHECK(lightness(banner, inside) > 180);
    CHECK(chartView->chart()->backgroundBrush().color() == QApplication::palette().color(QPalette::Base));
    // Not assessed: the placeholder colour of the palette around.
    CHECK(badge->palette().color(QPalette::WindowText) == window.palette().color(QPalette::PlaceholderText));

    const QPalette dark = PaletteTone::darkPalette();
    QApplication::setPalette(dark);
    QCoreApplication::processEvents();
    CHECK(lightness(banner, inside) < 80);
    CHECK(banner->palette().color(QPalette::WindowText).lightness() > 180);
    CHECK(badge->palette().color(QPalette::WindowText) == dark.color(QPalette::PlaceholderText));
    ChartPalette::apply(chartView->chart(), chartView->palette());
    CHECK(chartView->chart()->backgroundBrush().color() == dark.color(QPalette::Base));

    QApplication::setPalette(guard.original);
    QCoreApplication::processEvents();
    CHECK(lightness(banner, inside) > 180);
}

TEST_CASE("A chart view takes a new palette when it changes", "[palette]") {
    PaletteGuard guard;
    DriftScoreChart view;
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    const QPalette dark = PaletteTone::darkPalette();
    QApplication::setPalette(dark);
    QCoreApplication::processEvents();
    CHECK(view.chart()->backgroundBrush().color() == dark.color(QPalette::Base));
    CHECK(view.chart()->titleBrush().color() == dark.color(QPalette::Text));
    QApplication::setPalette(guard.original);
    QCoreApplication::processEvents();
    CHECK(view.chart()->backgroundBrush().color() == guard.original.color(QPalette::Base));
}

TEST_CASE("Status colours as text stay as they are on a light palette and lighten on a dark one",
          "[palette]") {
    const QColor red(0xda, 0x36, 0x33);
    const QPalette light = QApplication::style()->standardPalette();
    CHECK(PaletteTone::asText(red, light) == red);
    const QColor onDark = PaletteTone::asText(red, PaletteTone::darkPalette());
    CHECK(onDark.lightnessF() >= 0.69F);
    CHECK(std::abs(onDark.hslHueF() - red.hslHueF()) < 0.01F);
    CHECK_FALSE(PaletteTone::asText(QColor(), PaletteTone::darkPalette()).isValid());
    CHECK(PaletteTone::isDark(PaletteTone::darkPalette()));
    CHECK_FALSE(PaletteTone::isDark(light));
}
