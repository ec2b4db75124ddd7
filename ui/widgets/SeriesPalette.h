#pragma once

#include <QColor>

namespace assay {

// The colours runs are drawn in on every chart of the Compare and Run pages: a fixed qualitative
// palette (Tableau 10), mid-tone so that it reads on light and dark backgrounds alike. Run i keeps
// colour i % 10 on every chart, so a run is the same colour in curves, scatter and legend.
class SeriesPalette {
public:
    static QColor color(int index);
    static int size();
};

} // namespace assay
