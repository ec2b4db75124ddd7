#include "UiTestData.h"

#include "core/tracking/MetricStore.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

namespace assay::test {
namespace {

RunStatus statusOf(int i) {
    switch (i % 10) {
    case 0:
        return RunStatus::Failed;
    case 1:
        return RunStatus::Killed;
    case 2:
        return RunStatus::Running;
    default:
        return RunStatus::Finished;
    }
}

} // namespace

void addRuns(Workspace& workspace, const QString& experiment, const QString& prefix, int count,
             qint64 startMs, bool withDepth) {
    workspace.write([&](WriteTransaction& tx) {
        const qint64 experimentId = Tracking::ensureExperiment(tx, experiment);
        for (int i = 0; i < count; ++i) {
            Run run;
            run.experimentId = experimentId;
            run.name = QStringLiteral("%1-%2").arg(prefix).arg(i, 3, 10, QLatin1Char('0'));
            run.status = statusOf(i);
            run.user = i % 2 ? QStringLiteral("alice") : QStringLiteral("bob");
            run.startTime = startMs + i * 60'000LL;
            if (run.status != RunStatus::Running)
                run.endTime = *run.startTime + i * 1000LL;
            const qint64 id = Tracking::createRun(tx, run);
            QMap<QString, QString> params{
                {QStringLiteral("lr"), QString::number(0.001 * (i % 17 + 1))},
                {QStringLiteral("model"), i % 2 ? QStringLiteral("tree") : QStringLiteral("linear")}};
            if (withDepth)
                params.insert(QStringLiteral("depth"), QString::number(i));
            Tracking::logParams(tx, id, params);
            std::map<QString, MetricSeries> metrics;
            MetricSeries loss;
            for (int step = 0; step < 3; ++step)
                loss.append(step, *run.startTime + step, 1.0 / (i + 1) + (2 - step));
            metrics.emplace(QStringLiteral("loss"), loss);
            if (hasAuc(i)) {
                MetricSeries auc;
                auc.append(0, *run.startTime, 0.5);
                auc.append(1, *run.startTime + 1, aucOf(i));
                metrics.emplace(QStringLiteral("auc"), auc);
            }
            MetricStore::log(tx, id, metrics);
        }
    });
}

} // namespace assay::test
