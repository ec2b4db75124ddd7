#include "RunFilterCompiler.h"

#include "RunAttribute.h"
#include "RunFilterParser.h"

#include <algorithm>
#include <optional>

namespace assay {
namespace {

using Entity = RunFilterComparison::Entity;
using Operator = RunFilterComparison::Operator;

// SQLite's LIKE ignores ASCII case; GLOB is the case-sensitive match, so a LIKE pattern becomes a
// GLOB pattern whose own wildcards are bracketed to stand for themselves.
QString likeToGlob(const QString& pattern) {
    QString glob;
    glob.reserve(pattern.size() + 8);
    for (const QChar c : pattern) {
        if (c == QLatin1Char('%'))
            glob += QLatin1Char('*');
        else if (c == QLatin1Char('_'))
            glob += QLatin1Char('?');
        else if (c == QLatin1Char('*') || c == QLatin1Char('?') || c == QLatin1Char('['))
            glob += QLatin1Char('[') + c + QLatin1Char(']');
        else
            glob += c;
    }
    return glob;
}

QString placeholders(qsizetype count) {
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks << QStringLiteral("?");
    return marks.join(QStringLiteral(", "));
}

const char* symbolOf(Operator op) {
    switch (op) {
    case Operator::Equal:
        return " = ?";
    case Operator::NotEqual:
        return " != ?";
    case Operator::Less:
        return " < ?";
    case Operator::LessOrEqual:
        return " <= ?";
    case Operator::Greater:
        return " > ?";
    case Operator::GreaterOrEqual:
        return " >= ?";
    case Operator::Like:
        return " GLOB ?";
    case Operator::ILike:
        return " LIKE ?";
    case Operator::In:
    case Operator::NotIn:
        break;
    }
    return "";
}

bool comparesNumbers(const RunFilterComparison& comparison) {
    return !comparison.values.isEmpty() && comparison.values.first().typeId() != QMetaType::QString;
}

const char* summaryColumn(RunFilterComparison::Aggregate aggregate) {
    switch (aggregate) {
    case RunFilterComparison::Aggregate::Min:
        return "min_value";
    case RunFilterComparison::Aggregate::Max:
        return "max_value";
    case RunFilterComparison::Aggregate::Latest:
        break;
    }
    return "latest_value";
}

// How cheaply SQLite lists the runs a condition holds for; lower is cheaper, empty when the
// condition is not on a keyed table. An equality on a param or tag reads run ids in order from
// the (key, value) index; a metric range reads them in value order, and sorting tens of
// thousands of random ids costs more than checking a few thousand runs one by one.
std::optional<int> listCost(const RunFilterComparison& comparison) {
    const bool equality = comparison.op == Operator::Equal || comparison.op == Operator::In;
    const bool text = !comparesNumbers(comparison);
    switch (comparison.entity) {
    case Entity::Param:
    case Entity::Tag:
        return equality && text ? 0 : 4;
    case Entity::Dataset:
        return equality ? 1 : 4;
    case Entity::Metric:
        if (comparison.aggregate != RunFilterComparison::Aggregate::Latest)
            return 5; // no index on the extremes
        return equality ? 2 : 3;
    case Entity::Attribute:
        break;
    }
    return std::nullopt;
}

} // namespace

RunFilterCompiler::Sql RunFilterCompiler::compile(const QString& filter) {
    const std::optional<RunFilterNode> root = RunFilterParser::parse(filter);
    return root ? compile(*root) : Sql{};
}

RunFilterCompiler::Sql RunFilterCompiler::compile(const RunFilterNode& root) {
    RunFilterCompiler compiler;
    compiler.choosePlan(root);
    compiler.node(root);
    return {compiler.m_sql, compiler.m_values};
}

// A keyed condition is written either as a list, `r.id IN (SELECT run_id ...)`, which SQLite
// builds once and can walk to look runs up by id, or as a probe, `EXISTS (... WHERE run_id = r.id
// ...)`, one primary-key lookup per run it is asked about. SQLite builds every list in a query
// even when it only probes it, so in the top-level AND only the cheapest condition is a list,
// the one that finds the candidates, and the others are probes; under OR and NOT every keyed
// condition is a list, since the whole table is scanned there anyway.
void RunFilterCompiler::choosePlan(const RunFilterNode& root) {
    if (root.kind != RunFilterNode::Kind::And)
        return;
    const RunFilterComparison* cheapest = nullptr;
    int cheapestCost = 0;
    for (const RunFilterNode& operand : root.operands) {
        if (operand.kind != RunFilterNode::Kind::Comparison)
            continue;
        const std::optional<int> cost = listCost(operand.comparison);
        if (!cost)
            continue;
        m_probes.push_back(&operand.comparison);
        if (!cheapest || *cost < cheapestCost) {
            cheapest = &operand.comparison;
            cheapestCost = *cost;
        }
    }
    std::erase(m_probes, cheapest);
}

bool RunFilterCompiler::probes(const RunFilterComparison& comparison) const {
    return std::find(m_probes.begin(), m_probes.end(), &comparison) != m_probes.end();
}

void RunFilterCompiler::node(const RunFilterNode& node) {
    switch (node.kind) {
    case RunFilterNode::Kind::Comparison:
        comparison(node.comparison);
        return;
    case RunFilterNode::Kind::Not:
        // coalesce: a comparison with a NULL attribute is unknown, and NOT unknown would drop
        // the run from both p and NOT p.
        m_sql += QStringLiteral("NOT coalesce(");
        this->node(node.operands.front());
        m_sql += QStringLiteral(", 0)");
        return;
    case RunFilterNode::Kind::And:
    case RunFilterNode::Kind::Or: {
        const QString joiner =
            node.kind == RunFilterNode::Kind::And ? QStringLiteral(" AND ") : QStringLiteral(" OR ");
        m_sql += QLatin1Char('(');
        for (std::size_t i = 0; i < node.operands.size(); ++i) {
            if (i > 0)
                m_sql += joiner;
            this->node(node.operands[i]);
        }
        m_sql += QLatin1Char(')');
        return;
    }
    }
}

void RunFilterCompiler::comparison(const RunFilterComparison& comparison) {
    switch (comparison.entity) {
    case Entity::Attribute:
        attribute(comparison);
        return;
    case Entity::Metric:
        keyed(comparison, QStringLiteral("metric_summaries"),
              QLatin1String(summaryColumn(comparison.aggregate)));
        return;
    case Entity::Param:
        keyed(comparison, QStringLiteral("params"), QStringLiteral("value"));
        return;
    case Entity::Tag:
        keyed(comparison, QStringLiteral("tags"), QStringLiteral("value"));
        return;
    case Entity::Dataset:
        dataset(comparison);
        return;
    }
}

void RunFilterCompiler::attribute(const RunFilterComparison& comparison) {
    predicate(QLatin1String(RunAttribute::find(comparison.key)->sql()), comparison);
}

void RunFilterCompiler::keyed(const RunFilterComparison& comparison, const QString& table,
                              const QString& column) {
    m_sql += probes(comparison)
                 ? QStringLiteral("EXISTS (SELECT 1 FROM %1 WHERE run_id = r.id AND key = ?").arg(table)
                 : QStringLiteral("r.id IN (SELECT run_id FROM %1 WHERE key = ?").arg(table);
    m_values << comparison.key;
    if (comparison.entity != Entity::Metric && comparesNumbers(comparison)) {
        // Text compared with a number: only values that are well-formed numbers take part.
        // Comparing TEXT to a NUMERIC cast is true exactly when SQLite reads the whole text as a
        // number ("8", "1e1", " 2.5 "), never for "8 trees" or "".
        m_sql += QStringLiteral(" AND %1 = CAST(%1 AS NUMERIC) AND ").arg(column);
        predicate(QStringLiteral("CAST(%1 AS REAL)").arg(column), comparison);
    } else {
        m_sql += QStringLiteral(" AND ");
        predicate(column, comparison);
    }
    m_sql += QLatin1Char(')');
}

void RunFilterCompiler::dataset(const RunFilterComparison& comparison) {
    const QString column = comparison.key == QLatin1String("context") ? QStringLiteral("ri.context")
                                                                      : QStringLiteral("d.") + comparison.key;
    m_sql += probes(comparison)
                 ? QStringLiteral("EXISTS (SELECT 1 FROM run_inputs ri JOIN datasets d ON d.id = "
                                  "ri.dataset_id WHERE ri.run_id = r.id AND ")
                 : QStringLiteral("r.id IN (SELECT ri.run_id FROM run_inputs ri JOIN datasets d ON "
                                  "d.id = ri.dataset_id WHERE ");
    predicate(column, comparison);
    m_sql += QLatin1Char(')');
}

// `column` is one of the fixed expressions above, never user text.
void RunFilterCompiler::predicate(const QString& column, const RunFilterComparison& comparison) {
    m_sql += column;
    if (comparison.op == Operator::In || comparison.op == Operator::NotIn) {
        m_sql += comparison.op == Operator::In ? QStringLiteral(" IN (") : QStringLiteral(" NOT IN (");
        m_sql += placeholders(comparison.values.size()) + QLatin1Char(')');
        m_values << comparison.values;
        return;
    }
    m_sql += QLatin1String(symbolOf(comparison.op));
    const QVariant& value = comparison.values.first();
    m_values << (comparison.op == Operator::Like ? QVariant(likeToGlob(value.toString())) : value);
}

} // namespace assay
