// Drift monitors through assay-cli, as a pipeline would run them: a monitor on a model version,
// weekly data added, the status and windows read back, rules changed, bad input refused.
#include "CliModelPipeline.h"

#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <catch2/catch.hpp>
#include <random>

using assay::test::CliModelPipeline;
using assay::test::CliResult;

namespace {

void writeFile(const QString& path, const QByteArray& content) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(content);
}

// x and y normal, c a category, the label and a prediction right 90% of the time. shift moves x
// by that many standard deviations.
QByteArray rows(std::mt19937& rng, int count, const QDate& from, int days, double shift, bool withDate) {
    std::normal_distribution<double> normal(0.0, 1.0);
    std::uniform_int_distribution<int> category(0, 2);
    std::uniform_int_distribution<int> day(0, days - 1);
    std::bernoulli_distribution positive(0.3);
    std::bernoulli_distribution right(0.9);
    QByteArray csv = withDate ? "date,x,y,c,label,prediction\n" : "x,y,c,label,prediction\n";
    for (int i = 0; i < count; ++i) {
        const int label = positive(rng) ? 1 : 0;
        const int prediction = right(rng) ? label : 1 - label;
        QString line;
        if (withDate)
            line += from.addDays(day(rng)).toString(Qt::ISODate) + QLatin1Char(',');
        line += QStringLiteral("%1,%2,%3,%4,%5\n")
                    .arg(10.0 + normal(rng) + shift, 0, 'f', 4)
                    .arg(5.0 + 2.0 * normal(rng), 0, 'f', 4)
                    .arg(QLatin1Char("abc"[category(rng)]))
                    .arg(label)
                    .arg(prediction);
        csv += line.toUtf8();
    }
    return csv;
}

class DriftPipeline : public CliModelPipeline {
public:
    DriftPipeline() {
        registerVersions();
        std::mt19937 rng(20260302);
        reference = m_data.filePath(QStringLiteral("reference.csv"));
        writeFile(reference, rows(rng, 2000, {}, 1, 0.0, false));
        // Three weeks from Monday 2026-03-02 (ISO week 10); x moves by one standard deviation in the last.
        for (int week = 0; week < 3; ++week) {
            weeks << m_data.filePath(QStringLiteral("week-%1.csv").arg(week + 1));
            writeFile(weeks.last(),
                      rows(rng, 500, QDate(2026, 3, 2).addDays(7 * week), 7, week == 2 ? 1.0 : 0.0, true));
        }
    }

    CliResult drift(const QStringList& arguments) const {
        return command(QStringList{QStringLiteral("drift")} + arguments);
    }
    QJsonDocument driftJson(const QStringList& arguments) const {
        const CliResult result =
            drift(arguments + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
        INFO(result.err.toStdString());
        REQUIRE(result.status == 0);
        return QJsonDocument::fromJson(result.out.toUtf8());
    }
    QString file(const QString& name) const { return m_data.filePath(name); }
    int auditEvents() const {
        const CliResult verified = command({QStringLiteral("audit"), QStringLiteral("verify")});
        REQUIRE(verified.status == 0);
        const QRegularExpressionMatch match =
            QRegularExpression(QStringLiteral("intact, (\\d+) events")).match(verified.out);
        REQUIRE(match.hasMatch());
        return match.captured(1).toInt();
    }

    static QStringList target() {
        return {QStringLiteral("--model"), QStringLiteral("churn"), QStringLiteral("--version"),
                QStringLiteral("2")};
    }
    QStringList monitorArguments() const {
        return QStringList{QStringLiteral("monitor")} + target() +
               QStringList{QStringLiteral("--reference"),   reference,
                           QStringLiteral("--key"),         QStringLiteral("x"),
                           QStringLiteral("--categorical"), QStringLiteral("c"),
                           QStringLiteral("--timestamp"),   QStringLiteral("date"),
                           QStringLiteral("--period"),      QStringLiteral("week"),
                           QStringLiteral("--label"),       QStringLiteral("label"),
                           QStringLiteral("--prediction"),  QStringLiteral("prediction"),
                           QStringLiteral("--metric"),      QStringLiteral("accuracy")};
    }

    QString reference;
    QStringList weeks;

private:
    QTemporaryDir m_data;
};

QJsonArray windowsOf(const DriftPipeline& pipeline) {
    return pipeline.driftJson(QStringList{QStringLiteral("windows")} + DriftPipeline::target()).array();
}

} // namespace

TEST_CASE("drift monitor, add, status, windows and rules through the CLI", "[cli][drift]") {
    DriftPipeline pipeline;
    const CliResult created = pipeline.drift(pipeline.monitorArguments());
    INFO(created.err.toStdString());
    REQUIRE(created.status == 0);
    CHECK(created.out.contains(QLatin1String("Created drift monitor \"production\" on churn v2.")));
    CHECK(created.out.contains(QLatin1String("windows by week of \"date\"")));
    for (const char* feature : {"x ", "y ", "c "})
        CHECK(created.out.contains(QLatin1String("\n") + QLatin1String(feature)));

    const CliResult added =
        pipeline.drift(QStringList{QStringLiteral("add")} + DriftPipeline::target() + pipeline.weeks);
    INFO(added.err.toStdString());
    REQUIRE(added.status == 0);
    CHECK(added.out.contains(
        QLatin1String("week-1.csv: window 2026-W10, 500 rows: 0 of 3 features drifted\n")));
    CHECK(added.out.contains(
        QLatin1String("week-3.csv: window 2026-W12, 500 rows: 1 of 3 features drifted (x); "
                      "RETRAINING RECOMMENDED: key feature x")));
    CHECK(added.out.contains(QLatin1String("3 windows added")));

    const QJsonArray status = pipeline.driftJson({QStringLiteral("status")}).array();
    REQUIRE(status.size() == 1);
    const QJsonObject churn = status.first().toObject();
    CHECK(churn.value(QStringLiteral("model")).toString() == QLatin1String("churn"));
    CHECK(churn.value(QStringLiteral("retraining_recommended")).toBool());
    CHECK(churn.value(QStringLiteral("latest_window")).toString() == QLatin1String("2026-W12"));
    const CliResult statusTable = pipeline.drift({QStringLiteral("status")});
    CHECK(statusTable.status == 0);
    CHECK(statusTable.out.contains(QLatin1String("RECOMMENDED")));
    CHECK(statusTable.out.contains(QLatin1String("churn: Retraining recommended")));

    QJsonArray windows = windowsOf(pipeline);
    REQUIRE(windows.size() == 3);
    QStringList labels;
    for (const QJsonValue& value : windows) {
        const QJsonObject window = value.toObject();
        labels << window.value(QStringLiteral("window")).toString();
        CHECK(window.value(QStringLiteral("rows")).toInt() == 500);
        CHECK(window.value(QStringLiteral("features")).toInt() == 3);
        CHECK(window.value(QStringLiteral("metric")).toString() == QLatin1String("accuracy"));
        CHECK(window.value(QStringLiteral("performance")).toDouble() == Approx(0.9).margin(0.05));
    }
    CHECK(labels ==
          QStringList{QStringLiteral("2026-W10"), QStringLiteral("2026-W11"), QStringLiteral("2026-W12")});
    CHECK(windows[0].toObject().value(QStringLiteral("first_day")).toString() == QLatin1String("2026-03-02"));
    CHECK(windows[0].toObject().value(QStringLiteral("last_day")).toString() == QLatin1String("2026-03-08"));
    CHECK(windows[1].toObject().value(QStringLiteral("drifted_features")).toInt() == 0);
    CHECK_FALSE(windows[1].toObject().value(QStringLiteral("retraining_recommended")).toBool());
    const QJsonObject last = windows[2].toObject();
    CHECK(last.value(QStringLiteral("drifted")).toArray() == QJsonArray{QStringLiteral("x")});
    CHECK(last.value(QStringLiteral("drifted_key_features")).toArray() == QJsonArray{QStringLiteral("x")});
    CHECK_FALSE(last.value(QStringLiteral("dataset_drift")).toBool());
    CHECK(last.value(QStringLiteral("retraining_recommended")).toBool());

    // x is judged by normed Wasserstein (2000 reference rows): about 1 after a shift of one sd.
    const QJsonArray scores =
        pipeline
            .driftJson(QStringList{QStringLiteral("windows")} + DriftPipeline::target() +
                       QStringList{QStringLiteral("--feature"), QStringLiteral("x")})
            .array();
    REQUIRE(scores.size() == 3);
    for (const QJsonValue& value : scores)
        CHECK(value.toObject().value(QStringLiteral("method")).toString() ==
              QLatin1String("wasserstein_norm"));
    CHECK(scores[0].toObject().value(QStringLiteral("score")).toDouble() < 0.1);
    CHECK(scores[2].toObject().value(QStringLiteral("score")).toDouble() == Approx(1.0).margin(0.15));
    CHECK(scores[2].toObject().value(QStringLiteral("threshold")).toDouble() == 0.1);
    const CliResult csv = pipeline.drift(QStringList{QStringLiteral("windows")} + DriftPipeline::target() +
                                         QStringList{QStringLiteral("--format"), QStringLiteral("csv")});
    REQUIRE(csv.status == 0);
    CHECK(csv.out.startsWith(QLatin1String("window,first_day,last_day,rows,")));
    CHECK(csv.out.count(QLatin1Char('\n')) == 4);

    // Raising x's own threshold above its score clears the recommendation in every window.
    const CliResult rules =
        pipeline.drift(QStringList{QStringLiteral("rules")} + DriftPipeline::target() +
                       QStringList{QStringLiteral("--feature-threshold"), QStringLiteral("x=2.5")});
    INFO(rules.err.toStdString());
    REQUIRE(rules.status == 0);
    CHECK(rules.out.contains(QLatin1String(">= 2.5 (own)")));
    CHECK(rules.out.contains(QLatin1String("Latest window 2026-W12: 0 of 3 features drifted")));
    windows = windowsOf(pipeline);
    for (const QJsonValue& value : windows)
        CHECK_FALSE(value.toObject().value(QStringLiteral("retraining_recommended")).toBool());
    CHECK_FALSE(pipeline.driftJson({QStringLiteral("status")})
                    .array()
                    .first()
                    .toObject()
                    .value(QStringLiteral("retraining_recommended"))
                    .toBool());

    // Back to the monitor's threshold, and x no longer a key feature: drift, but no recommendation.
    const QJsonObject monitor =
        pipeline
            .driftJson(QStringList{QStringLiteral("rules")} + DriftPipeline::target() +
                       QStringList{QStringLiteral("--feature-threshold"), QStringLiteral("x=default"),
                                   QStringLiteral("--no-key"), QStringLiteral("x")})
            .object();
    CHECK_FALSE(monitor.value(QStringLiteral("features"))
                    .toArray()
                    .first()
                    .toObject()
                    .value(QStringLiteral("key"))
                    .toBool());
    windows = windowsOf(pipeline);
    CHECK(windows[2].toObject().value(QStringLiteral("drifted_features")).toInt() == 1);
    CHECK_FALSE(windows[2].toObject().value(QStringLiteral("retraining_recommended")).toBool());
}

TEST_CASE("drift add refuses a window that has data, and bad files, writing nothing", "[cli][drift]") {
    DriftPipeline pipeline;
    REQUIRE(pipeline.drift(pipeline.monitorArguments()).status == 0);
    REQUIRE(
        pipeline
            .drift(QStringList{QStringLiteral("add")} + DriftPipeline::target() + pipeline.weeks.mid(0, 1))
            .status == 0);
    const int events = pipeline.auditEvents();

    const CliResult again = pipeline.drift(QStringList{QStringLiteral("add")} + DriftPipeline::target() +
                                           pipeline.weeks.mid(0, 1));
    CHECK(again.status == 1);
    CHECK(again.err.contains(QLatin1String("window 2026-W10 of monitor \"production\" already has data")));
    CHECK(again.err.count(QLatin1Char('\n')) == 1);
    CHECK(pipeline.auditEvents() == events);
    CHECK(windowsOf(pipeline).size() == 1);

    const QString bad = pipeline.file(QStringLiteral("bad.csv"));
    writeFile(bad, "date,x,y,c,label,prediction\n2026-03-09,1,2,a,0,0\n2026-03-10,1,2,a,0,0,7\n");
    const CliResult malformed =
        pipeline.drift(QStringList{QStringLiteral("add")} + DriftPipeline::target() + QStringList{bad});
    CHECK(malformed.status == 1);
    CHECK(malformed.err.contains(bad + QStringLiteral(":3:")));
    CHECK(pipeline.auditEvents() == events);
    CHECK(windowsOf(pipeline).size() == 1);

    const CliResult badReference = pipeline.drift(
        QStringList{QStringLiteral("monitor")} + DriftPipeline::target() +
        QStringList{QStringLiteral("--name"), QStringLiteral("shadow"), QStringLiteral("--reference"), bad});
    CHECK(badReference.status == 1);
    CHECK(badReference.err.contains(bad + QStringLiteral(":3:")));
    CHECK(pipeline.auditEvents() == events);

    CHECK(pipeline.drift(QStringList{QStringLiteral("add")} + DriftPipeline::target()).status == 2);
    const CliResult labelled =
        pipeline.drift(QStringList{QStringLiteral("add")} + DriftPipeline::target() +
                       QStringList{pipeline.weeks[1], QStringLiteral("--window"), QStringLiteral("w2")});
    CHECK(labelled.status == 2);
    CHECK(labelled.err.contains(QLatin1String("cuts windows by week of \"date\"")));
    CHECK(pipeline.drift(QStringList{QStringLiteral("monitor")} + DriftPipeline::target()).status == 2);
    CHECK(pipeline.drift({QStringLiteral("windows"), QStringLiteral("--model"), QStringLiteral("churn")})
              .status == 2);
    const CliResult noMonitor =
        pipeline.drift(QStringList{QStringLiteral("windows")} + DriftPipeline::target() +
                       QStringList{QStringLiteral("--monitor"), QStringLiteral("nope")});
    CHECK(noMonitor.status == 1);
    CHECK(noMonitor.err.contains(QLatin1String("has no drift monitor \"nope\"")));
    const CliResult badKey =
        pipeline.drift(QStringList{QStringLiteral("rules")} + DriftPipeline::target() +
                       QStringList{QStringLiteral("--threshold"), QStringLiteral("kss=0.1")});
    CHECK(badKey.status == 2);
    CHECK(pipeline.auditEvents() == events);
}
