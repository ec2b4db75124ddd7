#include "RunFilterLexer.h"

#include <array>

namespace assay {
namespace {

using Kind = RunFilterToken::Kind;

constexpr std::array<const char*, 6> keywords{"AND", "OR", "NOT", "IN", "LIKE", "ILIKE"};

bool isWordStart(QChar c) {
    return c.isLetter() || c == QLatin1Char('_');
}

// Dashes, slashes and colons appear in real MLflow keys (val-loss, eval/auc); none of them is an
// operator of the grammar, so a key can use them without backticks.
bool isWordChar(QChar c) {
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-') || c == QLatin1Char('/') ||
           c == QLatin1Char(':');
}

bool isDigit(QChar c) {
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

} // namespace

QList<RunFilterToken> RunFilterLexer::tokenize(const QString& text) {
    return RunFilterLexer(text).run();
}

QList<RunFilterToken> RunFilterLexer::run() {
    for (;;) {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
        if (m_pos >= m_text.size())
            break;
        m_tokens.append(next());
    }
    m_tokens.append(make(Kind::End, static_cast<int>(m_text.size()), {}));
    return m_tokens;
}

RunFilterToken RunFilterLexer::next() {
    const QChar c = m_text.at(m_pos);
    const bool keySegment = !m_tokens.isEmpty() && m_tokens.last().kind == Kind::Dot;
    if (keySegment && (isWordChar(c)))
        return word(true);
    if (c == QLatin1Char('\'') || c == QLatin1Char('"'))
        return quoted(Kind::String, c);
    if (c == QLatin1Char('`'))
        return quoted(Kind::QuotedKey, c);
    if (startsNumber(m_pos))
        return number();
    if (isWordStart(c))
        return word(false);
    const int start = m_pos++;
    if (c == QLatin1Char('.'))
        return make(Kind::Dot, start, QStringLiteral("."));
    if (c == QLatin1Char(','))
        return make(Kind::Comma, start, QStringLiteral(","));
    if (c == QLatin1Char('('))
        return make(Kind::OpenParen, start, QStringLiteral("("));
    if (c == QLatin1Char(')'))
        return make(Kind::CloseParen, start, QStringLiteral(")"));
    m_pos = start;
    return operatorToken();
}

RunFilterToken RunFilterLexer::make(Kind kind, int start, const QString& text) const {
    return {kind, text, start, m_pos - start};
}

bool RunFilterLexer::followsWord() const {
    if (m_tokens.isEmpty())
        return false;
    const RunFilterToken& last = m_tokens.last();
    return (last.kind == Kind::Word || last.kind == Kind::QuotedKey) && last.position + last.length == m_pos;
}

bool RunFilterLexer::startsNumber(int index) const {
    const QChar c = at(index);
    if (isDigit(c))
        return true;
    if (c == QLatin1Char('.'))
        return isDigit(at(index + 1)) && !followsWord();
    if (c == QLatin1Char('-') || c == QLatin1Char('+'))
        return isDigit(at(index + 1)) || (at(index + 1) == QLatin1Char('.') && isDigit(at(index + 2)));
    return false;
}

RunFilterToken RunFilterLexer::number() {
    const int start = m_pos;
    if (at(m_pos) == QLatin1Char('-') || at(m_pos) == QLatin1Char('+'))
        ++m_pos;
    while (isDigit(at(m_pos)))
        ++m_pos;
    if (at(m_pos) == QLatin1Char('.')) {
        ++m_pos;
        while (isDigit(at(m_pos)))
            ++m_pos;
    }
    const QChar e = at(m_pos);
    if (e == QLatin1Char('e') || e == QLatin1Char('E')) {
        int exponent = m_pos + 1;
        if (at(exponent) == QLatin1Char('-') || at(exponent) == QLatin1Char('+'))
            ++exponent;
        if (isDigit(at(exponent))) {
            m_pos = exponent;
            while (isDigit(at(m_pos)))
                ++m_pos;
        }
    }
    return make(Kind::Number, start, m_text.mid(start, m_pos - start));
}

RunFilterToken RunFilterLexer::word(bool keySegment) {
    const int start = m_pos;
    while (m_pos < m_text.size() && isWordChar(m_text.at(m_pos)))
        ++m_pos;
    const QString text = m_text.mid(start, m_pos - start);
    if (!keySegment) {
        for (const char* keyword : keywords) {
            if (text.compare(QLatin1String(keyword), Qt::CaseInsensitive) == 0)
                return make(Kind::Keyword, start, QLatin1String(keyword));
        }
    }
    return make(Kind::Word, start, text);
}

RunFilterToken RunFilterLexer::quoted(Kind kind, QChar quote) {
    const int start = m_pos++;
    QString content;
    while (m_pos < m_text.size()) {
        const QChar c = m_text.at(m_pos++);
        if (c != quote) {
            content.append(c);
            continue;
        }
        if (at(m_pos) != quote)
            return make(kind, start, content);
        content.append(quote); // a doubled quote stands for one
        ++m_pos;
    }
    return make(Kind::Invalid, start,
                kind == Kind::String ? QStringLiteral("unterminated string")
                                     : QStringLiteral("unterminated backtick-quoted key"));
}

RunFilterToken RunFilterLexer::operatorToken() {
    const int start = m_pos;
    const QChar c = m_text.at(m_pos++);
    const QChar following = at(m_pos);
    auto take = [&](const char* canonical) {
        ++m_pos;
        return make(Kind::Operator, start, QLatin1String(canonical));
    };
    if (c == QLatin1Char('='))
        return following == QLatin1Char('=') ? take("=") : make(Kind::Operator, start, QStringLiteral("="));
    if (c == QLatin1Char('!') && following == QLatin1Char('='))
        return take("!=");
    if (c == QLatin1Char('<')) {
        if (following == QLatin1Char('='))
            return take("<=");
        if (following == QLatin1Char('>'))
            return take("!=");
        return make(Kind::Operator, start, QStringLiteral("<"));
    }
    if (c == QLatin1Char('>'))
        return following == QLatin1Char('=') ? take(">=") : make(Kind::Operator, start, QStringLiteral(">"));
    return make(Kind::Invalid, start, QStringLiteral("unexpected character '%1'").arg(c));
}

} // namespace assay
