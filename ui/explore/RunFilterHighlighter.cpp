#include "RunFilterHighlighter.h"

#include "core/search/RunFilterLexer.h"

namespace assay {
namespace {

using Role = RunFilterHighlighter::Role;

Role roleOf(const QList<RunFilterToken>& tokens, qsizetype i) {
    using Kind = RunFilterToken::Kind;
    const RunFilterToken& token = tokens.at(i);
    const Kind previous = i > 0 ? tokens.at(i - 1).kind : Kind::End;
    const Kind next = i + 1 < tokens.size() ? tokens.at(i + 1).kind : Kind::End;
    switch (token.kind) {
    case Kind::Word:
        // "metrics" in metrics.auc, and "min" in metrics.min(loss), name what follows.
        if (previous != Kind::Dot && next == Kind::Dot)
            return Role::Prefix;
        if (previous == Kind::Dot && next == Kind::OpenParen)
            return Role::Prefix;
        return Role::Key;
    case Kind::QuotedKey:
        return Role::Key;
    case Kind::Keyword:
        return Role::Keyword;
    case Kind::Operator:
        return Role::Operator;
    case Kind::String:
        return Role::String;
    case Kind::Number:
        return Role::Number;
    case Kind::Invalid:
        return Role::Invalid;
    case Kind::Dot:
    case Kind::Comma:
    case Kind::OpenParen:
    case Kind::CloseParen:
    case Kind::End:
        break;
    }
    return Role::Punctuation;
}

} // namespace

RunFilterHighlighter::RunFilterHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document) {}

void RunFilterHighlighter::setPalette(const QPalette& palette) {
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    if (dark == m_dark)
        return;
    m_dark = dark;
    rehighlight();
}

QTextCharFormat RunFilterHighlighter::format(Role role) const {
    // Two sets of hues that keep a contrast of at least 4.5:1 against a white or a near-black
    // base (GitHub's light and dark code colours).
    struct Pair {
        QRgb light;
        QRgb dark;
    };
    QTextCharFormat format;
    const auto colour = [this](Pair pair) {
        return QColor::fromRgb(m_dark ? pair.dark : pair.light);
    };
    switch (role) {
    case Role::Prefix:
        format.setForeground(colour({0x6f42c1, 0xd2a8ff}));
        break;
    case Role::Key:
        format.setForeground(colour({0x005cc5, 0x79c0ff}));
        break;
    case Role::Keyword:
        format.setForeground(colour({0xcf222e, 0xff7b72}));
        format.setFontWeight(QFont::Bold);
        break;
    case Role::Operator:
        format.setForeground(colour({0x953800, 0xffa657}));
        break;
    case Role::String:
        format.setForeground(colour({0x116329, 0x7ee787}));
        break;
    case Role::Number:
        format.setForeground(colour({0x0a6b74, 0x56d4dd}));
        break;
    case Role::Invalid:
        format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        format.setUnderlineColor(colour({0xcf222e, 0xff7b72}));
        break;
    case Role::Punctuation:
        break;
    }
    return format;
}

void RunFilterHighlighter::highlightBlock(const QString& text) {
    const QList<RunFilterToken> tokens = RunFilterLexer::tokenize(text);
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const RunFilterToken& token = tokens.at(i);
        if (token.kind == RunFilterToken::Kind::End)
            break;
        const Role role = roleOf(tokens, i);
        if (role != Role::Punctuation)
            setFormat(token.position, std::max(token.length, 1), format(role));
    }
}

} // namespace assay
