#pragma once

#include "RunFilterToken.h"

#include <QList>
#include <QString>

namespace assay {

// Splits a run search expression into tokens. It never throws: what it cannot read becomes an
// Invalid token, so that the filter bar can colour a half-typed filter, and the parser reports
// the first Invalid token as the error. The list always ends with an End token.
//
// A word that directly follows a dot is a key segment and may start with a digit or be a
// keyword (`metrics.2nd_loss`, `params.in`); elsewhere AND, OR, NOT, IN, LIKE and ILIKE are
// keywords in any case. Strings take '' or "" for a quote inside them, backtick keys take ``.
class RunFilterLexer {
public:
    static QList<RunFilterToken> tokenize(const QString& text);

private:
    explicit RunFilterLexer(const QString& text)
        : m_text(text) {}

    QList<RunFilterToken> run();
    RunFilterToken next();
    RunFilterToken quoted(RunFilterToken::Kind kind, QChar quote);
    RunFilterToken number();
    RunFilterToken word(bool keySegment);
    RunFilterToken operatorToken();
    RunFilterToken make(RunFilterToken::Kind kind, int start, const QString& text) const;
    bool startsNumber(int at) const;
    bool followsWord() const;
    QChar at(int index) const { return index < m_text.size() ? m_text.at(index) : QChar(); }

    const QString& m_text;
    int m_pos = 0;
    QList<RunFilterToken> m_tokens;
};

} // namespace assay
