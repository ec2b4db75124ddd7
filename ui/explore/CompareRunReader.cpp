#include "CompareRunReader.h"

#include "core/tracking/MetricStore.h"
#include "core/tracking/Tracking.h"
#include "ui/widgets/SeriesPalette.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace assay {

QList<CompareRun> CompareRunReader::read(const Workspace& workspace, const QList<qint64>& runIds) {
    const Tracking tracking(workspace);
    const MetricStore store(workspace);
    QHash<qint64, QString> experimentNames;
    for (const Experiment& experiment : tracking.experiments())
        experimentNames.insert(experiment.id, experiment.name);

    QList<CompareRun> result;
    QSet<qint64> seen;
    for (qint64 id : runIds) {
        if (seen.contains(id))
            continue;
        seen.insert(id);
        std::optional<Run> run = tracking.run(id);
        if (!run)
            continue;
        CompareRun item;
        item.run = *run;
        item.experimentName = experimentNames.value(run->experimentId);
        item.params = tracking.params(id);
        for (const MetricSummary& summary : store.summaries(id))
            item.metrics.insert(summary.key, summary);
        item.color = SeriesPalette::color(static_cast<int>(result.size()));
        result.append(item);
    }
    return result;
}

QStringList CompareRunReader::paramKeys(const QList<CompareRun>& runs) {
    QSet<QString> keys;
    for (const CompareRun& run : runs) {
        for (auto it = run.params.cbegin(); it != run.params.cend(); ++it)
            keys.insert(it.key());
    }
    QStringList sorted(keys.cbegin(), keys.cend());
    sorted.sort();
    return sorted;
}

QStringList CompareRunReader::metricKeys(const QList<CompareRun>& runs) {
    QSet<QString> keys;
    for (const CompareRun& run : runs) {
        for (auto it = run.metrics.cbegin(); it != run.metrics.cend(); ++it)
            keys.insert(it.key());
    }
    QStringList sorted(keys.cbegin(), keys.cend());
    sorted.sort();
    return sorted;
}

bool CompareRunReader::isNumeric(const QList<CompareRun>& runs, const QString& column) {
    return std::all_of(runs.cbegin(), runs.cend(), [&](const CompareRun& run) {
        const QVariant value = run.valueOf(column);
        if (!value.isValid() || value.typeId() == QMetaType::Double)
            return true;
        bool ok = false;
        value.toString().toDouble(&ok);
        return ok;
    });
}

} // namespace assay
