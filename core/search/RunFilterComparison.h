#pragma once

#include <QString>
#include <QVariantList>

namespace assay {

// One condition of a run search, as the parser checked it: the entity and key it reads, the
// operator, and its values (one, or the list of IN / NOT IN). Values are QString for quoted
// strings and qint64 or double for numbers.
struct RunFilterComparison {
    enum class Entity { Metric, Param, Tag, Attribute, Dataset };
    // Which number of a metric's summary: the latest value, or the extremes over its series.
    enum class Aggregate { Latest, Min, Max };
    enum class Operator {
        Equal,
        NotEqual,
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual,
        Like,
        ILike,
        In,
        NotIn
    };

    Entity entity = Entity::Attribute;
    // A metric, param or tag key; an attribute's canonical name (RunAttribute); a dataset field
    // (name, digest, context or source).
    QString key;
    Aggregate aggregate = Aggregate::Latest;
    Operator op = Operator::Equal;
    QVariantList values;
    int column = 1; // where the condition starts, 1-based
};

} // namespace assay
