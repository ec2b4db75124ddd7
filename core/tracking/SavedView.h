#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace assay {

// A named way of looking at the runs of one scope (an experiment, several, or all of them):
// the filter, the visible columns in their order, and the sort. Shared through the workspace so
// that a team sees the same views.
struct SavedView {
    qint64 id = 0;
    // The experiments the view belongs to; empty for "all experiments". Kept sorted.
    QList<qint64> experimentIds;
    QString name;
    QString filter;
    // Column keys as the runs table names them: "attributes.name", "metrics.auc",
    // "metrics.min(loss)", "params.lr".
    QStringList columns;
    // As RunSort::parse reads it, e.g. "metrics.auc DESC"; empty for the default order.
    QString sort;
    qint64 updatedAt = 0;
    QString updatedBy;
};

} // namespace assay
