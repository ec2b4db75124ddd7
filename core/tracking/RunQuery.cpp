#include "RunQuery.h"

#include "RunRecord.h"
#include "core/base/SqlQuery.h"
#include "core/search/RunFilterCompiler.h"
#include "core/workspace/Workspace.h"

#include <QHash>

#include <limits>

namespace assay {
namespace {

// The WHERE clause of a scope, with one placeholder per experiment id and per value of the filter.
struct ScopeClause {
    QString sql;
    QVariantList values;
};

ScopeClause scopeClause(const RunScope& scope) {
    QStringList conditions;
    ScopeClause clause;
    const RunFilterCompiler::Sql filter = RunFilterCompiler::compile(scope.filter);
    if (!scope.includeDeleted)
        conditions << QStringLiteral("r.lifecycle = 'active'");
    if (!scope.experimentIds.isEmpty()) {
        QStringList placeholders;
        for (qint64 id : scope.experimentIds) {
            placeholders << QStringLiteral("?");
            clause.values << id;
        }
        conditions << QStringLiteral("r.experiment_id IN (%1)").arg(placeholders.join(QLatin1Char(',')));
    }
    if (!filter.condition.isEmpty()) {
        conditions << QLatin1Char('(') + filter.condition + QLatin1Char(')');
        clause.values << filter.values;
    }
    clause.sql = conditions.isEmpty() ? QString()
                                      : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    return clause;
}

QSqlQuery runWith(const QSqlDatabase& db, const QString& sql, const QVariantList& values) {
    QSqlQuery query = SqlQuery::prepare(db, sql);
    for (const QVariant& value : values)
        SqlQuery::bind(query, value);
    SqlQuery::exec(query);
    return query;
}

// The sort expression and the join it needs; column names come from this fixed table only,
// and a param or metric key is always a bound value.
struct SortClause {
    QString join;
    QString expression;
    bool numericText = false;
};

const QString metricJoin =
    QStringLiteral(" LEFT JOIN metric_summaries sk ON sk.run_id = r.id AND sk.key = ?");

SortClause sortClause(const RunSort& sort) {
    switch (sort.field) {
    case RunSort::Field::StartTime:
        return {{}, QStringLiteral("r.start_time")};
    case RunSort::Field::Name:
        return {{}, QStringLiteral("r.name COLLATE NOCASE")};
    case RunSort::Field::Status:
        return {{}, QStringLiteral("r.status")};
    case RunSort::Field::User:
        return {{}, QStringLiteral("r.user COLLATE NOCASE")};
    case RunSort::Field::EndTime:
        return {{}, QStringLiteral("r.end_time")};
    case RunSort::Field::Duration:
        return {{}, QStringLiteral("(r.end_time - r.start_time)")};
    case RunSort::Field::Experiment:
        return {{}, QStringLiteral("e.name COLLATE NOCASE")};
    case RunSort::Field::Param:
        return {QStringLiteral(" LEFT JOIN params sk ON sk.run_id = r.id AND sk.key = ?"),
                QStringLiteral("sk.value"), true};
    case RunSort::Field::Tag:
        return {QStringLiteral(" LEFT JOIN tags sk ON sk.run_id = r.id AND sk.key = ?"),
                QStringLiteral("sk.value"), true};
    case RunSort::Field::Metric:
        return {metricJoin, QStringLiteral("sk.latest_value")};
    case RunSort::Field::MetricMin:
        return {metricJoin, QStringLiteral("sk.min_value")};
    case RunSort::Field::MetricMax:
        return {metricJoin, QStringLiteral("sk.max_value")};
    }
    return {{}, QStringLiteral("r.start_time")};
}

QString idList(const QList<RunRow>& rows) {
    QStringList ids;
    ids.reserve(rows.size());
    for (const RunRow& row : rows)
        ids << QString::number(row.run.id);
    return ids.join(QLatin1Char(','));
}

// The distinct keys of `table` that runs in scope use. The keys come from a skip scan of the
// (key, ...) index, one seek per distinct key, and each is kept if one run in scope has it: a
// plain DISTINCT would read every row of a table with millions of them.
QStringList keysOf(const QSqlDatabase& db, const QString& table, const RunScope& scope) {
    const ScopeClause where = scopeClause(scope);
    const QString inScope =
        where.sql.isEmpty()
            ? QString()
            : QStringLiteral(
                  " AND EXISTS (SELECT 1 FROM %1 u JOIN runs r ON r.id = u.run_id%2 AND u.key = k.key)")
                  .arg(table, where.sql);
    QSqlQuery query = runWith(
        db,
        QStringLiteral("WITH RECURSIVE k(key) AS (SELECT (SELECT min(key) FROM %1) UNION ALL "
                       "SELECT (SELECT min(key) FROM %1 WHERE key > k.key) FROM k WHERE k.key IS NOT NULL) "
                       "SELECT k.key FROM k WHERE k.key IS NOT NULL%2")
            .arg(table, inScope),
        where.values);
    QStringList keys;
    while (query.next())
        keys << query.value(0).toString();
    return keys;
}

} // namespace

qint64 RunQuery::count(const RunScope& scope) const {
    if (!scope.includeDeleted && scope.filter.trimmed().isEmpty())
        return activeCount(scope.experimentIds);
    const ScopeClause where = scopeClause(scope);
    QSqlQuery query = runWith(m_workspace.database(),
                              QStringLiteral("SELECT count(*) FROM runs r") + where.sql, where.values);
    return query.next() ? query.value(0).toLongLong() : 0;
}

// Every run of the experiments less the deleted ones: the first count reads runs_by_start_time or
// runs_by_experiment_start alone, the second the small runs_deleted_by_experiment, where
// `lifecycle = 'active'` would read every row of the runs table, scattered through the file.
qint64 RunQuery::activeCount(const QList<qint64>& experimentIds) const {
    RunScope everything;
    everything.includeDeleted = true;
    everything.experimentIds = experimentIds;
    const ScopeClause all = scopeClause(everything);
    const QString deleted =
        (all.sql.isEmpty() ? QStringLiteral(" WHERE") : all.sql + QStringLiteral(" AND")) +
        QStringLiteral(" r.lifecycle = 'deleted'");
    QSqlQuery query =
        runWith(m_workspace.database(),
                QStringLiteral("SELECT (SELECT count(*) FROM runs r%1) - (SELECT count(*) FROM runs r%2)")
                    .arg(all.sql, deleted),
                all.values + all.values);
    return query.next() ? query.value(0).toLongLong() : 0;
}

QList<RunRow> RunQuery::page(const RunScope& scope, const RunSort& sort, qint64 offset, int limit) const {
    QList<RunRow> rows = readRuns(pageIds(scope, sort, offset, limit));
    fillDetails(rows);
    return rows;
}

// Sorts ids only, so that the sorter carries two columns rather than whole runs, and reads the
// page's runs afterwards.
QList<qint64> RunQuery::pageIds(const RunScope& scope, const RunSort& sort, qint64 offset, int limit) const {
    const ScopeClause where = scopeClause(scope);
    const SortClause order = sortClause(sort);
    const bool ascending = sort.order == Qt::AscendingOrder;
    const QString direction = ascending ? QStringLiteral("ASC") : QStringLiteral("DESC");
    // Runs without the value come last. SQLite sorts NULL lowest, so descending needs no help, and
    // a bare `start_time DESC, id DESC` walks the runs_by_start_time index.
    const QString orderBy =
        order.numericText ? QStringLiteral("%1 IS NULL, typeof(%1) = 'text' AND CAST(%1 AS REAL) = 0 AND %1 "
                                           "NOT GLOB '*[0-9]*', CAST(%1 AS REAL) %2, %1 %2")
                                .arg(order.expression, direction)
        : ascending ? QStringLiteral("%1 IS NULL, %1 ASC").arg(order.expression)
                    : QStringLiteral("%1 DESC").arg(order.expression);
    const QString experimentJoin = sort.field == RunSort::Field::Experiment
                                       ? QStringLiteral(" JOIN experiments e ON e.id = r.experiment_id")
                                       : QString();
    QVariantList values;
    if (!order.join.isEmpty())
        values << sort.key;
    values << where.values << limit << offset;
    QSqlQuery query =
        runWith(m_workspace.database(),
                QStringLiteral("SELECT r.id FROM runs r%1%2%3 ORDER BY %4, r.id %5 LIMIT ? OFFSET ?")
                    .arg(experimentJoin, order.join, where.sql, orderBy, direction),
                values);
    QList<qint64> ids;
    while (query.next())
        ids << query.value(0).toLongLong();
    return ids;
}

QList<RunRow> RunQuery::readRuns(const QList<qint64>& ids) const {
    if (ids.isEmpty())
        return {};
    QStringList idTexts;
    for (qint64 id : ids)
        idTexts << QString::number(id);
    // The ids are integers read just now, so listing them inline is safe.
    QSqlQuery query = SqlQuery::run(
        m_workspace.database(),
        QStringLiteral("SELECT %1, e.name FROM runs r JOIN experiments e ON e.id = r.experiment_id "
                       "WHERE r.id IN (%2)")
            .arg(RunRecord::columns(QStringLiteral("r")), idTexts.join(QLatin1Char(','))));
    QHash<qint64, RunRow> byId;
    while (query.next()) {
        RunRow row;
        row.run = RunRecord::read(query);
        row.experimentName = query.value(RunRecord::columnCount).toString();
        byId.insert(row.run.id, row);
    }
    QList<RunRow> rows;
    rows.reserve(ids.size());
    for (qint64 id : ids) {
        if (const auto found = byId.constFind(id); found != byId.constEnd())
            rows.append(*found);
    }
    return rows;
}

void RunQuery::fillDetails(QList<RunRow>& rows) const {
    if (rows.isEmpty())
        return;
    QHash<qint64, RunRow*> byId;
    for (RunRow& row : rows)
        byId.insert(row.run.id, &row);
    // The ids are integers this class just read, so listing them inline is safe.
    const QString ids = idList(rows);
    for (const char* table : {"params", "tags"}) {
        QSqlQuery values = SqlQuery::run(
            m_workspace.database(), QStringLiteral("SELECT run_id, key, value FROM %1 WHERE run_id IN (%2)")
                                        .arg(QLatin1String(table), ids));
        const bool isParam = qstrcmp(table, "params") == 0;
        while (values.next()) {
            RunRow* row = byId.value(values.value(0).toLongLong());
            (isParam ? row->params : row->tags)
                .insert(values.value(1).toString(), values.value(2).toString());
        }
    }
    QSqlQuery metrics =
        SqlQuery::run(m_workspace.database(),
                      QStringLiteral("SELECT run_id, key, latest_value, latest_is_nan, min_value, max_value "
                                     "FROM metric_summaries WHERE run_id IN (%1)")
                          .arg(ids));
    while (metrics.next()) {
        RunRow* row = byId.value(metrics.value(0).toLongLong());
        const QString key = metrics.value(1).toString();
        row->metrics.insert(key, metrics.value(3).toBool() ? std::numeric_limits<double>::quiet_NaN()
                                                           : metrics.value(2).toDouble());
        if (!metrics.value(4).isNull())
            row->metricMins.insert(key, metrics.value(4).toDouble());
        if (!metrics.value(5).isNull())
            row->metricMaxes.insert(key, metrics.value(5).toDouble());
    }
}

QStringList RunQuery::paramKeys(const RunScope& scope) const {
    return keysOf(m_workspace.database(), QStringLiteral("params"), scope);
}

QStringList RunQuery::metricKeys(const RunScope& scope) const {
    return keysOf(m_workspace.database(), QStringLiteral("metric_summaries"), scope);
}

QList<RunGroup> RunQuery::groups(const RunScope& scope, const RunGrouping& grouping) const {
    const ScopeClause where = scopeClause(scope);
    const QString table =
        grouping.kind == RunGrouping::Kind::Param ? QStringLiteral("params") : QStringLiteral("tags");
    const bool withMetric = !grouping.metricKey.isEmpty();
    QVariantList values{grouping.key};
    if (withMetric)
        values << grouping.metricKey;
    values << where.values;
    const QString best = withMetric ? (grouping.higherIsBetter ? QStringLiteral("max(s.latest_value)")
                                                               : QStringLiteral("min(s.latest_value)"))
                                    : QStringLiteral("NULL");
    const QString metricJoinSql =
        withMetric ? QStringLiteral(" LEFT JOIN metric_summaries s ON s.run_id = r.id AND s.key = ? AND "
                                    "s.latest_is_nan = 0")
                   : QString();
    QSqlQuery query =
        runWith(m_workspace.database(),
                QStringLiteral("SELECT g.value, count(*), %1 FROM runs r LEFT JOIN %2 g ON g.run_id = "
                               "r.id AND g.key = ?%3%4 GROUP BY g.value ORDER BY count(*) DESC, g.value")
                    .arg(best, table, metricJoinSql, where.sql),
                values);
    QList<RunGroup> result;
    while (query.next()) {
        RunGroup group;
        if (!query.value(0).isNull())
            group.value = query.value(0).toString();
        group.runCount = query.value(1).toLongLong();
        if (!query.value(2).isNull())
            group.bestMetric = query.value(2).toDouble();
        result << group;
    }
    return result;
}

QStringList RunQuery::tagKeys(const RunScope& scope) const {
    return keysOf(m_workspace.database(), QStringLiteral("tags"), scope);
}

} // namespace assay
