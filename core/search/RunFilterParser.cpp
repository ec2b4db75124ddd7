#include "RunFilterParser.h"

#include "RunAttribute.h"
#include "RunFilterError.h"
#include "RunFilterLexer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <utility>

namespace assay {
namespace {

using Kind = RunFilterToken::Kind;
using Entity = RunFilterComparison::Entity;
using Operator = RunFilterComparison::Operator;

struct Prefix {
    const char* name;
    Entity entity;
};

constexpr std::array<Prefix, 14> prefixes{{
    {"metrics", Entity::Metric},
    {"metric", Entity::Metric},
    {"params", Entity::Param},
    {"param", Entity::Param},
    {"parameter", Entity::Param},
    {"parameters", Entity::Param},
    {"tags", Entity::Tag},
    {"tag", Entity::Tag},
    {"attributes", Entity::Attribute},
    {"attribute", Entity::Attribute},
    {"attr", Entity::Attribute},
    {"run", Entity::Attribute},
    {"datasets", Entity::Dataset},
    {"dataset", Entity::Dataset},
}};

constexpr std::array<const char*, 4> datasetFields{"name", "digest", "context", "source"};

struct OperatorName {
    const char* text;
    Operator op;
};

constexpr std::array<OperatorName, 6> symbols{{
    {"=", Operator::Equal},
    {"!=", Operator::NotEqual},
    {"<", Operator::Less},
    {"<=", Operator::LessOrEqual},
    {">", Operator::Greater},
    {">=", Operator::GreaterOrEqual},
}};

std::optional<Entity> entityOf(const QString& prefix) {
    for (const Prefix& candidate : prefixes) {
        if (prefix.compare(QLatin1String(candidate.name), Qt::CaseInsensitive) == 0)
            return candidate.entity;
    }
    return std::nullopt;
}

bool isOrdering(Operator op) {
    return op == Operator::Less || op == Operator::LessOrEqual || op == Operator::Greater ||
           op == Operator::GreaterOrEqual;
}

bool isPattern(Operator op) {
    return op == Operator::Like || op == Operator::ILike;
}

bool isList(Operator op) {
    return op == Operator::In || op == Operator::NotIn;
}

QString entityName(const RunFilterComparison& comparison) {
    switch (comparison.entity) {
    case Entity::Metric:
        return QStringLiteral("metrics");
    case Entity::Param:
        return QStringLiteral("params");
    case Entity::Tag:
        return QStringLiteral("tags");
    case Entity::Attribute:
        return QStringLiteral("attributes.") + comparison.key;
    case Entity::Dataset:
        return QStringLiteral("datasets.") + comparison.key;
    }
    return {};
}

} // namespace

std::optional<RunFilterNode> RunFilterParser::parse(const QString& text) {
    RunFilterParser parser(text, RunFilterLexer::tokenize(text));
    if (parser.peek().kind == Kind::End)
        return std::nullopt;
    RunFilterNode root = parser.disjunction();
    const RunFilterToken& rest = parser.peek();
    if (rest.kind == Kind::CloseParen)
        parser.fail(QStringLiteral("found ')' without a matching '('"), rest);
    if (rest.kind != Kind::End)
        parser.fail(
            QStringLiteral("expected AND, OR or the end of the filter, found '%1'").arg(parser.source(rest)),
            rest);
    return root;
}

const RunFilterToken& RunFilterParser::peek(int ahead) const {
    const int index = std::min(m_index + ahead, static_cast<int>(m_tokens.size()) - 1);
    const RunFilterToken& token = m_tokens.at(index);
    // The parser meets a token it cannot read only when it gets there, so that an earlier
    // mistake is the one reported.
    if (ahead == 0 && token.kind == Kind::Invalid)
        fail(token.text, token);
    return token;
}

RunFilterToken RunFilterParser::take() {
    RunFilterToken token = peek();
    if (token.kind != Kind::End)
        ++m_index;
    return token;
}

bool RunFilterParser::atKeyword(const char* keyword) const {
    const RunFilterToken& token = peek();
    return token.kind == Kind::Keyword && token.text == QLatin1String(keyword);
}

QString RunFilterParser::source(const RunFilterToken& token) const {
    return m_text.mid(token.position, token.length);
}

void RunFilterParser::fail(const QString& reason, const RunFilterToken& at) const {
    throw RunFilterError(reason, at.column());
}

void RunFilterParser::expected(const QString& what) const {
    const RunFilterToken& here = m_tokens.at(std::min(m_index, static_cast<int>(m_tokens.size()) - 1));
    if (m_index == 0)
        fail(QStringLiteral("expected %1").arg(what), here);
    fail(QStringLiteral("expected %1 after '%2'").arg(what, source(m_tokens.at(m_index - 1))), here);
}

// (a AND b) AND c is a AND b AND c: one flat list of operands, so that the compiler sees every
// condition of the top-level AND.
void RunFilterParser::append(RunFilterNode& to, RunFilterNode operand) {
    if (operand.kind != to.kind) {
        to.operands.push_back(std::move(operand));
        return;
    }
    for (RunFilterNode& inner : operand.operands)
        to.operands.push_back(std::move(inner));
}

RunFilterNode RunFilterParser::disjunction() {
    RunFilterNode first = conjunction();
    if (!atKeyword("OR"))
        return first;
    RunFilterNode node{RunFilterNode::Kind::Or, {}, {}};
    append(node, std::move(first));
    while (atKeyword("OR")) {
        take();
        append(node, conjunction());
    }
    return node;
}

RunFilterNode RunFilterParser::conjunction() {
    RunFilterNode first = negation();
    if (!atKeyword("AND"))
        return first;
    RunFilterNode node{RunFilterNode::Kind::And, {}, {}};
    append(node, std::move(first));
    while (atKeyword("AND")) {
        take();
        append(node, negation());
    }
    return node;
}

RunFilterNode RunFilterParser::negation() {
    if (atKeyword("NOT")) {
        take();
        RunFilterNode node{RunFilterNode::Kind::Not, {}, {}};
        node.operands.push_back(negation());
        return node;
    }
    if (peek().kind == Kind::OpenParen) {
        const RunFilterToken open = take();
        RunFilterNode inner = disjunction();
        if (peek().kind != Kind::CloseParen)
            expected(QStringLiteral("')' to match the '(' in column %1").arg(open.column()));
        take();
        return inner;
    }
    return comparison();
}

RunFilterNode RunFilterParser::comparison() {
    RunFilterNode node;
    RunFilterComparison& comparison = node.comparison;
    const RunFilterToken& start = peek();
    comparison.column = start.column();
    field(comparison);
    const RunFilterToken& end = m_tokens.at(m_index - 1);
    const QString fieldText = m_text.mid(start.position, end.position + end.length - start.position);
    const RunFilterToken op = peek();
    comparisonOperator(comparison, fieldText);
    values(comparison, expectation(comparison, op));
    return node;
}

void RunFilterParser::field(RunFilterComparison& comparison) {
    const RunFilterToken& first = peek();
    if (first.kind == Kind::Word && peek(1).kind == Kind::Dot) {
        const RunFilterToken prefix = take();
        take();
        prefixedField(comparison, prefix);
        return;
    }
    if (first.kind == Kind::Word || first.kind == Kind::QuotedKey) {
        attribute(comparison, take(), false);
        return;
    }
    expected(QStringLiteral("a condition such as metrics.KEY > 1"));
}

void RunFilterParser::prefixedField(RunFilterComparison& comparison, const RunFilterToken& prefix) {
    const std::optional<Entity> entity = entityOf(prefix.text);
    if (!entity) {
        fail(QStringLiteral("unknown prefix '%1': expected metrics, params, tags, attributes or datasets")
                 .arg(prefix.text),
             prefix);
    }
    comparison.entity = *entity;
    const RunFilterToken& next = peek();
    if (*entity == Entity::Attribute) {
        if (next.kind != Kind::Word && next.kind != Kind::QuotedKey)
            expected(QStringLiteral("an attribute name"));
        attribute(comparison, take(), true);
        return;
    }
    const bool aggregate = *entity == Entity::Metric && next.kind == Kind::Word &&
                           peek(1).kind == Kind::OpenParen &&
                           (next.text.compare(QLatin1String("min"), Qt::CaseInsensitive) == 0 ||
                            next.text.compare(QLatin1String("max"), Qt::CaseInsensitive) == 0);
    if (aggregate) {
        comparison.aggregate = next.text.compare(QLatin1String("min"), Qt::CaseInsensitive) == 0
                                   ? RunFilterComparison::Aggregate::Min
                                   : RunFilterComparison::Aggregate::Max;
        take();
        take();
        comparison.key = key();
        if (peek().kind != Kind::CloseParen)
            expected(QStringLiteral("')'"));
        take();
        return;
    }
    const RunFilterToken keyToken = peek();
    comparison.key = key();
    if (*entity == Entity::Dataset) {
        for (const char* field : datasetFields) {
            if (comparison.key.compare(QLatin1String(field), Qt::CaseInsensitive) == 0) {
                comparison.key = QLatin1String(field);
                return;
            }
        }
        fail(QStringLiteral("unknown dataset field '%1': expected name, digest, context or source")
                 .arg(comparison.key),
             keyToken);
    }
}

QString RunFilterParser::key() {
    const RunFilterToken& first = peek();
    if (first.kind == Kind::QuotedKey || first.kind == Kind::String) {
        if (first.text.isEmpty())
            fail(QStringLiteral("a key must not be empty"), first);
        return take().text;
    }
    if (first.kind != Kind::Word)
        expected(QStringLiteral("a key"));
    // MLflow keys may contain dots (tags.mlflow.runName): the key runs on over dotted words.
    QString result = take().text;
    while (peek().kind == Kind::Dot && peek(1).kind == Kind::Word) {
        take();
        result += QLatin1Char('.') + take().text;
    }
    return result;
}

void RunFilterParser::attribute(RunFilterComparison& comparison, const RunFilterToken& name, bool prefixed) {
    const RunAttribute* attribute = RunAttribute::find(name.text);
    if (!attribute) {
        if (prefixed)
            fail(QStringLiteral("unknown attribute '%1'").arg(name.text), name);
        fail(QStringLiteral("unknown column '%1': write metrics.KEY, params.KEY, tags.KEY, "
                            "attributes.NAME or datasets.FIELD")
                 .arg(name.text),
             name);
    }
    comparison.entity = Entity::Attribute;
    comparison.key = QLatin1String(attribute->name());
}

void RunFilterParser::comparisonOperator(RunFilterComparison& comparison, const QString& fieldText) {
    const RunFilterToken& token = peek();
    if (token.kind == Kind::Operator) {
        for (const OperatorName& symbol : symbols) {
            if (token.text == QLatin1String(symbol.text)) {
                comparison.op = symbol.op;
                take();
                return;
            }
        }
    }
    if (atKeyword("LIKE") || atKeyword("ILIKE") || atKeyword("IN")) {
        comparison.op = token.text == QLatin1String("IN")     ? Operator::In
                        : token.text == QLatin1String("LIKE") ? Operator::Like
                                                              : Operator::ILike;
        take();
        return;
    }
    if (atKeyword("NOT")) {
        take();
        if (!atKeyword("IN"))
            expected(QStringLiteral("IN"));
        take();
        comparison.op = Operator::NotIn;
        return;
    }
    fail(QStringLiteral("expected an operator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN or NOT IN) after '%1'")
             .arg(fieldText),
         token);
}

RunFilterParser::Expect RunFilterParser::expectation(const RunFilterComparison& comparison,
                                                     const RunFilterToken& op) const {
    const QString opName = source(op).toUpper();
    const bool numeric = comparison.entity == Entity::Metric ||
                         (comparison.entity == Entity::Attribute &&
                          RunAttribute::find(comparison.key)->type() == RunAttribute::Type::Number);
    const bool textual =
        comparison.entity == Entity::Dataset || (comparison.entity == Entity::Attribute && !numeric);
    if (numeric && isPattern(comparison.op)) {
        fail(comparison.entity == Entity::Metric
                 ? QStringLiteral("%1 does not apply to metrics, which are numbers").arg(opName)
                 : QStringLiteral("%1 does not apply to %2, which is a number")
                       .arg(opName, entityName(comparison)),
             op);
    }
    if (textual && isOrdering(comparison.op))
        fail(QStringLiteral("'%1' does not apply to %2, which is text").arg(opName, entityName(comparison)),
             op);
    if (numeric || isOrdering(comparison.op))
        return Expect::Number;
    if (textual || isPattern(comparison.op))
        return Expect::String;
    return Expect::Either;
}

void RunFilterParser::values(RunFilterComparison& comparison, Expect expect) {
    if (!isList(comparison.op)) {
        comparison.values << value(expect);
        return;
    }
    if (peek().kind != Kind::OpenParen)
        expected(QStringLiteral("'(' to open the list"));
    take();
    for (;;) {
        // One list, one kind of value: the first decides for a param or tag.
        const RunFilterToken& item = peek();
        comparison.values << value(expect);
        if (expect == Expect::Either)
            expect = item.kind == Kind::Number ? Expect::Number : Expect::String;
        if (peek().kind == Kind::CloseParen)
            break;
        if (peek().kind != Kind::Comma)
            expected(QStringLiteral("',' or ')'"));
        take();
    }
    take();
}

QVariant RunFilterParser::value(Expect expect) {
    const RunFilterToken& token = peek();
    if (token.kind == Kind::Number && expect != Expect::String)
        return number(take());
    if (token.kind == Kind::String && expect != Expect::Number)
        return take().text;
    if (token.kind == Kind::Word && expect != Expect::Number)
        expected(QStringLiteral("a quoted string such as '%1'").arg(token.text));
    switch (expect) {
    case Expect::Number:
        expected(QStringLiteral("a number"));
    case Expect::String:
        expected(QStringLiteral("a quoted string"));
    case Expect::Either:
        break;
    }
    expected(QStringLiteral("a value"));
}

QVariant RunFilterParser::number(const RunFilterToken& token) const {
    bool ok = false;
    const qlonglong integer = token.text.toLongLong(&ok);
    if (ok)
        return integer;
    const double real = token.text.toDouble(&ok);
    if (!ok || std::abs(real) > std::numeric_limits<double>::max())
        fail(QStringLiteral("the number %1 is out of range").arg(token.text), token);
    return real;
}

} // namespace assay
