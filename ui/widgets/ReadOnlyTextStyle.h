#pragma once

class QPlainTextEdit;

namespace assay {

// A read-only text editor that looks read-only: Qt draws it exactly like an editable one, so the
// user types into it before finding out. Its page takes the window's colour instead of the base.
class ReadOnlyTextStyle {
public:
    static void setReadOnly(QPlainTextEdit* editor, bool readOnly);
};

} // namespace assay
