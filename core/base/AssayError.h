#pragma once

#include <QString>

#include <stdexcept>

namespace assay {

// The one exception type core throws. Its message is written for the user: it names the file,
// line or field at fault, so that the CLI can print it as is and the GUI can show it in a dialog.
class AssayError : public std::runtime_error {
public:
    explicit AssayError(const QString& message)
        : std::runtime_error(message.toStdString())
        , m_message(message) {}

    const QString& message() const noexcept { return m_message; }

private:
    QString m_message;
};

} // namespace assay
