#include "DriftMethod.h"

#include <algorithm>
#include <cmath>

namespace assay {

namespace {
const QString ks = QStringLiteral("ks");
const QString chiSquare = QStringLiteral("chi_square");
const QString z = QStringLiteral("z");
const QString wassersteinNorm = QStringLiteral("wasserstein_norm");
const QString jensenShannon = QStringLiteral("jensen_shannon");
const QString psi = QStringLiteral("psi");
} // namespace

QStringList DriftMethod::monitorable() {
    return {ks, chiSquare, z, wassersteinNorm, jensenShannon, psi};
}

bool DriftMethod::isMonitorable(const QString& method) {
    return monitorable().contains(method);
}

bool DriftMethod::isPValue(const QString& method) {
    return method == ks || method == chiSquare || method == z;
}

QString DriftMethod::label(const QString& method) {
    if (method == ks)
        return QStringLiteral("KS p-value");
    if (method == chiSquare)
        return QStringLiteral("Chi-square p-value");
    if (method == z)
        return QStringLiteral("Z-test p-value");
    if (method == wassersteinNorm)
        return QStringLiteral("Wasserstein (normed)");
    if (method == jensenShannon)
        return QStringLiteral("Jensen-Shannon distance");
    if (method == psi)
        return QStringLiteral("PSI");
    if (method == QLatin1String("kl"))
        return QStringLiteral("Kullback-Leibler");
    if (method == QLatin1String("wasserstein"))
        return QStringLiteral("Wasserstein");
    return method;
}

double DriftMethod::threshold(const QString& method, const DriftThresholds& t) {
    if (method == ks)
        return t.ksP;
    if (method == chiSquare)
        return t.chiSquareP;
    if (method == z)
        return t.zP;
    if (method == wassersteinNorm)
        return t.wassersteinNorm;
    if (method == jensenShannon)
        return t.jensenShannon;
    return t.psi;
}

bool DriftMethod::drifted(const QString& method, double score, double threshold) {
    if (method == ks)
        return score <= threshold;
    if (isPValue(method))
        return score < threshold;
    return score >= threshold;
}

std::optional<double> DriftMethod::score(const QString& method, const DriftColumnResult& r) {
    if (method == ks)
        return r.ksP;
    if (method == chiSquare)
        return r.chiSquareP;
    if (method == z)
        return r.zP;
    if (method == wassersteinNorm)
        return r.wassersteinNorm;
    if (method == jensenShannon)
        return r.jensenShannon;
    if (method == psi)
        return r.psi;
    return std::nullopt;
}

double DriftMethod::severity(const QString& method, double score, double threshold) {
    if (!isPValue(method))
        return threshold > 0 ? score / threshold : 0.0;
    // A p-value of exactly 0 is as far beyond any threshold as can be shown.
    const double p = std::max(score, 1e-300);
    return std::log(p) / std::log(threshold);
}

QString DriftMethod::defaultFor(CsvColumnType type, qint64 referenceRows, std::size_t distinct,
                                const DriftThresholds& t) {
    const bool numerical = type == CsvColumnType::Numerical;
    if (referenceRows <= t.smallReference) {
        if (numerical && distinct > 5)
            return ks;
        return distinct > 2 ? chiSquare : z;
    }
    return numerical && distinct > 5 ? wassersteinNorm : jensenShannon;
}

} // namespace assay
