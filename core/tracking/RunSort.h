#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace assay {

// The order of a run listing: a run attribute, or a param, tag or metric (latest value, or the
// minimum or maximum over its series) by key. Runs without the key come last in either direction.
struct RunSort {
    enum class Field {
        StartTime,
        Name,
        Status,
        User,
        Duration,
        Experiment,
        Param,
        Metric,
        EndTime,
        Tag,
        MetricMin,
        MetricMax,
    };

    Field field = Field::StartTime;
    QString key; // for Param, Tag, Metric, MetricMin and MetricMax
    Qt::SortOrder order = Qt::DescendingOrder;

    // Reads "start_time", "name DESC", "metrics.val_auc ASC", "metrics.min(val_loss)",
    // "params.`max depth`", "tags.team" (the column names of `assay-cli runs`); empty when the
    // text names no column.
    static std::optional<RunSort> parse(const QString& text);
};

} // namespace assay
