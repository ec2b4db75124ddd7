#include "tests/support/CliRunner.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <catch2/catch.hpp>
#include <cmath>

using assay::test::runCli;

namespace {

const QString fixtures = QStringLiteral(ASSAY_TEST_FIXTURES "/drift");

bool agrees(double got, double expected) {
    if (std::abs(expected) <= 1e-12)
        return std::abs(got - expected) <= 1e-12;
    return std::abs(got - expected) / std::abs(expected) <= 1e-9;
}

} // namespace

TEST_CASE("drift compute prints the fixture's JSON", "[cli][drift]") {
    for (const QString& name : {QStringLiteral("normal_shift"), QStringLiteral("large_asymptotic")}) {
        const QString dir = fixtures + QLatin1Char('/') + name;
        const auto result = runCli({QStringLiteral("drift"), QStringLiteral("compute"),
                                    QStringLiteral("--reference"), dir + QStringLiteral("/reference.csv"),
                                    QStringLiteral("--current"), dir + QStringLiteral("/current.csv"),
                                    QStringLiteral("--format"), QStringLiteral("json")});
        INFO(result.err.toStdString());
        REQUIRE(result.status == 0);
        const QJsonObject got = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QFile file(dir + QStringLiteral("/expected.json"));
        REQUIRE(file.open(QIODevice::ReadOnly));
        const QJsonObject expected = QJsonDocument::fromJson(file.readAll()).object();
        CHECK(got.value(QStringLiteral("dataset_drift")) == expected.value(QStringLiteral("dataset_drift")));
        const QJsonObject e = expected.value(QStringLiteral("columns")).toObject();
        const QJsonObject g = got.value(QStringLiteral("columns")).toObject();
        CHECK(g.keys() == e.keys());
        for (auto column = e.begin(); column != e.end(); ++column) {
            const QJsonObject ec = column.value().toObject();
            const QJsonObject gc = g.value(column.key()).toObject();
            CHECK(gc.keys() == ec.keys());
            for (auto key = ec.begin(); key != ec.end(); ++key) {
                INFO(column.key().toStdString() << "." << key.key().toStdString());
                if (key.value().isDouble())
                    CHECK(agrees(gc.value(key.key()).toDouble(), key.value().toDouble()));
                else
                    CHECK(gc.value(key.key()) == key.value());
            }
        }
    }
}

TEST_CASE("drift compute refuses a malformed CSV with its position", "[cli][drift]") {
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.csv"));
    QFile file(bad);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("x,y\n1,2\n3,4,5\n");
    file.close();
    const auto result = runCli({QStringLiteral("drift"), QStringLiteral("compute"),
                                QStringLiteral("--reference"), bad, QStringLiteral("--current"), bad});
    CHECK(result.status == 1);
    CHECK(result.err.contains(bad + QStringLiteral(":3:5:")));
    const auto usage =
        runCli({QStringLiteral("drift"), QStringLiteral("compute"), QStringLiteral("--reference"), bad});
    CHECK(usage.status == 2);
}
