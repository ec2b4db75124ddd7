#pragma once

#include "CsvColumnType.h"
#include "DriftColumnResult.h"
#include "DriftThresholds.h"

#include <QStringList>

#include <optional>

namespace assay {

// The drift tests a monitor can watch a feature with, and how each one's score meets its
// threshold (DESIGN §6): p-values drift below theirs (KS at or below), distances at or above.
class DriftMethod {
public:
    // ks, chi_square, z, wasserstein_norm, jensen_shannon, psi
    static QStringList monitorable();
    static bool isMonitorable(const QString& method);
    static bool isPValue(const QString& method);
    static QString label(const QString& method); // "KS p-value", "PSI", ...
    static double threshold(const QString& method, const DriftThresholds& thresholds);
    static bool drifted(const QString& method, double score, double threshold);
    // The value the threshold is compared with: the p-value of a test, or the distance.
    static std::optional<double> score(const QString& method, const DriftColumnResult& result);
    // 1 at the threshold, above 1 beyond it, towards 0 the further from drifting: distances as
    // score / threshold, p-values as ln p / ln threshold. For colouring a heatmap.
    static double severity(const QString& method, double score, double threshold);
    // Evidently's default choice for a column (DESIGN §6), from the reference size and the
    // distinct values seen.
    static QString defaultFor(CsvColumnType type, qint64 referenceRows, std::size_t distinct,
                              const DriftThresholds& thresholds);
};

} // namespace assay
