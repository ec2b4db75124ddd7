#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"
#include "core/drift/DriftComputation.h"
#include "core/drift/DriftMethod.h"
#include "core/drift/DriftMonitors.h"
#include "core/drift/DriftStatistics.h"
#include "core/governance/EvidenceBundle.h"
#include "core/governance/PromotionGates.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/GovernanceScenario.h"

#include <QFile>
#include <QJsonArray>
#include <QTextStream>

#include <catch2/catch.hpp>
#include <numeric>
#include <random>

using namespace assay;
using assay::test::GovernanceScenario;

namespace {

const QString ada = QStringLiteral("ada");
const QString olga = QStringLiteral("olga");
const QString val = QStringLiteral("val");

// Generated data kept beside the files written from it, so that tests can compute expected
// values independently of the monitor.
struct Sample {
    std::vector<double> x;
    std::vector<double> y;
    QStringList category;
    std::vector<int> label;
    std::vector<int> prediction;
    QStringList day;
};

// rows rows: x ~ N(shift, 1), y ~ N(10, 2), category a/b/c, a label and a prediction that agrees
// with it with probability `accuracy`; days spread over `days` starting at `firstDay`.
Sample generate(unsigned seed, int rows, double shift, double accuracy, const QDate& firstDay = {},
                int days = 1) {
    std::mt19937 random(seed);
    std::normal_distribution<double> x(shift, 1.0), y(10.0, 2.0);
    std::uniform_int_distribution<int> category(0, 2), binary(0, 1);
    std::bernoulli_distribution agrees(accuracy);
    Sample s;
    for (int i = 0; i < rows; ++i) {
        s.x.push_back(x(random));
        s.y.push_back(y(random));
        s.category << QString(QChar(u'a' + category(random)));
        s.label.push_back(binary(random));
        s.prediction.push_back(agrees(random) ? s.label.back() : 1 - s.label.back());
        if (firstDay.isValid())
            s.day << firstDay.addDays(i % days).toString(Qt::ISODate);
    }
    return s;
}

void append(Sample& to, const Sample& from) {
    to.x.insert(to.x.end(), from.x.begin(), from.x.end());
    to.y.insert(to.y.end(), from.y.begin(), from.y.end());
    to.category << from.category;
    to.label.insert(to.label.end(), from.label.begin(), from.label.end());
    to.prediction.insert(to.prediction.end(), from.prediction.begin(), from.prediction.end());
    to.day << from.day;
}

QString write(const QString& path, const Sample& s) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QTextStream out(&file);
    const bool dated = !s.day.isEmpty();
    out << (dated ? "day," : "") << "x,y,category,label,prediction\n";
    for (std::size_t i = 0; i < s.x.size(); ++i) {
        const auto row = static_cast<qsizetype>(i);
        if (dated)
            out << s.day[row] << ',';
        out << QString::number(s.x[i], 'g', 17) << ',' << QString::number(s.y[i], 'g', 17) << ','
            << s.category[row] << ',' << s.label[i] << ',' << s.prediction[i] << '\n';
    }
    return path;
}

double accuracyOf(const Sample& s) {
    double hits = 0;
    for (std::size_t i = 0; i < s.label.size(); ++i)
        hits += s.label[i] == s.prediction[i] ? 1 : 0;
    return hits / static_cast<double>(s.label.size());
}

DriftMonitorSpec weeklySpec(GovernanceScenario& scenario, const QString& reference) {
    DriftMonitorSpec spec;
    spec.versionId = scenario.versionId(2);
    spec.name = QStringLiteral("production");
    spec.referencePath = reference;
    spec.features = {QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("category")};
    spec.keyFeatures = {QStringLiteral("x")};
    spec.timestampColumn = QStringLiteral("day");
    spec.period = DriftPeriod::Week;
    spec.labelColumn = QStringLiteral("label");
    spec.predictionColumn = QStringLiteral("prediction");
    spec.metric = PerformanceMetric::Accuracy;
    return spec;
}

const DriftResult* resultOf(const QList<DriftResult>& results, qint64 windowId, const QString& feature,
                            const QString& method) {
    for (const DriftResult& r : results) {
        if (r.windowId == windowId && r.feature == feature && r.method == method)
            return &r;
    }
    return nullptr;
}

int auditCount(Workspace& workspace) {
    return SqlQuery::scalar(workspace.database(), QStringLiteral("SELECT count(*) FROM audit_log")).toInt();
}

// Reference of 600 rows; three weeks of 300 rows from 2026-03-02 (ISO week 10), the third week's
// x shifted by 1.5 standard deviations and its predictions worse.
struct WeeklyMonitor {
    GovernanceScenario scenario{2};
    Sample reference = generate(1, 600, 0.0, 0.9);
    Sample weeks[3] = {generate(2, 300, 0.0, 0.9, QDate(2026, 3, 2), 7),
                       generate(3, 300, 0.0, 0.88, QDate(2026, 3, 9), 7),
                       generate(4, 300, 1.5, 0.7, QDate(2026, 3, 16), 7)};
    QString currentPath;
    qint64 monitorId = 0;

    WeeklyMonitor() {
        const QString referencePath =
            write(scenario.temporary().file(QStringLiteral("reference.csv")), reference);
        Sample current;
        for (const Sample& week : weeks)
            append(current, week);
        currentPath = write(scenario.temporary().file(QStringLiteral("march.csv")), current);
        monitorId = DriftMonitors::createFromFile(scenario.as(ada), weeklySpec(scenario, referencePath));
    }
    Workspace& workspace() { return scenario.as(ada); }
    DriftMonitors monitors() { return DriftMonitors(workspace()); }
};

} // namespace

TEST_CASE("A monitor cuts current data into ISO weeks and flags the week a key feature drifts",
          "[driftmonitor]") {
    WeeklyMonitor m;
    const QList<qint64> ids = DriftMonitors::addFile(m.workspace(), m.monitorId, m.currentPath);
    REQUIRE(ids.size() == 3);

    const QList<DriftWindow> windows = m.monitors().windows(m.monitorId);
    REQUIRE(windows.size() == 3);
    CHECK(windows[0].label == QLatin1String("2026-W10"));
    CHECK(windows[0].first == QDate(2026, 3, 2));
    CHECK(windows[0].last == QDate(2026, 3, 8));
    CHECK(windows[2].label == QLatin1String("2026-W12"));
    CHECK(windows[1].rows == 300);
    CHECK(windows[1].sourceName == QLatin1String("march.csv"));

    CHECK_FALSE(windows[0].retrainingRecommended);
    CHECK_FALSE(windows[1].retrainingRecommended);
    CHECK(windows[2].retrainingRecommended);
    CHECK(windows[2].driftedKeyFeatures == QStringList{QStringLiteral("x")});
    CHECK(windows[2].featureCount == 3);
    CHECK(windows[2].driftedFeatures == 1);
    CHECK_FALSE(windows[2].datasetDrift); // one of three features is under the half

    const DriftStatus status = m.monitors().status(m.scenario.modelId());
    CHECK(status.retrainingRecommended);
    CHECK(status.latestWindow == QLatin1String("2026-W12"));
    REQUIRE(status.reasons.size() == 1);
    CHECK(status.reasons.first().contains(QStringLiteral("key feature x drifted in 2026-W12")));
}

TEST_CASE("Stored window statistics are the ones drift compute gives for the same data", "[driftmonitor]") {
    WeeklyMonitor m;
    DriftMonitors::addFile(m.workspace(), m.monitorId, m.currentPath);
    const QList<DriftWindow> windows = m.monitors().windows(m.monitorId);
    const QList<DriftResult> results = m.monitors().results(m.monitorId);

    for (int week = 0; week < 3; ++week) {
        const DriftColumnResult x =
            DriftStatistics::numerical(QStringLiteral("x"), m.reference.x, m.weeks[week].x);
        const DriftResult* ks =
            resultOf(results, windows[week].id, QStringLiteral("x"), QStringLiteral("ks"));
        REQUIRE(ks);
        CHECK(ks->monitored); // 600 reference rows: Evidently's default for x is KS
        CHECK(*ks->pValue == *x.ksP);
        CHECK(*ks->statistic == *x.ksStatistic);
        CHECK(*ks->drifted == (*x.ksP <= 0.05));
        const DriftResult* psi =
            resultOf(results, windows[week].id, QStringLiteral("x"), QStringLiteral("psi"));
        REQUIRE(psi);
        CHECK_FALSE(psi->monitored);
        CHECK(*psi->statistic == x.psi);

        const DriftColumnResult category = DriftStatistics::categorical(
            QStringLiteral("category"), m.reference.category, m.weeks[week].category);
        const DriftResult* chi =
            resultOf(results, windows[week].id, QStringLiteral("category"), QStringLiteral("chi_square"));
        REQUIRE(chi);
        CHECK(chi->monitored);
        CHECK(*chi->pValue == *category.chiSquareP);
        CHECK(windows[week].performance == Approx(accuracyOf(m.weeks[week])).epsilon(1e-12));
    }
    CHECK(*m.monitors().monitor(m.monitorId)->referencePerformance == Approx(accuracyOf(m.reference)));

    const std::optional<DriftDistribution> bars =
        m.monitors().distribution(windows[2].id, QStringLiteral("category"));
    REQUIRE(bars);
    CHECK_FALSE(bars->isHistogram());
    CHECK(bars->labels == QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});
    CHECK(std::accumulate(bars->currentCounts.begin(), bars->currentCounts.end(), 0.0) == 300);
    CHECK(std::accumulate(bars->referenceCounts.begin(), bars->referenceCounts.end(), 0.0) == 600);
    const std::optional<DriftDistribution> histogram =
        m.monitors().distribution(windows[2].id, QStringLiteral("x"));
    REQUIRE(histogram);
    CHECK(histogram->isHistogram());
    CHECK(histogram->edges.size() == histogram->currentCounts.size() + 1);
}

TEST_CASE("A window is added once: a file repeating one is refused whole", "[driftmonitor]") {
    WeeklyMonitor m;
    DriftMonitors::addFile(m.workspace(), m.monitorId, m.currentPath);
    const int events = auditCount(m.workspace());
    Sample later = generate(9, 200, 0.0, 0.9, QDate(2026, 3, 20), 7); // W12 again, then W13
    const QString path = write(m.scenario.temporary().file(QStringLiteral("late.csv")), later);
    try {
        DriftMonitors::addFile(m.workspace(), m.monitorId, path);
        FAIL("the repeated window was accepted");
    } catch (const AssayError& error) {
        CHECK(error.message().contains(QStringLiteral("late.csv: window 2026-W12")));
        CHECK(error.message().contains(QStringLiteral("already has data (from march.csv)")));
    }
    CHECK(m.monitors().windows(m.monitorId).size() == 3);
    CHECK(auditCount(m.workspace()) == events);
}

TEST_CASE("A bad timestamp or a word in a numerical feature is refused with its line and column",
          "[driftmonitor]") {
    WeeklyMonitor m;
    const QString badDate = m.scenario.temporary().file(QStringLiteral("bad-date.csv"));
    {
        QFile file(badDate);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("day,x,y,category,label,prediction\n2026-03-02,1,2,a,1,1\n2026-13-45,1,2,a,1,1\n");
    }
    CHECK_THROWS_WITH(
        DriftMonitors::addFile(m.workspace(), m.monitorId, badDate),
        Catch::Contains("bad-date.csv:3:1: \"2026-13-45\" in the timestamp column \"day\" is not a date"));
    const QString badNumber = m.scenario.temporary().file(QStringLiteral("bad-number.csv"));
    {
        QFile file(badNumber);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("day,x,y,category,label,prediction\n2026-03-02,1,2,a,1,1\n2026-03-03,1,lots,a,1,1\n");
    }
    CHECK_THROWS_WITH(
        DriftMonitors::addFile(m.workspace(), m.monitorId, badNumber),
        Catch::Contains("bad-number.csv:3:14: feature \"y\" is numerical but this cell is not a number"));
    CHECK(m.monitors().windows(m.monitorId).isEmpty());
}

TEST_CASE("New rules judge the stored windows again", "[driftmonitor]") {
    WeeklyMonitor m;
    DriftMonitors::addFile(m.workspace(), m.monitorId, m.currentPath);
    DriftMonitor monitor = *m.monitors().monitor(m.monitorId);
    QList<DriftFeature> features = monitor.features;
    features[0].method = QStringLiteral("psi");
    features[0].threshold = 50.0; // no PSI gets there
    m.workspace().write([&](WriteTransaction& tx) {
        DriftMonitors::setRules(tx, m.monitorId, monitor.thresholds, features);
    });
    const QList<DriftWindow> windows = m.monitors().windows(m.monitorId);
    CHECK_FALSE(windows[2].retrainingRecommended);
    CHECK_FALSE(m.monitors().status(m.scenario.modelId()).retrainingRecommended);
    const QList<DriftResult> results = m.monitors().results(m.monitorId);
    const DriftResult* psi = resultOf(results, windows[2].id, QStringLiteral("x"), QStringLiteral("psi"));
    CHECK(psi->monitored);
    CHECK(*psi->threshold == 50.0);
    CHECK_FALSE(resultOf(results, windows[2].id, QStringLiteral("x"), QStringLiteral("ks"))->monitored);

    // A dataset share of one third makes the single drifting feature dataset drift.
    features[0].method = QStringLiteral("ks");
    features[0].threshold.reset();
    features[0].key = false;
    monitor.thresholds.datasetShare = 0.3;
    m.workspace().write([&](WriteTransaction& tx) {
        DriftMonitors::setRules(tx, m.monitorId, monitor.thresholds, features);
    });
    const DriftWindow third = m.monitors().windows(m.monitorId)[2];
    CHECK(third.datasetDrift);
    CHECK(third.driftedKeyFeatures.isEmpty());
    CHECK(third.retrainingRecommended);
}

TEST_CASE("A method must fit its feature and only monitoring roles set monitors up", "[driftmonitor]") {
    WeeklyMonitor m;
    QList<DriftFeature> features = m.monitors().monitor(m.monitorId)->features;
    features[2].method = QStringLiteral("ks"); // category
    CHECK_THROWS_WITH(m.workspace().write([&](WriteTransaction& tx) {
        DriftMonitors::setRules(tx, m.monitorId, {}, features);
    }),
                      Catch::Contains("Feature \"category\" cannot use KS p-value"));

    DriftMonitorSpec spec =
        weeklySpec(m.scenario, m.scenario.temporary().file(QStringLiteral("reference.csv")));
    spec.name = QStringLiteral("shadow");
    CHECK_THROWS_WITH(DriftMonitors::createFromFile(m.scenario.as(olga), spec),
                      Catch::Contains("needs the data scientist, validator or risk officer role"));
    spec.keyFeatures = {QStringLiteral("income")};
    CHECK_THROWS_WITH(DriftMonitors::createFromFile(m.workspace(), spec),
                      Catch::Contains("A key feature names \"income\", which is not a feature"));
    CHECK(m.monitors().monitors(m.scenario.modelId()).size() == 1);
}

TEST_CASE("The drift gate fails a review of the drifting version and the evidence counts its monitor",
          "[driftmonitor][governance]") {
    WeeklyMonitor m;
    qint64 requestId = m.scenario.submit(2);
    PromotionRequest request = m.scenario.request(requestId);
    const auto driftGate = [&](const PromotionRequest& r) {
        for (const Gate& gate : PromotionGates::compute(m.workspace(), r)) {
            if (gate.key == QLatin1String("drift"))
                return gate;
        }
        FAIL("no drift gate");
        return Gate{};
    };
    CHECK(driftGate(request).status == Gate::Status::NotApplicable);
    CHECK(driftGate(request).detail.contains(QStringLiteral("no current data yet")));
    bool monitorEvidence = false;
    for (const auto& [key, present] : PromotionGates::evidenceItems(m.workspace(), request))
        monitorEvidence |= key == QLatin1String("drift_monitor") && present;
    CHECK(monitorEvidence);

    DriftMonitors::addFile(m.workspace(), m.monitorId, m.currentPath);
    const Gate failed = driftGate(request);
    CHECK(failed.status == Gate::Status::Failed);
    CHECK(failed.detail.contains(QStringLiteral("Retraining recommended")));
}

TEST_CASE("A monitor made after approval leaves the approved evidence as it was",
          "[driftmonitor][governance]") {
    GovernanceScenario scenario(3);
    const qint64 id = scenario.submit(2);
    scenario.decide(olga, id);
    scenario.decide(val, id);
    REQUIRE(scenario.request(id).status == PromotionRequest::Status::Executed);
    const PromotionRequests requests(scenario.as(QStringLiteral("tester")));
    const QString approvedHash = EvidenceBundle::hash(requests.liveEvidence(scenario.request(id)));

    const Sample reference = generate(1, 200, 0.0, 0.9);
    const QString path = write(scenario.temporary().file(QStringLiteral("reference.csv")), reference);
    DriftMonitorSpec spec;
    spec.versionId = scenario.versionId(2);
    spec.name = QStringLiteral("production");
    spec.referencePath = path;
    spec.features = {QStringLiteral("x"), QStringLiteral("category")};
    const qint64 monitorId = DriftMonitors::createFromFile(scenario.as(ada), spec);

    CHECK(DriftMonitors(scenario.as(ada)).monitor(monitorId)->afterApproval);
    CHECK(EvidenceBundle::hash(requests.liveEvidence(scenario.request(id))) == approvedHash);
    for (const Decision& decision : requests.decisions(scenario.request(id)))
        CHECK(decision.status == Decision::Status::Verified);
}

TEST_CASE("A monitor made while a request is open changes its evidence", "[driftmonitor][governance]") {
    GovernanceScenario scenario(3);
    const qint64 id = scenario.submit(2);
    scenario.decide(olga, id);
    const Sample reference = generate(1, 200, 0.0, 0.9);
    DriftMonitorSpec spec;
    spec.versionId = scenario.versionId(2);
    spec.name = QStringLiteral("production");
    spec.referencePath = write(scenario.temporary().file(QStringLiteral("reference.csv")), reference);
    DriftMonitors::createFromFile(scenario.as(ada), spec);
    const PromotionRequests requests(scenario.as(QStringLiteral("tester")));
    const QJsonObject evidence = requests.liveEvidence(scenario.request(id));
    REQUIRE(evidence.value(QStringLiteral("drift")).isArray());
    CHECK(evidence.value(QStringLiteral("drift"))
              .toArray()
              .first()
              .toObject()
              .value(QStringLiteral("reference_sha256")) == DriftComputation::sha256(spec.referencePath));
    CHECK(requests.decisions(scenario.request(id)).first().status == Decision::Status::Stale);
}

TEST_CASE("Per-file windows take the file's name and calendar windows follow ISO weeks", "[driftmonitor]") {
    CHECK(driftWindowSpan(DriftPeriod::Week, QDate(2027, 1, 1)).label == QLatin1String("2026-W53"));
    CHECK(driftWindowSpan(DriftPeriod::Week, QDate(2027, 1, 1)).first == QDate(2026, 12, 28));
    CHECK(driftWindowSpan(DriftPeriod::Week, QDate(2026, 1, 1)).label == QLatin1String("2026-W01"));
    CHECK(driftWindowSpan(DriftPeriod::Month, QDate(2026, 2, 14)).last == QDate(2026, 2, 28));
    CHECK(driftWindowSpan(DriftPeriod::Day, QDate(2026, 2, 14)).label == QLatin1String("2026-02-14"));

    GovernanceScenario scenario(3);
    DriftMonitorSpec spec;
    spec.versionId = scenario.versionId(2);
    spec.name = QStringLiteral("batch");
    spec.referencePath =
        write(scenario.temporary().file(QStringLiteral("reference.csv")), generate(1, 200, 0, 0.9));
    const qint64 monitorId = DriftMonitors::createFromFile(scenario.as(ada), spec);
    const DriftMonitor monitor = *DriftMonitors(scenario.as(ada)).monitor(monitorId);
    CHECK(monitor.features.size() == 5); // every column: no timestamp, label or prediction named
    const QString batch =
        write(scenario.temporary().file(QStringLiteral("batch-07.csv")), generate(2, 100, 0, 0.9));
    DriftMonitors::addFile(scenario.as(ada), monitorId, batch);
    DriftMonitors::addFile(scenario.as(ada), monitorId, batch, QStringLiteral("rerun"));
    const QList<DriftWindow> windows = DriftMonitors(scenario.as(ada)).windows(monitorId);
    REQUIRE(windows.size() == 2);
    CHECK(windows[0].label == QLatin1String("batch-07"));
    CHECK_FALSE(windows[0].first.isValid());
    CHECK(windows[1].label == QLatin1String("rerun"));
}

TEST_CASE("Severity is 1 at the threshold for distances and p-values alike", "[driftmonitor]") {
    CHECK(DriftMethod::severity(QStringLiteral("psi"), 0.2, 0.1) == Approx(2.0));
    CHECK(DriftMethod::severity(QStringLiteral("ks"), 0.05, 0.05) == Approx(1.0));
    CHECK(DriftMethod::severity(QStringLiteral("ks"), 0.0025, 0.05) == Approx(2.0));
    CHECK(DriftMethod::severity(QStringLiteral("ks"), 0.0, 0.05) > 100);
    CHECK(DriftMethod::drifted(QStringLiteral("ks"), 0.05, 0.05));
    CHECK_FALSE(DriftMethod::drifted(QStringLiteral("chi_square"), 0.05, 0.05));
    CHECK(DriftMethod::drifted(QStringLiteral("jensen_shannon"), 0.1, 0.1));
}
