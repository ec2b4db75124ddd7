#include "ChartPalette.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>

namespace assay {

QColor ChartPalette::mix(const QPalette& palette, double textShare) {
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const auto blend = [textShare](double from, double to) {
        return from + (to - from) * textShare;
    };
    return QColor::fromRgbF(static_cast<float>(blend(base.redF(), text.redF())),
                            static_cast<float>(blend(base.greenF(), text.greenF())),
                            static_cast<float>(blend(base.blueF(), text.blueF())));
}

void ChartPalette::apply(QChart* chart, const QPalette& palette) {
    // Shares that give about the grey of Qt's light theme on white, and as faint lines on black.
    constexpr double gridShare = 0.16;
    constexpr double axisLineShare = 0.4;
    const QColor text = palette.color(QPalette::Text);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsBrush(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(mix(palette, gridShare));
        axis->setMinorGridLineColor(mix(palette, gridShare / 2));
        axis->setLinePenColor(mix(palette, axisLineShare));
    }
}

} // namespace assay
