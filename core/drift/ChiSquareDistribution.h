#pragma once

namespace assay {

// The chi-square survival function, as scipy.stats.chi2.sf computes it: the regularized upper
// incomplete gamma function Q(df/2, x/2).
class ChiSquareDistribution {
public:
    static double sf(double x, double df);
    // Q(a, x) = Γ(a, x) / Γ(a), accurate to about 1e-14 relative including far in the tail.
    static double regularizedUpperGamma(double a, double x);
};

} // namespace assay
