#pragma once

#include "core/drift/DriftWindow.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace assay {

// How drift is coloured wherever it is shown (heatmap, charts, Models page): green well below the
// threshold, amber near it, red beyond it, by DriftMethod::severity (1 at the threshold). Fixed
// mid-tone colours with their own text colour, so that they read on light and dark palettes.
class DriftStyle {
    Q_DECLARE_TR_FUNCTIONS(DriftStyle)

public:
    enum class Level { Stable, Near, Drifted };

    // Near from three quarters of the way to the threshold (a p-value of 0.1 against 0.05).
    static constexpr double nearSeverity = 0.75;

    static Level level(double severity, bool drifted);
    static QColor fill(Level level);
    static QColor text(Level level);
    static QString name(Level level); // "stable", "near the threshold", "drifted"
    static QColor reference();        // the reference side of an overlay
    static QColor current();          // the current side
    static QColor threshold();        // threshold lines and bands
    // A score for a cell or an axis label: 3 significant digits, small p-values in e-notation.
    static QString score(double value);
    // Two significant digits, for a heatmap cell (the tooltip has score()).
    static QString shortScore(double value);
    // Window labels without the year they all share ("W10" for "2026-W10"), for headers and axes.
    static QStringList windowLabels(const QList<DriftWindow>& windows);
};

} // namespace assay
