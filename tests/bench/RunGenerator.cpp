#include "RunGenerator.h"

#include "core/tracking/MetricStore.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/WriteTransaction.h"

#include <cmath>

namespace assay::bench {
namespace {

constexpr qint64 epoch = 1'700'000'000'000;
const char* const models[] = {"xgb", "lgbm", "rf", "logreg"};
const char* const statuses[] = {"FINISHED", "FINISHED", "FINISHED", "FINISHED", "FINISHED",
                                "FINISHED", "FINISHED", "FAILED",   "KILLED",   "RUNNING"};

} // namespace

RunGenerator::RunGenerator(std::mt19937_64& rng, int pointsPerMetric)
    : m_rng(rng)
    , m_pointsPerMetric(pointsPerMetric) {}

QString RunGenerator::metricName(int k) {
    return k == 0 ? QStringLiteral("auc") : QStringLiteral("metric_%1").arg(k, 2, 10, QLatin1Char('0'));
}

GeneratedRun RunGenerator::generate(int index, qint64 experimentId) {
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    GeneratedRun g;
    g.run.experimentId = experimentId;
    g.run.name = QStringLiteral("run-%1").arg(index, 6, 10, QLatin1Char('0'));
    g.run.user = QStringLiteral("user%1").arg(index % 7);
    g.run.status = runStatusFromName(QLatin1String(statuses[index % 10])).value_or(RunStatus::Finished);
    g.run.startTime = epoch + index * 60'000LL;
    g.run.endTime = *g.run.startTime + 1'000 + static_cast<qint64>(unit(m_rng) * 3'600'000);
    g.params.insert(QStringLiteral("model"), QLatin1String(models[m_rng() % 4]));
    for (int p = 1; p < paramCount; ++p) {
        const QString key = QStringLiteral("param_%1").arg(p, 2, 10, QLatin1Char('0'));
        g.params.insert(key, p % 3 == 0 ? QStringLiteral("option_%1").arg(m_rng() % 5)
                                        : QString::number(unit(m_rng) * std::pow(10.0, p % 4), 'g', 6));
    }
    g.tags.insert(QStringLiteral("team"), QStringLiteral("team-%1").arg(index % 5));
    g.tags.insert(QStringLiteral("stage"), index % 3 ? QStringLiteral("dev") : QStringLiteral("review"));
    for (int k = 0; k < metricCount; ++k) {
        const double last = k == 0 ? 0.5 + 0.5 * unit(m_rng) : unit(m_rng) * 10;
        MetricSeries series;
        for (int s = 0; s < m_pointsPerMetric; ++s)
            series.append(s, *g.run.startTime + s * 1'000, last * (1.0 + 0.1 * (m_pointsPerMetric - 1 - s)));
        g.metrics.emplace(metricName(k), series);
    }
    return g;
}

qint64 RunGenerator::write(WriteTransaction& tx, GeneratedRun& generated) {
    generated.run.uid = Tracking::newRunUid();
    const qint64 id = Tracking::createRun(tx, generated.run);
    Tracking::logParams(tx, id, generated.params);
    Tracking::setTags(tx, id, generated.tags);
    MetricStore::log(tx, id, generated.metrics);
    return id;
}

} // namespace assay::bench
