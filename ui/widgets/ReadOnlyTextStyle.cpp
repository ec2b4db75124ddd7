#include "ReadOnlyTextStyle.h"

#include <QApplication>
#include <QPlainTextEdit>

namespace assay {

void ReadOnlyTextStyle::setReadOnly(QPlainTextEdit* editor, bool readOnly) {
    editor->setReadOnly(readOnly);
    QPalette palette = editor->palette();
    const QPalette standard = QApplication::palette(editor);
    palette.setBrush(QPalette::Base, readOnly ? standard.window() : standard.base());
    editor->setPalette(palette);
}

} // namespace assay
