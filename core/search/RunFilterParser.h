#pragma once

#include "RunFilterNode.h"
#include "RunFilterToken.h"

#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace assay {

// Parses a run search expression (DESIGN §4), a superset of MLflow's search_runs filter:
//
//   expression := disjunction
//   disjunction := conjunction (OR conjunction)*
//   conjunction := negation (AND negation)*
//   negation := NOT negation | '(' expression ')' | comparison
//   comparison := field operator value | field [NOT] IN '(' value (',' value)* ')'
//   field := prefix '.' key | metric-prefix '.' (min | max) '(' key ')' | attribute
//   key := word ('.' word)* | `backtick key` | 'quoted key'
//
// Prefixes: metrics|metric, params|param|parameter, tags|tag, attributes|attribute|attr|run,
// datasets|dataset; a bare name is an attribute (RunAttribute). Keywords and prefixes ignore
// case; keys and values do not. NOT binds tighter than AND, AND tighter than OR.
//
// What each entity accepts, checked here so that the error can point at the value:
// - metrics are numbers: = != < <= > >= IN NOT IN with numbers. Plain metrics.k reads the latest
//   value; metrics.min(k) and metrics.max(k) the extremes of the series.
// - params and tags are text: = != LIKE ILIKE IN NOT IN with strings, as in MLflow. Beyond MLflow,
//   a number on the right (= != < <= > >= IN NOT IN) compares the value as a number, and only
//   values that are well-formed numbers can match: `params.depth > 5` matches "8" and "1e1",
//   never "deep". Ordering against a string is refused rather than compared letter by letter.
// - text attributes and dataset fields (name, digest, context, source) take strings; number
//   attributes take numbers.
class RunFilterParser {
public:
    // The tree of a filter; empty when the text is blank, which matches every run.
    // Throws RunFilterError at the first problem.
    static std::optional<RunFilterNode> parse(const QString& text);

private:
    enum class Expect { Number, String, Either };

    RunFilterParser(const QString& text, QList<RunFilterToken> tokens)
        : m_text(text)
        , m_tokens(std::move(tokens)) {}

    static void append(RunFilterNode& to, RunFilterNode operand);
    RunFilterNode disjunction();
    RunFilterNode conjunction();
    RunFilterNode negation();
    RunFilterNode comparison();
    void field(RunFilterComparison& comparison);
    void prefixedField(RunFilterComparison& comparison, const RunFilterToken& prefix);
    QString key();
    void attribute(RunFilterComparison& comparison, const RunFilterToken& name, bool prefixed);
    void comparisonOperator(RunFilterComparison& comparison, const QString& fieldText);
    Expect expectation(const RunFilterComparison& comparison, const RunFilterToken& op) const;
    void values(RunFilterComparison& comparison, Expect expect);
    QVariant value(Expect expect);
    QVariant number(const RunFilterToken& token) const;

    const RunFilterToken& peek(int ahead = 0) const;
    RunFilterToken take();
    bool atKeyword(const char* keyword) const;
    QString source(const RunFilterToken& token) const;
    [[noreturn]] void fail(const QString& reason, const RunFilterToken& at) const;
    // "expected <what> after '<previous token>'", at the current token.
    [[noreturn]] void expected(const QString& what) const;

    const QString& m_text;
    QList<RunFilterToken> m_tokens;
    int m_index = 0;
};

} // namespace assay
