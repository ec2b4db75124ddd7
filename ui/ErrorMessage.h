#pragma once

#include <QString>

class QWidget;

namespace assay {

// Core's refusal (AssayError) shown to the user as MainWindow shows it: a window-modal warning,
// not exec(), so that the caller goes on and tests can read the box (object name "errorMessage").
class ErrorMessage {
public:
    static void show(QWidget* parent, const QString& title, const QString& message);
};

} // namespace assay
