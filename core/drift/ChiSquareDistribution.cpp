#include "ChiSquareDistribution.h"

#include <cmath>
#include <limits>

namespace assay {

namespace {

// x^a e^-x / Γ(a) in log space; long double keeps the cancellation between a·ln x, x and
// lnΓ(a) from eating the relative accuracy of tail probabilities.
long double prefactor(double a, double x) {
    const long double la = a, lx = x;
    return std::exp(la * std::log(lx) - lx - std::lgamma(la));
}

// Series for the lower function P(a, x), good for x < a + 1.
double lowerSeries(double a, double x) {
    long double term = 1.0L / a, sum = term;
    for (int n = 1; n < 100000; ++n) {
        term *= static_cast<long double>(x) / (static_cast<long double>(a) + n);
        sum += term;
        if (std::abs(term) < std::abs(sum) * 1e-19L)
            break;
    }
    return static_cast<double>(sum * prefactor(a, x));
}

// Lentz's continued fraction for Q(a, x), good for x >= a + 1.
double upperFraction(double a, double x) {
    using Real = long double;
    const Real tiny = 1e-300L;
    Real b = static_cast<Real>(x) + 1 - a;
    Real c = 1 / tiny;
    Real d = 1 / b;
    Real h = d;
    for (int i = 1; i < 100000; ++i) {
        const Real an = -static_cast<Real>(i) * (static_cast<Real>(i) - a);
        b += 2;
        d = an * d + b;
        if (std::abs(d) < tiny)
            d = tiny;
        c = b + an / c;
        if (std::abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        const Real delta = d * c;
        h *= delta;
        if (std::abs(delta - 1) < 1e-19L)
            break;
    }
    return static_cast<double>(prefactor(a, x) * h);
}

} // namespace

double ChiSquareDistribution::regularizedUpperGamma(double a, double x) {
    if (std::isnan(a) || std::isnan(x) || a <= 0 || x < 0)
        return std::numeric_limits<double>::quiet_NaN();
    if (x == 0)
        return 1.0;
    if (std::isinf(x))
        return 0.0;
    if (x < a + 1)
        return 1.0 - lowerSeries(a, x);
    return upperFraction(a, x);
}

double ChiSquareDistribution::sf(double x, double df) {
    if (x < 0)
        return 1.0;
    return regularizedUpperGamma(df / 2, x / 2);
}

} // namespace assay
