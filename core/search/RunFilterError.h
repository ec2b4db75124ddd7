#pragma once

#include "core/base/AssayError.h"

namespace assay {

// A run search expression that does not parse or asks for something the grammar does not allow.
// column() is 1-based and counts UTF-16 code units, as QLineEdit cursor positions do, so that the
// filter bar can underline the spot; one past the end of the text means "it ended too soon".
class RunFilterError : public AssayError {
public:
    RunFilterError(const QString& reason, int column)
        : AssayError(QStringLiteral("%1 at column %2").arg(reason).arg(column))
        , m_reason(reason)
        , m_column(column) {}

    // The message without its "at column N" suffix.
    const QString& reason() const noexcept { return m_reason; }
    int column() const noexcept { return m_column; }

private:
    QString m_reason;
    int m_column;
};

} // namespace assay
