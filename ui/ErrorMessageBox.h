#pragma once

#include <QString>

class QMessageBox;
class QWidget;

namespace assay {

// Core's refusals (AssayError) shown to the user from a dialog: a window-modal warning opened,
// not exec()'d, so that the caller goes on and tests can read the box (objectName
// "errorMessage"), as MainWindow does for the pages.
class ErrorMessageBox {
public:
    static QMessageBox* show(QWidget* parent, const QString& title, const QString& message);
};

} // namespace assay
