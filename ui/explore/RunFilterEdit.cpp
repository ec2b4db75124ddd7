#include "RunFilterEdit.h"

#include "RunFilterHighlighter.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QMimeData>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>

namespace assay {
namespace {

constexpr int verticalPadding = 4;

bool endsWord(QChar c) {
    return c.isSpace() || c == QLatin1Char('(') || c == QLatin1Char(')') || c == QLatin1Char(',') ||
           c == QLatin1Char('=') || c == QLatin1Char('<') || c == QLatin1Char('>') || c == QLatin1Char('!') ||
           c == QLatin1Char('\'') || c == QLatin1Char('"');
}

QString oneLine(QString text) {
    text.replace(QLatin1String("\r\n"), QLatin1String(" "));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    text.replace(QChar::ParagraphSeparator, QLatin1Char(' '));
    text.replace(QChar::LineSeparator, QLatin1Char(' '));
    return text;
}

} // namespace

RunFilterEdit::RunFilterEdit(QWidget* parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new RunFilterHighlighter(document()))
    , m_completer(new QCompleter(this))
    , m_completionModel(new QStringListModel(this)) {
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setWordWrapMode(QTextOption::NoWrap);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setTabChangesFocus(true);
    setCenterOnScroll(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    document()->setDocumentMargin(verticalPadding);
    setFixedHeight(sizeHint().height());
    m_highlighter->setPalette(palette());

    m_completer->setModel(m_completionModel);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    // "auc" finds metrics.auc and metrics.val_auc: users remember keys, not their prefixes.
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setMaxVisibleItems(12);
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this,
            &RunFilterEdit::insertCompletion);
}

void RunFilterEdit::setText(const QString& text) {
    setPlainText(oneLine(text));
    moveCursor(QTextCursor::End);
}

void RunFilterEdit::setCompletions(const QStringList& completions) {
    m_completionModel->setStringList(completions);
}

QStringList RunFilterEdit::completions() const {
    return m_completionModel->stringList();
}

QSize RunFilterEdit::sizeHint() const {
    const int height = fontMetrics().height() + 2 * verticalPadding + 2 * frameWidth() + 2;
    return {QPlainTextEdit::sizeHint().width(), height};
}

QSize RunFilterEdit::minimumSizeHint() const {
    return {120, sizeHint().height()};
}

int RunFilterEdit::wordStart() const {
    const QString line = text();
    int start = textCursor().position();
    while (start > 0 && !endsWord(line.at(start - 1)))
        --start;
    return start;
}

void RunFilterEdit::complete() {
    const int start = wordStart();
    const QString word = text().mid(start, textCursor().position() - start);
    m_completer->setCompletionPrefix(word);
    if (m_completer->completionCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    QRect rect = cursorRect();
    rect.setWidth(m_completer->popup()->sizeHintForColumn(0) +
                  m_completer->popup()->verticalScrollBar()->sizeHint().width() + 8);
    m_completer->complete(rect);
}

void RunFilterEdit::insertCompletion(const QString& completion) {
    QTextCursor cursor = textCursor();
    const int start = wordStart();
    // The rest of the word after the cursor goes too: completing "metrics.a|uc" gives one key.
    int end = cursor.position();
    const QString line = text();
    while (end < line.size() && !endsWord(line.at(end)))
        ++end;
    cursor.setPosition(start);
    cursor.setPosition(end, QTextCursor::KeepAnchor);
    cursor.insertText(completion);
    setTextCursor(cursor);
}

void RunFilterEdit::setErrorColumn(int column) {
    m_errorColumn = column;
    updateErrorSelection();
}

void RunFilterEdit::updateErrorSelection() {
    QList<QTextEdit::ExtraSelection> selections;
    if (m_errorColumn > 0) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(document());
        const int length = static_cast<int>(text().size());
        // One past the end ("it ended too soon") marks the last character.
        const int position = std::clamp(m_errorColumn - 1, 0, std::max(0, length - 1));
        selection.cursor.setPosition(position);
        selection.cursor.setPosition(std::min(position + 1, length), QTextCursor::KeepAnchor);
        selection.format = m_highlighter->format(RunFilterHighlighter::Role::Invalid);
        selections << selection;
    }
    setExtraSelections(selections);
}

QRect RunFilterEdit::characterRect(int position) const {
    QTextCursor cursor(document());
    cursor.setPosition(std::clamp(position, 0, static_cast<int>(text().size())));
    QRect rect = cursorRect(cursor);
    const QFontMetrics metrics(font());
    const QString line = text();
    rect.setWidth(position < line.size() ? metrics.horizontalAdvance(line.at(position))
                                         : metrics.averageCharWidth());
    return rect.translated(viewport()->pos());
}

void RunFilterEdit::keyPressEvent(QKeyEvent* event) {
    const bool popupOpen = m_completer->popup()->isVisible();
    if (popupOpen) {
        switch (event->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            // The completer's popup takes these.
            event->ignore();
            return;
        default:
            break;
        }
    }
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        emit applyRequested();
        return;
    case Qt::Key_Escape:
        emit clearRequested();
        return;
    case Qt::Key_Up:
        emit historyStepRequested(1);
        return;
    case Qt::Key_Down:
        emit historyStepRequested(-1);
        return;
    case Qt::Key_Space:
        if (event->modifiers() & Qt::ControlModifier) {
            complete();
            return;
        }
        break;
    default:
        break;
    }
    QPlainTextEdit::keyPressEvent(event);
    const QString typed = event->text();
    const bool wordKey =
        !typed.isEmpty() && (typed.at(0).isLetterOrNumber() || typed.at(0) == QLatin1Char('.') ||
                             typed.at(0) == QLatin1Char('_'));
    // Typing in a word offers keys; Backspace narrows the offer again; anything else ends it.
    const bool inWord = textCursor().position() > wordStart();
    if (inWord && (wordKey || (popupOpen && event->key() == Qt::Key_Backspace)))
        complete();
    else if (popupOpen)
        m_completer->popup()->hide();
}

bool RunFilterEdit::canInsertFromMimeData(const QMimeData* source) const {
    return source->hasText();
}

void RunFilterEdit::insertFromMimeData(const QMimeData* source) {
    // A pasted multi-line filter becomes one line: the grammar treats line breaks as spaces.
    insertPlainText(oneLine(source->text()));
}

void RunFilterEdit::changeEvent(QEvent* event) {
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        m_highlighter->setPalette(palette());
    if (event->type() == QEvent::FontChange)
        setFixedHeight(sizeHint().height());
}

void RunFilterEdit::scrollContentsBy(int dx, int dy) {
    QPlainTextEdit::scrollContentsBy(dx, dy);
    emit scrolled();
}

} // namespace assay
