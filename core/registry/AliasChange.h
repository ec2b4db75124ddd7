#pragma once

#include <QString>

#include <optional>

namespace assay {

// One move of an alias, so that "which version was in production on date D" has an answer.
struct AliasChange {
    QString alias;
    std::optional<int> version;         // empty when the alias was removed
    std::optional<int> previousVersion; // empty when the alias was new
    qint64 changedAt = 0;
    QString changedBy;
    QString reason;
};

} // namespace assay
