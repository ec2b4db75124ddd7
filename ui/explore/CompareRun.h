#pragma once

#include "core/tracking/MetricSummary.h"
#include "core/tracking/Run.h"

#include <QColor>
#include <QMap>
#include <QString>
#include <QVariant>

namespace assay {

// One run as the Compare page holds it: attributes, params and metric summaries, read once when
// the selection is set, and the colour it keeps on every chart.
struct CompareRun {
    Run run;
    QString experimentName;
    QMap<QString, QString> params;
    QMap<QString, MetricSummary> metrics;
    QColor color;

    // The run's name, or the start of its uid when it has none.
    QString label() const { return run.name.isEmpty() ? run.uid.left(8) : run.name; }

    // A column is "params.<key>" (the value as logged, a QString) or "metrics.<key>" (the latest
    // value, a double); invalid when the run has no such key.
    QVariant valueOf(const QString& column) const {
        static const QString paramPrefix = QStringLiteral("params.");
        static const QString metricPrefix = QStringLiteral("metrics.");
        if (column.startsWith(paramPrefix)) {
            const auto found = params.constFind(column.mid(paramPrefix.size()));
            return found == params.cend() ? QVariant() : QVariant(*found);
        }
        if (column.startsWith(metricPrefix)) {
            const auto found = metrics.constFind(column.mid(metricPrefix.size()));
            return found == metrics.cend() ? QVariant() : QVariant(found->latest);
        }
        return {};
    }
};

} // namespace assay
