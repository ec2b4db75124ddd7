#pragma once

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace assay {

// Colours a run search expression (DESIGN §4) token by token, from core's RunFilterLexer, so
// that the colours follow exactly what the parser will read. Colours come in a light and a dark
// set, chosen from the palette's base colour.
class RunFilterHighlighter : public QSyntaxHighlighter {
    Q_OBJECT

public:
    enum class Role { Prefix, Key, Keyword, Operator, String, Number, Punctuation, Invalid };

    explicit RunFilterHighlighter(QTextDocument* document);

    // The palette of the editor; a dark base selects the dark colours.
    void setPalette(const QPalette& palette);
    QTextCharFormat format(Role role) const;

protected:
    void highlightBlock(const QString& text) override;

private:
    bool m_dark = false;
};

} // namespace assay
