#pragma once

#include "RunFilterNode.h"

#include <QString>
#include <QVariantList>

#include <vector>

namespace assay {

// Turns a run search into an SQL condition over the runs table aliased `r`, with one `?` per
// value and key, bound in the order of `values`. Nothing the user typed is ever spliced into the
// SQL text: the text comes from fixed fragments, keys and values are bound.
//
// Semantics, following MLflow where it has an opinion:
// - A condition on a metric, param, tag or dataset holds only for runs that have it: a run
//   without metrics.auc matches neither `metrics.auc > 0.8` nor `metrics.auc != 0.8`.
// - A NaN metric value matches no comparison (its summary stores NULL); metrics.min and .max
//   skip NaN points as the summary does. ±inf compare as the infinities they are.
// - LIKE is case-sensitive and ILIKE is not (ASCII letters only, as SQLite folds case); `%` and
//   `_` are the wildcards and there is no escape character, as in MLflow. = and != are exact.
// - NOT p matches exactly the runs that p does not match, including runs that lack the key or
//   the attribute (SQL's unknown is read as false before it is negated).
class RunFilterCompiler {
public:
    struct Sql {
        QString condition; // empty when every run matches
        QVariantList values;
    };

    // Parses and compiles; throws RunFilterError when the text does not parse.
    static Sql compile(const QString& filter);
    static Sql compile(const RunFilterNode& root);

private:
    void choosePlan(const RunFilterNode& root);
    void node(const RunFilterNode& node);
    void comparison(const RunFilterComparison& comparison);
    void attribute(const RunFilterComparison& comparison);
    void keyed(const RunFilterComparison& comparison, const QString& table, const QString& column);
    void dataset(const RunFilterComparison& comparison);
    void predicate(const QString& column, const RunFilterComparison& comparison);
    bool probes(const RunFilterComparison& comparison) const;

    QString m_sql;
    QVariantList m_values;
    // Conditions of the top-level AND that are checked run by run instead of listed (choosePlan).
    std::vector<const RunFilterComparison*> m_probes;
};

} // namespace assay
