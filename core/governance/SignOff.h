#pragma once

#include "Decision.h"

#include <QString>

#include <optional>

namespace assay {

// One sign-off a tier's rule requires ("model_owner", "validator", "risk_officer", "reviewer")
// and the decision that gives it, if one does.
struct SignOff {
    QString key;
    QString label;
    std::optional<Decision> givenBy;

    bool isGiven() const { return givenBy.has_value(); }
    static QString labelOf(const QString& key);
};

} // namespace assay
