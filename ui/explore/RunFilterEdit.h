#pragma once

#include <QPlainTextEdit>
#include <QStringList>

class QCompleter;
class QStringListModel;

namespace assay {

class RunFilterHighlighter;

// A one-line editor for run search expressions: a QPlainTextEdit, so that a QSyntaxHighlighter
// can colour it, that refuses line breaks and looks like a line edit. It completes the word
// under the cursor from the keys it is given, and marks the column of a parse error.
class RunFilterEdit : public QPlainTextEdit {
    Q_OBJECT

public:
    explicit RunFilterEdit(QWidget* parent = nullptr);

    QString text() const { return toPlainText(); }
    void setText(const QString& text);

    // Candidates as they are inserted: "metrics.auc", "params.`max depth`", "attributes.status".
    void setCompletions(const QStringList& completions);
    QStringList completions() const;
    QCompleter* completer() const { return m_completer; }
    RunFilterHighlighter* highlighter() const { return m_highlighter; }
    // Opens the completion popup for the word under the cursor (also Ctrl+Space).
    void complete();

    // Underlines the character at a 1-based column (RunFilterError::column); 0 clears.
    void setErrorColumn(int column);
    // Where the character at a 0-based position sits, in this widget's coordinates.
    QRect characterRect(int position) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void applyRequested();
    void clearRequested();
    // Up (+1, older) or Down (-1, newer) through the history.
    void historyStepRequested(int step);
    void scrolled();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void insertFromMimeData(const QMimeData* source) override;
    bool canInsertFromMimeData(const QMimeData* source) const override;
    void changeEvent(QEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    // The start of the word under the cursor: keys, prefixes and dots, stopping at spaces,
    // operators and parentheses.
    int wordStart() const;
    void insertCompletion(const QString& completion);
    void updateErrorSelection();

    RunFilterHighlighter* m_highlighter = nullptr;
    QCompleter* m_completer = nullptr;
    QStringListModel* m_completionModel = nullptr;
    int m_errorColumn = 0;
};

} // namespace assay
