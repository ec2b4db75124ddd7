#include "DriftStatistics.h"

#include "ChiSquareDistribution.h"
#include "DriftMethod.h"
#include "KolmogorovSmirnov.h"
#include "core/base/AssayError.h"

#include <QHash>
#include <QLocale>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <map>
#include <thread>

namespace assay {

namespace {

using Real = long double; // accumulators: sums agree with numpy's pairwise sums to ~1 ulp

// The bins of one column: shares of reference and current per bin, and the raw counts.
struct Binned {
    std::vector<double> referenceCounts;
    std::vector<double> currentCounts;
    std::vector<double> values; // per-value bins: the value of each
    bool perValue = false;      // each distinct value its own bin (chi-square applies)
};

std::vector<double> shares(const std::vector<double>& counts, double n) {
    std::vector<double> out(counts.size());
    for (std::size_t i = 0; i < counts.size(); ++i)
        out[i] = counts[i] / n;
    return out;
}

std::size_t distinctCount(const std::vector<double>& sorted) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        if (i == 0 || sorted[i] != sorted[i - 1])
            ++count;
    }
    return count;
}

// Counts per distinct value over the union of both sorted samples, in ascending order.
Binned perValueBins(const std::vector<double>& a, const std::vector<double>& b) {
    Binned binned;
    binned.perValue = true;
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        const double v = (j >= b.size() || (i < a.size() && a[i] <= b[j])) ? a[i] : b[j];
        double ca = 0, cb = 0;
        while (i < a.size() && a[i] == v) {
            ++i;
            ++ca;
        }
        while (j < b.size() && b[j] == v) {
            ++j;
            ++cb;
        }
        binned.referenceCounts.push_back(ca);
        binned.currentCounts.push_back(cb);
        binned.values.push_back(v);
    }
    return binned;
}

// np.histogram(sorted, edges) counts: [e_i, e_i+1), the last bin closed.
std::vector<double> histogram(const std::vector<double>& sorted, const std::vector<double>& edges) {
    std::vector<double> counts(edges.size() - 1);
    for (std::size_t k = 0; k + 1 < edges.size(); ++k) {
        const auto lo = std::lower_bound(sorted.begin(), sorted.end(), edges[k]);
        const auto hi = (k + 2 == edges.size())
                            ? std::upper_bound(sorted.begin(), sorted.end(), edges[k + 1])
                            : std::lower_bound(sorted.begin(), sorted.end(), edges[k + 1]);
        counts[k] = static_cast<double>(hi - lo);
    }
    return counts;
}

double populationStd(const std::vector<double>& values) {
    Real sum = 0;
    for (const double v : values)
        sum += v;
    const double mean = static_cast<double>(sum / static_cast<Real>(values.size()));
    Real squares = 0;
    for (const double v : values) {
        const double d = v - mean;
        squares += static_cast<Real>(d * d);
    }
    return std::sqrt(static_cast<double>(squares / static_cast<Real>(values.size())));
}

// PSI, KL, JS and the default choice, common to both column types.
void fillDistances(DriftColumnResult& r, const Binned& binned) {
    const double nRef = static_cast<double>(r.nReference), nCur = static_cast<double>(r.nCurrent);
    const std::vector<double> refShares = shares(binned.referenceCounts, nRef);
    const std::vector<double> curShares = shares(binned.currentCounts, nCur);
    r.bins = static_cast<int>(refShares.size());
    const std::vector<double> refFilled = DriftStatistics::fillZeros(refShares);
    const std::vector<double> curFilled = DriftStatistics::fillZeros(curShares);
    r.psi = DriftStatistics::psi(refFilled, curFilled);
    r.kl = DriftStatistics::kl(refFilled, curFilled);
    r.jensenShannon = DriftStatistics::jensenShannon(refShares, curShares);
    if (binned.perValue)
        r.chiSquareP = DriftStatistics::chiSquareP(binned.referenceCounts, binned.currentCounts);
    r.referenceCounts = binned.referenceCounts;
    r.currentCounts = binned.currentCounts;
}

// Evidently's default test: small references get p-value tests, large ones distances. The
// distinct count is over reference and current together, as Evidently counts it. The Z-test's
// p-value is kept wherever there are at most two categories, chosen or not.
void chooseDefault(DriftColumnResult& r, std::size_t distinctBoth, std::optional<double> zPValue,
                   const DriftThresholds& t) {
    r.zP = zPValue;
    r.defaultMethod = DriftMethod::defaultFor(r.type, r.nReference, distinctBoth, t);
    r.defaultScore = DriftMethod::score(r.defaultMethod, r).value_or(0.0);
    r.drifted =
        DriftMethod::drifted(r.defaultMethod, r.defaultScore, DriftMethod::threshold(r.defaultMethod, t));
}

// Evidently's Z-test needs the share of one category on each side; it picks any category, and
// the two-sided p-value does not depend on which.
double zForTwoCategories(const std::vector<double>& refCounts, const std::vector<double>& curCounts,
                         double nRef, double nCur) {
    const bool sameSingle = refCounts.size() == 1;
    if (sameSingle)
        return 1.0;
    return DriftStatistics::zP(refCounts[0], nRef, curCounts[0], nCur);
}

void radixSort(std::vector<double>& values) {
    const std::size_t n = values.size();
    std::vector<std::uint64_t> keys(n), scratch(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::uint64_t bits = 0;
        std::memcpy(&bits, &values[i], sizeof bits);
        // Order-preserving map of IEEE doubles to unsigned integers.
        keys[i] = (bits & 0x8000000000000000ULL) ? ~bits : (bits | 0x8000000000000000ULL);
    }
    constexpr int digitBits = 16;
    constexpr std::size_t buckets = std::size_t{1} << digitBits;
    std::vector<std::size_t> counts(buckets);
    for (int pass = 0; pass < 64 / digitBits; ++pass) {
        const int shift = pass * digitBits;
        std::fill(counts.begin(), counts.end(), 0);
        for (const std::uint64_t k : keys)
            ++counts[(k >> shift) & (buckets - 1)];
        if (counts[(keys[0] >> shift) & (buckets - 1)] == n)
            continue; // every key shares this digit
        std::size_t total = 0;
        for (std::size_t& c : counts) {
            const std::size_t here = c;
            c = total;
            total += here;
        }
        for (const std::uint64_t k : keys)
            scratch[counts[(k >> shift) & (buckets - 1)]++] = k;
        keys.swap(scratch);
    }
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t k = keys[i];
        const std::uint64_t bits = (k & 0x8000000000000000ULL) ? (k & ~0x8000000000000000ULL) : ~k;
        std::memcpy(&values[i], &bits, sizeof bits);
    }
}

void dropNonFinite(std::vector<double>& values) {
    values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }),
                 values.end());
}

QStringList labels(const CsvColumn& column) {
    QStringList out;
    if (column.type == CsvColumnType::Categorical) {
        out.reserve(static_cast<qsizetype>(column.categoryIds.size()));
        for (const std::uint32_t id : column.categoryIds)
            out.append(column.categories[static_cast<qsizetype>(id)]);
    } else {
        out.reserve(static_cast<qsizetype>(column.numbers.size()));
        for (const double v : column.numbers)
            out.append(QString::number(v, 'g', QLocale::FloatingPointShortest));
    }
    return out;
}

} // namespace

void DriftStatistics::sort(std::vector<double>& values) {
    if (values.size() < 4096)
        std::sort(values.begin(), values.end());
    else
        radixSort(values);
}

std::vector<double> DriftStatistics::sturgesEdges(const std::vector<double>& a,
                                                  const std::vector<double>& b) {
    double first = std::min(a.front(), b.front());
    double last = std::max(a.back(), b.back());
    const double n = static_cast<double>(a.size() + b.size());
    const double ptp = last - first;
    if (first == last) {
        first -= 0.5;
        last += 0.5;
    }
    const double width = ptp / (std::log2(n) + 1.0);
    const std::size_t bins = width != 0 ? static_cast<std::size_t>(std::ceil((last - first) / width)) : 1;
    // np.linspace(first, last, bins + 1): start + i*step, the last edge exactly `last`.
    std::vector<double> edges(bins + 1);
    const double step = (last - first) / static_cast<double>(bins);
    for (std::size_t i = 0; i <= bins; ++i)
        edges[i] = static_cast<double>(i) * step + first;
    edges[bins] = last;
    return edges;
}

std::vector<double> DriftStatistics::fillZeros(std::vector<double> s) {
    double smallest = 0;
    bool any = false;
    for (const double v : s) {
        if (v != 0 && (!any || v < smallest)) {
            smallest = v;
            any = true;
        }
    }
    if (!any)
        return s;
    const double fill = smallest <= 0.0001 ? smallest / 1e6 : 0.0001;
    for (double& v : s) {
        if (v == 0)
            v = fill;
    }
    return s;
}

double DriftStatistics::psi(const std::vector<double>& r, const std::vector<double>& c) {
    Real sum = 0;
    for (std::size_t i = 0; i < r.size(); ++i)
        sum += static_cast<Real>((r[i] - c[i]) * std::log(r[i] / c[i]));
    return static_cast<double>(sum);
}

double DriftStatistics::kl(const std::vector<double>& r, const std::vector<double>& c) {
    // scipy.stats.entropy renormalises both arrays first.
    Real sr = 0, sc = 0;
    for (std::size_t i = 0; i < r.size(); ++i) {
        sr += r[i];
        sc += c[i];
    }
    const double totalR = static_cast<double>(sr), totalC = static_cast<double>(sc);
    Real sum = 0;
    for (std::size_t i = 0; i < r.size(); ++i) {
        const double p = r[i] / totalR, q = c[i] / totalC;
        if (p > 0)
            sum += static_cast<Real>(p * std::log(p / q));
    }
    return static_cast<double>(sum);
}

double DriftStatistics::jensenShannon(const std::vector<double>& r, const std::vector<double>& c) {
    Real sr = 0, sc = 0;
    for (std::size_t i = 0; i < r.size(); ++i) {
        sr += r[i];
        sc += c[i];
    }
    const double totalR = static_cast<double>(sr), totalC = static_cast<double>(sc);
    Real left = 0, right = 0;
    for (std::size_t i = 0; i < r.size(); ++i) {
        const double p = r[i] / totalR, q = c[i] / totalC;
        const double m = (p + q) / 2.0;
        if (p > 0)
            left += static_cast<Real>(p * std::log(p / m));
        if (q > 0)
            right += static_cast<Real>(q * std::log(q / m));
    }
    const double js = static_cast<double>(left) + static_cast<double>(right);
    return std::sqrt(js / 2.0);
}

double DriftStatistics::wasserstein(const std::vector<double>& a, const std::vector<double>& b) {
    const double n1 = static_cast<double>(a.size()), n2 = static_cast<double>(b.size());
    std::size_t i = 0, j = 0;
    Real sum = 0;
    double previous = 0;
    double previousDiff = 0;
    bool first = true;
    while (i < a.size() || j < b.size()) {
        const double v = (j >= b.size() || (i < a.size() && a[i] <= b[j])) ? a[i] : b[j];
        if (!first)
            sum += static_cast<Real>(previousDiff * (v - previous));
        while (i < a.size() && a[i] <= v)
            ++i;
        while (j < b.size() && b[j] <= v)
            ++j;
        previousDiff = std::abs(static_cast<double>(i) / n1 - static_cast<double>(j) / n2);
        previous = v;
        first = false;
    }
    return static_cast<double>(sum);
}

double DriftStatistics::chiSquareP(const std::vector<double>& refCounts,
                                   const std::vector<double>& curCounts) {
    Real nRef = 0, nCur = 0;
    for (std::size_t i = 0; i < refCounts.size(); ++i) {
        nRef += refCounts[i];
        nCur += curCounts[i];
    }
    const double scale = static_cast<double>(nCur) / static_cast<double>(nRef);
    Real stat = 0;
    for (std::size_t i = 0; i < refCounts.size(); ++i) {
        const double expected = refCounts[i] * scale;
        if (expected == 0)
            return 0.0; // a category the reference never saw: scipy's statistic is infinite
        const double d = curCounts[i] - expected;
        stat += static_cast<Real>(d * d / expected);
    }
    if (refCounts.size() < 2)
        return 1.0;
    return ChiSquareDistribution::sf(static_cast<double>(stat), static_cast<double>(refCounts.size() - 1));
}

double DriftStatistics::zP(double refHits, double nRef, double curHits, double nCur) {
    const double p1 = refHits / nRef, p2 = curHits / nCur;
    const double pooled = (p1 * nRef + p2 * nCur) / (nRef + nCur);
    const double z = (p1 - p2) / std::sqrt(pooled * (1 - pooled) * (1.0 / nRef + 1.0 / nCur));
    // Evidently computes 2 * (1 - norm.cdf(|z|)); scipy's ndtr is 1 - erfc(x/√2)/2 above 1/√2, and
    // the same rounding is kept so that small p-values agree to the last digits.
    const double x = std::abs(z) / std::sqrt(2.0);
    const double cdf = x < 1 / std::sqrt(2.0) ? 0.5 + 0.5 * std::erf(x) : 1.0 - 0.5 * std::erfc(x);
    return 2 * (1 - cdf);
}

DriftColumnResult DriftStatistics::numerical(const QString& name, std::vector<double> reference,
                                             std::vector<double> current, const DriftThresholds& t) {
    dropNonFinite(reference);
    dropNonFinite(current);
    if (reference.empty() || current.empty())
        throw AssayError(
            QStringLiteral("Column \"%1\" has no values in the %2 data.")
                .arg(name, reference.empty() ? QStringLiteral("reference") : QStringLiteral("current")));
    sort(reference);
    sort(current);
    DriftColumnResult r;
    r.name = name;
    r.type = CsvColumnType::Numerical;
    r.nReference = static_cast<qint64>(reference.size());
    r.nCurrent = static_cast<qint64>(current.size());

    const std::size_t referenceDistinct = distinctCount(reference);
    Binned binned;
    std::size_t distinctBoth = 0;
    if (referenceDistinct > 20) {
        const std::vector<double> edges = sturgesEdges(reference, current);
        binned.referenceCounts = histogram(reference, edges);
        binned.currentCounts = histogram(current, edges);
        distinctBoth = referenceDistinct; // > 20, all the choice needs
        r.binEdges = edges;
    } else {
        binned = perValueBins(reference, current);
        distinctBoth = binned.referenceCounts.size();
        for (const double v : binned.values)
            r.binLabels.append(QString::number(v, 'g', QLocale::FloatingPointShortest));
    }
    fillDistances(r, binned);

    const KolmogorovSmirnov::Result ks = KolmogorovSmirnov::twoSample(reference, current);
    r.ksStatistic = ks.statistic;
    r.ksP = ks.pValue;
    r.ksExact = ks.exact;
    r.wasserstein = wasserstein(reference, current);
    r.wassersteinNorm = *r.wasserstein / std::max(populationStd(reference), 0.001);

    std::optional<double> z;
    if (binned.perValue && distinctBoth <= 2)
        z = zForTwoCategories(binned.referenceCounts, binned.currentCounts, static_cast<double>(r.nReference),
                              static_cast<double>(r.nCurrent));
    chooseDefault(r, distinctBoth, z, t);
    return r;
}

DriftColumnResult DriftStatistics::categorical(const QString& name, const QStringList& reference,
                                               const QStringList& current, const DriftThresholds& t) {
    std::map<QString, std::pair<double, double>> counts;
    for (const QString& label : reference)
        counts[label].first += 1;
    for (const QString& label : current)
        counts[label].second += 1;
    return categoricalCounts(name, counts, t);
}

DriftColumnResult
DriftStatistics::categoricalCounts(const QString& name,
                                   const std::map<QString, std::pair<double, double>>& counts,
                                   const DriftThresholds& t) {
    // Bins in label order, as Evidently's chi-square sorts its keys.
    Binned binned;
    binned.perValue = true;
    DriftColumnResult r;
    r.name = name;
    r.type = CsvColumnType::Categorical;
    for (const auto& [label, pair] : counts) {
        binned.referenceCounts.push_back(pair.first);
        binned.currentCounts.push_back(pair.second);
        r.binLabels.append(label);
        r.nReference += static_cast<qint64>(pair.first);
        r.nCurrent += static_cast<qint64>(pair.second);
    }
    if (r.nReference == 0 || r.nCurrent == 0)
        throw AssayError(
            QStringLiteral("Column \"%1\" has no values in the %2 data.")
                .arg(name, r.nReference == 0 ? QStringLiteral("reference") : QStringLiteral("current")));
    fillDistances(r, binned);
    std::optional<double> z;
    if (counts.size() <= 2)
        z = zForTwoCategories(binned.referenceCounts, binned.currentCounts, static_cast<double>(r.nReference),
                              static_cast<double>(r.nCurrent));
    chooseDefault(r, counts.size(), z, t);
    return r;
}

QList<DriftColumnResult>
DriftStatistics::computeColumns(qsizetype count, const std::function<DriftColumnResult(qsizetype)>& column,
                                int threads) {
    QList<DriftColumnResult> results(count);
    std::vector<std::exception_ptr> errors(static_cast<std::size_t>(count));
    std::atomic<qsizetype> next{0};
    auto work = [&]() {
        for (qsizetype i = next++; i < count; i = next++) {
            try {
                results[i] = column(i);
            } catch (...) {
                errors[static_cast<std::size_t>(i)] = std::current_exception();
            }
        }
    };
    const int cores = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
    const int workers =
        static_cast<int>(std::min<qsizetype>(threads > 0 ? threads : cores, std::max<qsizetype>(count, 1)));
    std::vector<std::thread> pool;
    for (int w = 1; w < workers; ++w)
        pool.emplace_back(work);
    work();
    for (std::thread& thread : pool)
        thread.join();
    for (const std::exception_ptr& error : errors) {
        if (error)
            std::rethrow_exception(error);
    }
    return results;
}

DriftReport DriftStatistics::verdict(QList<DriftColumnResult> columns, const DriftThresholds& t) {
    DriftReport report;
    report.columns = std::move(columns);
    for (const DriftColumnResult& r : report.columns)
        report.driftedColumns += r.drifted ? 1 : 0;
    const auto count = report.columns.size();
    report.datasetDrift = count > 0 && static_cast<double>(report.driftedColumns) >=
                                           t.datasetShare * static_cast<double>(count);
    return report;
}

DriftReport DriftStatistics::compare(const CsvTable& reference, const CsvTable& current,
                                     const DriftThresholds& t, int threads) {
    for (const CsvColumn& column : reference.columns) {
        if (!current.column(column.name))
            throw AssayError(QStringLiteral("Column \"%1\" of %2 is missing from %3.")
                                 .arg(column.name, reference.path, current.path));
    }
    const auto columnResult = [&](qsizetype i) {
        const CsvColumn& ref = reference.columns[i];
        const CsvColumn& cur = *current.column(ref.name);
        if (ref.type == CsvColumnType::Numerical && cur.type == CsvColumnType::Numerical)
            return numerical(ref.name, ref.numbers, cur.numbers, t);
        return categorical(ref.name, labels(ref), labels(cur), t);
    };
    return verdict(computeColumns(reference.columns.size(), columnResult, threads), t);
}

} // namespace assay
