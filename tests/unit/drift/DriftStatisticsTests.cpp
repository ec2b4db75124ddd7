#include "core/drift/CsvReader.h"
#include "core/drift/DriftStatistics.h"
#include "core/drift/KolmogorovSmirnov.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>
#include <cmath>
#include <random>

using namespace assay;

namespace {

const QString fixtures = QStringLiteral(ASSAY_TEST_FIXTURES "/drift");

// The fixtures README's agreement: relative 1e-9, absolute 1e-12 near zero.
bool agrees(double got, double expected) {
    if (std::abs(expected) <= 1e-12)
        return std::abs(got - expected) <= 1e-12;
    return std::abs(got - expected) / std::abs(expected) <= 1e-9;
}

QJsonObject readJson(const QString& path) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

TEST_CASE("every drift fixture matches scipy and numpy on every key", "[drift]") {
    const QStringList cases = QDir(fixtures).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    REQUIRE(cases.size() >= 8);
    for (const QString& name : cases) {
        INFO(name.toStdString());
        const QString dir = fixtures + QLatin1Char('/') + name;
        const QJsonObject expected = readJson(dir + QStringLiteral("/expected.json"));
        const DriftReport report =
            DriftStatistics::compare(CsvReader::read(dir + QStringLiteral("/reference.csv")),
                                     CsvReader::read(dir + QStringLiteral("/current.csv")));
        const QJsonObject got = report.toJson();
        CHECK(got.value(QStringLiteral("dataset_drift")) == expected.value(QStringLiteral("dataset_drift")));
        CHECK(got.value(QStringLiteral("drifted_columns")).toInt() ==
              expected.value(QStringLiteral("drifted_columns")).toInt());
        const QJsonObject expectedColumns = expected.value(QStringLiteral("columns")).toObject();
        const QJsonObject gotColumns = got.value(QStringLiteral("columns")).toObject();
        CHECK(gotColumns.keys() == expectedColumns.keys());
        for (auto column = expectedColumns.begin(); column != expectedColumns.end(); ++column) {
            const QJsonObject e = column.value().toObject();
            const QJsonObject g = gotColumns.value(column.key()).toObject();
            INFO(column.key().toStdString());
            CHECK(g.keys() == e.keys());
            for (auto key = e.begin(); key != e.end(); ++key) {
                INFO(key.key().toStdString());
                const QJsonValue value = g.value(key.key());
                if (key.value().isDouble()) {
                    INFO(value.toDouble() << " vs " << key.value().toDouble());
                    CHECK(agrees(value.toDouble(), key.value().toDouble()));
                } else {
                    CHECK(value == key.value());
                }
            }
        }
    }
}

TEST_CASE("identical samples give D = 0 and p = 1", "[drift]") {
    std::mt19937_64 random(7);
    std::normal_distribution<double> normal;
    for (const std::size_t n : {std::size_t{50}, std::size_t{3000}, std::size_t{12000}}) {
        std::vector<double> values(n);
        for (double& v : values)
            v = normal(random);
        const DriftColumnResult r = DriftStatistics::numerical(QStringLiteral("x"), values, values);
        CHECK(*r.ksStatistic == 0.0);
        CHECK(*r.ksP == 1.0);
        CHECK(*r.wasserstein == 0.0);
        CHECK(r.psi == 0.0);
        CHECK_FALSE(r.drifted);
    }
}

TEST_CASE("PSI is non-negative and JS at most sqrt(ln 2)", "[drift]") {
    std::mt19937_64 random(11);
    std::normal_distribution<double> normal;
    for (int trial = 0; trial < 20; ++trial) {
        std::vector<double> a(300), b(200);
        for (double& v : a)
            v = normal(random);
        for (double& v : b)
            v = normal(random) * (1 + trial * 0.3) + trial;
        const DriftColumnResult r = DriftStatistics::numerical(QStringLiteral("x"), a, b);
        CHECK(r.psi >= 0);
        CHECK(r.jensenShannon <= std::sqrt(std::log(2.0)) + 1e-15);
        CHECK(*r.ksP >= 0);
        CHECK(*r.ksP <= 1);
    }
    // Disjoint supports reach the JS bound.
    const DriftColumnResult disjoint =
        DriftStatistics::categorical(QStringLiteral("c"), {QStringLiteral("a")}, {QStringLiteral("b")});
    CHECK(disjoint.jensenShannon == Approx(std::sqrt(std::log(2.0))).epsilon(1e-12));
}

TEST_CASE("Sturges edges follow numpy", "[drift]") {
    // np.histogram_bin_edges([0..9, 10.5], 'sturges'): 11 values → 5 bins over [0, 10.5].
    std::vector<double> a = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    const std::vector<double> b = {10.5};
    const std::vector<double> edges = DriftStatistics::sturgesEdges(a, b);
    REQUIRE(edges.size() == 6);
    CHECK(edges.front() == 0.0);
    CHECK(edges.back() == 10.5);
    CHECK(edges[1] == 2.1);
}

TEST_CASE("the exact KS p-value takes both of scipy's branches", "[drift]") {
    double p = 0;
    // n1 == n2 uses the square formula; D = 1 for n = 2 is 2 / C(4, 2).
    REQUIRE(KolmogorovSmirnov::exactPValue(2, 2, 2, p));
    CHECK(p == Approx(1.0 / 3.0).epsilon(1e-15));
    REQUIRE(KolmogorovSmirnov::exactPValue(3, 2, 6, p));
    CHECK(p == Approx(2.0 / 10.0).epsilon(1e-15));
    CHECK(KolmogorovSmirnov::kstwoSf(0.0, 10) == 1.0);
    CHECK(KolmogorovSmirnov::kstwoSf(1.0, 10) == 0.0);
}

TEST_CASE("an all-missing column is refused", "[drift]") {
    CHECK_THROWS_WITH(CsvReader::parse("a,b\n1,\n2,nan\n", QStringLiteral("r.csv")),
                      Catch::Contains("r.csv:1:3") && Catch::Contains("\"b\" has no values"));
}
