#pragma once

#include "RunGroup.h"
#include "RunGrouping.h"
#include "RunRow.h"
#include "RunScope.h"
#include "RunSort.h"

#include <QList>
#include <QStringList>

namespace assay {

class Workspace;

// Run listings for the runs table and `assay-cli runs`: counts, sorted pages and the param,
// metric and tag keys in use. Reads only the run, param, tag and metric-summary tables, never the
// series. Every call honours the scope's filter and throws RunFilterError when it does not parse.
class RunQuery {
public:
    explicit RunQuery(const Workspace& workspace)
        : m_workspace(workspace) {}

    qint64 count(const RunScope& scope) const;
    QList<RunRow> page(const RunScope& scope, const RunSort& sort, qint64 offset, int limit) const;
    // The keys that runs in scope have, sorted; for the table's columns and the filter bar's
    // completion.
    QStringList paramKeys(const RunScope& scope) const;
    QStringList metricKeys(const RunScope& scope) const;
    QStringList tagKeys(const RunScope& scope) const;
    // The runs in scope grouped by a param's or tag's value, largest group first, in one
    // GROUP BY query however many runs there are.
    QList<RunGroup> groups(const RunScope& scope, const RunGrouping& grouping) const;

private:
    qint64 activeCount(const QList<qint64>& experimentIds) const;
    QList<qint64> pageIds(const RunScope& scope, const RunSort& sort, qint64 offset, int limit) const;
    QList<RunRow> readRuns(const QList<qint64>& ids) const;
    void fillDetails(QList<RunRow>& rows) const;

    const Workspace& m_workspace;
};

} // namespace assay
