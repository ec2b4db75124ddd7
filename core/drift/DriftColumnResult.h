#pragma once

#include "CsvColumnType.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace assay {

// Every statistic DESIGN §6 defines for one column, reference against current. A statistic that
// does not apply (KS for a categorical column, chi-square for a binned numerical one) is empty.
struct DriftColumnResult {
    QString name;
    CsvColumnType type = CsvColumnType::Numerical;
    qint64 nReference = 0;
    qint64 nCurrent = 0;
    int bins = 0;
    double psi = 0;
    double kl = 0;
    double jensenShannon = 0;
    std::optional<double> ksStatistic;
    std::optional<double> ksP;
    std::optional<bool> ksExact;
    std::optional<double> wasserstein;
    std::optional<double> wassersteinNorm;
    std::optional<double> chiSquareP;
    std::optional<double> zP;
    QString defaultMethod; // ks, chi_square, z, wasserstein_norm or jensen_shannon
    double defaultScore = 0;
    bool drifted = false;

    // The bins PSI, KL and JS were computed on, for drawing the two distributions: Sturges bins
    // of a numerical column have edges (bins + 1 of them); per-value bins have labels instead.
    std::vector<double> binEdges;
    QStringList binLabels;
    std::vector<double> referenceCounts;
    std::vector<double> currentCounts;
};

} // namespace assay
