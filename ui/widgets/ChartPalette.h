#pragma once

#include <QPalette>

class QChart;

namespace assay {

// Gives a chart and its axes the palette's colours: the plot on the base colour, title, labels
// and legend in the text colour, grid lines a faint mix of the two. Qt Charts' themes know
// nothing of the palette (and switching one re-colours every series and changes the chart's size
// hints), and a chart keeps the colours it was given, so a chart view applies this again on a
// palette change and to the axes it adds.
class ChartPalette {
public:
    static void apply(QChart* chart, const QPalette& palette);
    // Text mixed into the base colour: 0 gives the base, 1 the text.
    static QColor mix(const QPalette& palette, double textShare);
};

} // namespace assay
