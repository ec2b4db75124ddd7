#pragma once

#include <QString>

namespace assay {

// One lexical unit of a run search expression, with where it sits in the text: enough for the
// parser and for syntax colouring in the filter bar.
struct RunFilterToken {
    enum class Kind {
        Word,      // an identifier or a key segment: metrics, run_id, val_loss, 2nd
        QuotedKey, // `f1 score`, text without the backticks
        Keyword,   // AND OR NOT IN LIKE ILIKE, text in upper case
        String,    // 'a' or "a", text without the quotes
        Number,    // -1.5e3, text as written
        Operator,  // = != < <= > >=, text canonical ("==" reads "=", "<>" reads "!=")
        Dot,
        Comma,
        OpenParen,
        CloseParen,
        Invalid, // text is the reason, e.g. "unterminated string"
        End,
    };

    Kind kind = Kind::End;
    QString text;
    int position = 0; // 0-based index of the first character in the filter text
    int length = 0;   // in the filter text, quotes included

    int column() const { return position + 1; }
};

} // namespace assay
