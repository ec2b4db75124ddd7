#pragma once

#include <QString>

#include <optional>

namespace assay {

struct EuAiActCategory {
    QString key;
    QString label;
    bool blocked = false;           // a prohibited practice cannot be deployed at all
    std::optional<int> minimumTier; // e.g. high risk: Tier 1 at least
};

} // namespace assay
