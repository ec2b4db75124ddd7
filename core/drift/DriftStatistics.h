#pragma once

#include "CsvTable.h"
#include "DriftColumnResult.h"
#include "DriftReport.h"
#include "DriftThresholds.h"

#include <QStringList>

#include <cstdint>
#include <functional>
#include <map>
#include <vector>

namespace assay {

// The drift statistics of DESIGN §6, with Evidently's definitions and scipy 1.10 / numpy 1.24
// numerics: binning, PSI, KL, Jensen-Shannon, Kolmogorov-Smirnov, Wasserstein, chi-square, Z,
// the default test per column and the dataset verdict.
class DriftStatistics {
public:
    // One numerical column; the values need not be sorted or cleaned (NaN and ±inf are dropped).
    static DriftColumnResult numerical(const QString& name, std::vector<double> reference,
                                       std::vector<double> current, const DriftThresholds& thresholds = {});
    // One categorical column as labels.
    static DriftColumnResult categorical(const QString& name, const QStringList& reference,
                                         const QStringList& current, const DriftThresholds& thresholds = {});
    // One categorical column as counts per label: (reference count, current count).
    static DriftColumnResult categoricalCounts(const QString& name,
                                               const std::map<QString, std::pair<double, double>>& counts,
                                               const DriftThresholds& thresholds = {});
    // Every reference column against the current column of the same name, in parallel over
    // columns (threads <= 0: one per core).
    static DriftReport compare(const CsvTable& reference, const CsvTable& current,
                               const DriftThresholds& thresholds = {}, int threads = 0);

    // column(i) for i in [0, count), on up to `threads` threads (<= 0: one per core); the first
    // error thrown is rethrown once all are done.
    static QList<DriftColumnResult> computeColumns(qsizetype count,
                                                   const std::function<DriftColumnResult(qsizetype)>& column,
                                                   int threads = 0);
    // The dataset verdict over column results: drifted count and whether the share is reached.
    static DriftReport verdict(QList<DriftColumnResult> columns, const DriftThresholds& thresholds);

    // numpy.histogram_bin_edges(concat(reference, current), bins='sturges'), from sorted inputs.
    static std::vector<double> sturgesEdges(const std::vector<double>& sortedReference,
                                            const std::vector<double>& sortedCurrent);
    // Evidently's zero filling: zeros become m/1e6 when the smallest non-zero share m <= 1e-4,
    // else 1e-4.
    static std::vector<double> fillZeros(std::vector<double> shares);
    static double psi(const std::vector<double>& filledReference, const std::vector<double>& filledCurrent);
    static double kl(const std::vector<double>& filledReference, const std::vector<double>& filledCurrent);
    static double jensenShannon(const std::vector<double>& reference, const std::vector<double>& current);
    static double wasserstein(const std::vector<double>& sortedA, const std::vector<double>& sortedB);
    static double chiSquareP(const std::vector<double>& referenceCounts,
                             const std::vector<double>& currentCounts);
    static double zP(double referenceHits, double nReference, double currentHits, double nCurrent);
    // Ascending sort, radix for large inputs (sorting dominates KS and Wasserstein).
    static void sort(std::vector<double>& values);
};

} // namespace assay
