#include "KolmogorovSmirnov.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace assay {

namespace {

constexpr double pi = 3.141592653589793238462643383279502884;

double clip01(double p) {
    return std::clamp(p, 0.0, 1.0);
}

// scipy's _compute_prob_outside_square: n1 == n2, Horner-like alternating sum.
double probOutsideSquare(std::int64_t n, std::int64_t h) {
    double P = 0.0;
    auto k = static_cast<std::int64_t>(std::floor(static_cast<double>(n) / static_cast<double>(h)));
    while (k >= 0) {
        double p1 = 1.0;
        for (std::int64_t j = 0; j < h; ++j)
            p1 = static_cast<double>(n - k * h - j) * p1 / static_cast<double>(n + k * h + j + 1);
        P = p1 * (1.0 - P);
        --k;
    }
    return 2 * P;
}

// scipy's _compute_outer_prob_inside_method (Hodges' inside method, Viehmann's recursion for
// 1 - p), scipy/stats/_stats_pythran.py.
double outerProbInsideMethod(std::int64_t m, std::int64_t n, std::int64_t g, std::int64_t h) {
    if (m < n)
        std::swap(m, n);
    const std::int64_t mg = m / g;
    const std::int64_t ng = n / g;
    std::int64_t minj = 0;
    std::int64_t maxj = std::min(
        static_cast<std::int64_t>(std::ceil(static_cast<double>(h) / static_cast<double>(mg))), n + 1);
    std::int64_t curlen = maxj - minj;
    const std::int64_t lenA = std::min(2 * maxj + 2, n + 1);
    std::vector<double> A(static_cast<std::size_t>(lenA), 1.0);
    std::fill(A.begin() + minj, A.begin() + maxj, 0.0);
    for (std::int64_t i = 1; i <= m; ++i) {
        const std::int64_t lastminj = minj;
        const std::int64_t lastlen = curlen;
        minj = std::max(
            static_cast<std::int64_t>(std::floor(static_cast<double>(ng * i - h) / static_cast<double>(mg))) +
                1,
            std::int64_t{0});
        minj = std::min(minj, n);
        maxj = std::min(
            static_cast<std::int64_t>(std::ceil(static_cast<double>(ng * i + h) / static_cast<double>(mg))),
            n + 1);
        if (maxj <= minj)
            return 1.0;
        double val = minj == 0 ? 0.0 : 1.0;
        for (std::int64_t jj = 0; jj < maxj - minj; ++jj) {
            const std::int64_t j = jj + minj;
            val = (A[static_cast<std::size_t>(jj + minj - lastminj)] * static_cast<double>(i) +
                   val * static_cast<double>(j)) /
                  static_cast<double>(i + j);
            A[static_cast<std::size_t>(jj)] = val;
        }
        curlen = maxj - minj;
        if (lastlen > curlen)
            std::fill(A.begin() + (maxj - minj), A.begin() + (maxj - minj + (lastlen - curlen)), 1.0);
    }
    return A[static_cast<std::size_t>(maxj - minj - 1)];
}

// log(n! / n^n) by Stirling with the n log n term removed up front (scipy's
// _log_nfactorial_div_n_pow_n).
double logNFactorialDivNPowN(double n) {
    static const std::array<double, 8> stirling = {-2.955065359477124183e-2,  6.4102564102564102564e-3,
                                                   -1.9175269175269175269e-3, 8.4175084175084175084e-4,
                                                   -5.952380952380952381e-4,  7.9365079365079365079e-4,
                                                   -2.7777777777777777778e-3, 8.3333333333333333333e-2};
    const double rn = 1.0 / n;
    double poly = 0;
    for (const double c : stirling)
        poly = poly * (rn / n) + c;
    return std::log(n) / 2 - n + std::log(2 * pi) / 2 + rn * poly;
}

// Durbin's matrix algorithm as Marsaglia, Tsang and Wang compute it (scipy's _kolmogn_DMTW):
// the CDF Pr(D_n <= d).
// It is longer than 60 lines on purpose: kept in one piece so that it can be checked line by
// line against Marsaglia, Tsang and Wang's published algorithm and scipy's _kolmogn_DMTW.
double kolmognDmtw(std::int64_t n, double d) {
    if (d >= 1.0)
        return 1.0;
    const double nd = static_cast<double>(n) * d;
    if (nd <= 0.5)
        return 0.0;
    const auto k = static_cast<std::int64_t>(std::ceil(nd));
    const double h = static_cast<double>(k) - nd;
    const std::int64_t m = 2 * k - 1;
    const auto M = static_cast<std::size_t>(m);
    std::vector<double> H(M * M, 0.0);
    std::vector<double> v(M), w(M);
    double fac = 1.0;
    for (std::size_t j = 1; j <= M; ++j) {
        v[j - 1] = 1.0 - std::pow(h, static_cast<double>(j));
        w[j - 1] = fac;
        fac /= static_cast<double>(j);
        v[j - 1] *= fac;
    }
    const double tt = std::pow(std::max(2 * h - 1.0, 0.0), static_cast<double>(m)) -
                      2 * std::pow(h, static_cast<double>(m));
    v[M - 1] = (1.0 + tt) * fac;
    for (std::size_t i = 1; i < M; ++i) {
        for (std::size_t r = i - 1; r < M; ++r)
            H[r * M + i] = w[r - (i - 1)];
    }
    for (std::size_t r = 0; r < M; ++r)
        H[r * M] = v[r];
    for (std::size_t c = 0; c < M; ++c)
        H[(M - 1) * M + c] = v[M - 1 - c];

    auto multiply = [M](const std::vector<double>& a, const std::vector<double>& b) {
        std::vector<double> out(M * M, 0.0);
        for (std::size_t i = 0; i < M; ++i) {
            for (std::size_t l = 0; l < M; ++l) {
                const double ail = a[i * M + l];
                if (ail == 0)
                    continue;
                for (std::size_t j = 0; j < M; ++j)
                    out[i * M + j] += ail * b[l * M + j];
            }
        }
        return out;
    };
    const double ep128 = std::ldexp(1.0, 128);
    const double em128 = std::ldexp(1.0, -128);
    std::vector<double> Hpwr(M * M, 0.0);
    for (std::size_t i = 0; i < M; ++i)
        Hpwr[i * M + i] = 1.0;
    std::int64_t nn = n;
    int expnt = 0;
    int Hexpnt = 0;
    while (nn > 0) {
        if (nn % 2) {
            Hpwr = multiply(Hpwr, H);
            expnt += Hexpnt;
        }
        H = multiply(H, H);
        Hexpnt *= 2;
        const auto kk = static_cast<std::size_t>(k - 1);
        if (std::abs(H[kk * M + kk]) > ep128) {
            for (double& value : H)
                value /= ep128;
            Hexpnt += 128;
        }
        nn /= 2;
    }
    const auto kk = static_cast<std::size_t>(k - 1);
    double p = Hpwr[kk * M + kk];
    for (std::int64_t i = 1; i <= n; ++i) {
        p = static_cast<double>(i) * p / static_cast<double>(n);
        if (std::abs(p) < em128) {
            p *= ep128;
            expnt -= 128;
        }
    }
    if (expnt != 0)
        p = std::ldexp(p, expnt);
    return clip01(p);
}

// Pomeranz's recursion (scipy's _kolmogn_Pomeranz): the CDF Pr(D_n <= x), for n <= 140.
// It is longer than 60 lines on purpose: kept in one piece so that it can be checked line by
// line against Pomeranz's published recursion and scipy's _kolmogn_Pomeranz.
double kolmognPomeranz(std::int64_t n, double x) {
    const double t = static_cast<double>(n) * x;
    const auto ll = static_cast<std::int64_t>(std::floor(t));
    const double f = 1.0 * (t - static_cast<double>(ll));
    const double g = std::min(f, 1.0 - f);
    const std::int64_t ceilf = f > 0 ? 1 : 0;
    const std::int64_t roundf = f > 0.5 ? 1 : 0;
    const std::int64_t npwrs = 2 * (ll + 1);
    const auto P = static_cast<std::size_t>(npwrs);
    std::vector<double> gpower(P), twogpower(P), onem2gpower(P);
    gpower[0] = twogpower[0] = onem2gpower[0] = 1.0;
    const double dn = static_cast<double>(n);
    const double gOverN = g / dn, twoGOverN = 2 * g / dn, oneMinusTwoGOverN = (1 - 2 * g) / dn;
    for (std::size_t m = 1; m < P; ++m) {
        gpower[m] = gpower[m - 1] * gOverN / static_cast<double>(m);
        twogpower[m] = twogpower[m - 1] * twoGOverN / static_cast<double>(m);
        onem2gpower[m] = onem2gpower[m - 1] * oneMinusTwoGOverN / static_cast<double>(m);
    }
    auto j1j2 = [&](std::int64_t i, std::int64_t& j1, std::int64_t& j2) {
        std::int64_t a = 0, b = 0;
        if (i == 0) {
            a = -ll - ceilf - 1;
            b = ll + ceilf - 1;
        } else {
            const std::int64_t ip1div2 = (i + 1) / 2, ip1mod2 = (i + 1) % 2;
            if (ip1mod2 == 0) {
                if (ip1div2 == n + 1) {
                    a = n - ll - ceilf - 1;
                    b = n + ll + ceilf - 1;
                } else {
                    a = ip1div2 - 1 - ll - roundf - 1;
                    b = ip1div2 + ll - 1 + ceilf - 1;
                }
            } else {
                a = ip1div2 - 1 - ll - 1;
                b = ip1div2 + ll + roundf - 1;
            }
        }
        j1 = std::max<std::int64_t>(a + 2, 0);
        j2 = std::min(b, n);
    };
    const double ep128 = std::ldexp(1.0, 128), em128 = std::ldexp(1.0, -128);
    std::vector<double> V0(P, 0.0), V1(P, 0.0);
    V1[0] = 1;
    std::int64_t V0s = 0, V1s = 0;
    int expnt = 0;
    std::int64_t j1 = 0, j2 = 0;
    j1j2(0, j1, j2);
    for (std::int64_t i = 1; i < 2 * n + 2; ++i) {
        const std::int64_t k1 = j1;
        std::swap(V0, V1);
        std::swap(V0s, V1s);
        std::fill(V1.begin(), V1.end(), 0.0);
        j1j2(i, j1, j2);
        const std::vector<double>& pwrs =
            (i == 1 || i == 2 * n + 1) ? gpower : ((i % 2) ? twogpower : onem2gpower);
        const std::int64_t ln2 = j2 - k1 + 1;
        if (ln2 > 0) {
            // np.convolve(V0[k1-V0s : k1-V0s+ln2], pwrs[:ln2]), entries conv_start.. of it.
            const std::int64_t convStart = j1 - k1;
            const std::int64_t convLen = j2 - j1 + 1;
            for (std::int64_t out = 0; out < convLen; ++out) {
                const std::int64_t idx = convStart + out;
                double sum = 0;
                for (std::int64_t a = 0; a <= idx && a < ln2; ++a) {
                    const std::int64_t b = idx - a;
                    if (b >= ln2)
                        continue;
                    const std::int64_t src = k1 - V0s + a;
                    const double value = (src >= 0 && src < npwrs) ? V0[static_cast<std::size_t>(src)] : 0.0;
                    sum += value * pwrs[static_cast<std::size_t>(b)];
                }
                V1[static_cast<std::size_t>(out)] = sum;
            }
            const double vmax = *std::max_element(V1.begin(), V1.end());
            if (0 < vmax && vmax < em128) {
                for (double& value : V1)
                    value *= ep128;
                expnt -= 128;
            }
            V1s = V0s + j1 - k1;
        }
    }
    double ans = V1[static_cast<std::size_t>(n - V1s)];
    for (std::int64_t m = 1; m <= n; ++m) {
        if (std::abs(ans) > ep128) {
            ans *= em128;
            expnt += 128;
        }
        ans *= static_cast<double>(m);
    }
    if (expnt != 0)
        ans = std::ldexp(ans, expnt);
    return clip01(ans);
}

// The Pelz-Good asymptotic series for Pr(D_n <= x) (scipy's _kolmogn_PelzGood).
double kolmognPelzGood(std::int64_t n, double x) {
    if (x <= 0.0)
        return 0.0;
    if (x >= 1.0)
        return 1.0;
    const double dn = static_cast<double>(n);
    const double z = std::sqrt(dn) * x;
    const double zsquared = z * z, zthree = z * z * z, zfour = zsquared * zsquared, zsix = zthree * zthree;
    const double pi2 = pi * pi, pi4 = pi2 * pi2, pi6 = pi4 * pi2;
    const double qlog = -pi2 / 8 / zsquared;
    if (qlog < -708)
        return 0.0;
    double q = std::exp(qlog);
    const double k1a = -zsquared, k1b = pi2 / 4;
    const double k2a = 6 * zsix + 2 * zfour, k2b = (2 * zfour - 5 * zsquared) * pi2 / 4,
                 k2c = pi4 * (1 - 2 * zsquared) / 16;
    const double k3d = pi6 * (5 - 30 * zsquared) / 64, k3c = pi4 * (-60 * zsquared + 212 * zfour) / 16,
                 k3b = pi2 * (135 * zfour - 96 * zsix) / 4, k3a = -30 * zsix - 90 * std::pow(z, 8);
    std::array<double, 4> K = {0, 0, 0, 0};
    const auto maxk = static_cast<std::int64_t>(std::ceil(16 * z / pi));
    for (std::int64_t k = maxk; k > 0; --k) {
        const double m = static_cast<double>(2 * k - 1);
        const double msquared = m * m, mfour = msquared * msquared, msix = mfour * msquared;
        const double qpower = std::pow(q, static_cast<double>(8 * k));
        const std::array<double, 4> coeffs = {1.0, k1a + k1b * msquared, k2a + k2b * msquared + k2c * mfour,
                                              k3a + k3b * msquared + k3c * mfour + k3d * msix};
        for (std::size_t i = 0; i < 4; ++i)
            K[i] = K[i] * qpower + coeffs[i];
    }
    const double sqrt2pi = std::sqrt(2 * pi);
    const std::array<double, 4> divisors = {z, 6 * zfour, 72 * std::pow(z, 7), 6480 * std::pow(z, 10)};
    for (std::size_t i = 0; i < 4; ++i) {
        K[i] *= q;
        K[i] *= sqrt2pi;
        K[i] /= divisors[i];
    }
    q = std::exp(-pi2 / 2 / zsquared);
    const double sqrt3z = std::sqrt(3.0) * z;
    double k2extra = 0, k3extra = 0;
    for (std::int64_t k = maxk; k > 0; --k) {
        const double ks = static_cast<double>(k);
        const double ksquared = ks * ks;
        const double qp = std::pow(q, static_cast<double>(k * k));
        const double kspi = pi * ks;
        k2extra += ksquared * qp;
        k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksquared * qp;
    }
    k2extra *= pi2 * sqrt2pi / (-36 * zthree);
    K[2] += k2extra;
    k3extra *= pi2 * sqrt2pi / (216 * zsix);
    K[3] += k3extra;
    for (std::size_t i = 0; i < 4; ++i)
        K[i] /= std::pow(dn * 1.0, static_cast<double>(i) / 2.0);
    return K[0] + K[1] + K[2] + K[3];
}

} // namespace

double KolmogorovSmirnov::smirnov(std::int64_t n, double d) {
    if (!(n > 0 && d >= 0.0 && d <= 1.0))
        return std::nan("");
    if (d == 0.0)
        return 1.0;
    if (d == 1.0)
        return 0.0;
    const double dn = static_cast<double>(n);
    if (n > 1000000) {
        // scipy switches to this approximation beyond SMIRNOV_MAX_COMPUTE_N.
        const double logp = -std::pow(6.0 * dn * d + 1, 2) / 18.0 / dn;
        return logp < -std::log(2.0) ? std::exp(logp) : 1 - (-std::expm1(logp));
    }
    // Birnbaum-Tingey: sum over v <= n(1-d) of C(n,v) d (d+v/n)^(v-1) (1-d-v/n)^(n-v), each term
    // in log space with long double so that the sum keeps ~1e-15 relative accuracy (scipy uses
    // double-double for the same reason).
    using Real = long double;
    const Real e = d;
    const auto nn = static_cast<std::int64_t>(std::floor(dn * (1.0 - d)));
    const Real lgamN1 = std::lgamma(static_cast<Real>(n) + 1);
    Real sum = 0;
    for (std::int64_t v = 0; v <= nn; ++v) {
        const Real evn = e + static_cast<Real>(v) / static_cast<Real>(n);
        const Real omevn = 1 - evn;
        if (omevn <= 0)
            continue;
        const Real t = lgamN1 - std::lgamma(static_cast<Real>(v) + 1) -
                       std::lgamma(static_cast<Real>(n - v) + 1) + static_cast<Real>(v - 1) * std::log(evn) +
                       static_cast<Real>(n - v) * std::log(omevn);
        if (t > -11400)
            sum += std::exp(t);
    }
    return static_cast<double>(sum * e);
}

double KolmogorovSmirnov::kstwoSf(double x, std::int64_t n) {
    // scipy.stats.kstwo.sf → _kolmogn(n, x, cdf=False) (Simard and L'Ecuyer's choice of method).
    if (n <= 0 || std::isnan(x))
        return std::nan("");
    if (x >= 1.0)
        return 0.0;
    if (x <= 0.0)
        return 1.0;
    const double dn = static_cast<double>(n);
    const double t = dn * x;
    if (t <= 1.0) {
        if (t <= 0.5)
            return 1.0;
        double prob = 0;
        if (n <= 140) {
            prob = 1.0;
            for (std::int64_t i = 1; i <= n; ++i)
                prob *= static_cast<double>(i) * (1.0 / dn) * (2 * t - 1);
        } else {
            prob = std::exp(logNFactorialDivNPowN(dn) + dn * std::log(2 * t - 1));
        }
        return clip01(1.0 - prob);
    }
    if (t >= dn - 1)
        return clip01(2 * std::pow(1.0 - x, dn));
    if (x >= 0.5)
        return clip01(2 * smirnov(n, x));
    const double nxsquared = t * x;
    if (n <= 140) {
        if (nxsquared <= 0.754693)
            return clip01(1.0 - kolmognDmtw(n, x));
        if (nxsquared <= 4)
            return clip01(1.0 - kolmognPomeranz(n, x));
        return clip01(2 * smirnov(n, x));
    }
    if (nxsquared >= 370.0)
        return 0.0;
    if (nxsquared >= 2.2)
        return clip01(2 * smirnov(n, x));
    double cdf = 0;
    if (nxsquared >= 18.0)
        cdf = 1.0;
    else if (n <= 100000 && dn * std::pow(x, 1.5) <= 1.4)
        cdf = kolmognDmtw(n, x);
    else
        cdf = kolmognPelzGood(n, x);
    return clip01(1.0 - clip01(cdf));
}

bool KolmogorovSmirnov::exactPValue(std::int64_t m, std::int64_t n, std::int64_t h, double& p) {
    const std::int64_t g = std::gcd(m, n);
    p = m == n ? probOutsideSquare(m, h) : outerProbInsideMethod(m, n, g, h);
    return std::isfinite(p) && p >= 0 && p <= 1;
}

KolmogorovSmirnov::Result KolmogorovSmirnov::twoSample(const std::vector<double>& a,
                                                       const std::vector<double>& b) {
    const auto n1 = static_cast<std::int64_t>(a.size());
    const auto n2 = static_cast<std::int64_t>(b.size());
    const double dn1 = static_cast<double>(n1), dn2 = static_cast<double>(n2);
    // cdf1 - cdf2 at every observation (searchsorted side='right'), as scipy evaluates it.
    double minDiff = 0, maxDiff = 0;
    std::size_t i = 0, j = 0;
    bool first = true;
    while (i < a.size() || j < b.size()) {
        const double v = (j >= b.size() || (i < a.size() && a[i] <= b[j])) ? a[i] : b[j];
        while (i < a.size() && a[i] <= v)
            ++i;
        while (j < b.size() && b[j] <= v)
            ++j;
        const double diff = static_cast<double>(i) / dn1 - static_cast<double>(j) / dn2;
        if (first || diff < minDiff)
            minDiff = diff;
        if (first || diff > maxDiff)
            maxDiff = diff;
        first = false;
    }
    const double minS = std::clamp(-minDiff, 0.0, 1.0);
    double d = minS > maxDiff ? minS : maxDiff;

    Result result;
    if (std::max(n1, n2) <= 10000) {
        const std::int64_t g = std::gcd(n1, n2);
        const std::int64_t lcm = (n1 / g) * n2;
        const auto h = static_cast<std::int64_t>(std::nearbyint(d * static_cast<double>(lcm)));
        d = static_cast<double>(h) * 1.0 / static_cast<double>(lcm);
        result.statistic = d;
        result.exact = true;
        if (h == 0) {
            result.pValue = 1.0;
            return result;
        }
        double p = 0;
        if (exactPValue(n1, n2, h, p)) {
            result.pValue = clip01(p);
            return result;
        }
    }
    // Smirnov's asymptotic: kstwo.sf(D, round(m n / (m + n))), m >= n as floats.
    const double m = std::max(dn1, dn2), n = std::min(dn1, dn2);
    const double en = m * n / (m + n);
    result.statistic = d;
    result.exact = false;
    result.pValue = clip01(kstwoSf(d, static_cast<std::int64_t>(std::nearbyint(en))));
    return result;
}

} // namespace assay
