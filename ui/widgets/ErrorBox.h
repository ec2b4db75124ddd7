#pragma once

#include <QString>

class QMessageBox;
class QWidget;

namespace assay {

// Core's refusals as the main window shows them: a window-modal warning opened with open(), not
// exec(), so that the caller goes on and tests can read the box (object name "errorMessage").
class ErrorBox {
public:
    static QMessageBox* show(QWidget* parent, const QString& title, const QString& message);
};

} // namespace assay
