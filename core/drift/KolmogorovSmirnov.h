#pragma once

#include <cstdint>
#include <vector>

namespace assay {

// scipy 1.10's two-sided two-sample Kolmogorov-Smirnov test (ks_2samp, method='auto') and the
// distributions behind it, ported so that statistic and p-value agree with scipy to rounding.
class KolmogorovSmirnov {
public:
    struct Result {
        double statistic = 0;
        double pValue = 1;
        bool exact = true;
    };

    // Both samples sorted ascending and non-empty.
    static Result twoSample(const std::vector<double>& sortedA, const std::vector<double>& sortedB);

    // Pr(D_{m,n} >= h / lcm(m, n)) exactly (scipy's _attempt_exact_2kssamp, two-sided); false
    // when the computation does not give a probability.
    static bool exactPValue(std::int64_t m, std::int64_t n, std::int64_t h, double& p);
    // scipy.stats.kstwo.sf(d, n): the one-sample two-sided statistic's survival function.
    static double kstwoSf(double d, std::int64_t n);
    // scipy.special.smirnov(n, d): the one-sided statistic's survival function.
    static double smirnov(std::int64_t n, double d);
};

} // namespace assay
