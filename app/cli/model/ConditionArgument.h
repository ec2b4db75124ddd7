#pragma once

#include "core/governance/DecisionCondition.h"

namespace assay::cli {

// --condition "DESCRIPTION;OWNER;YYYY-MM-DD[;SEVERITY]" of model decide. Only the shape is
// checked here (a usage error naming the condition); core checks the owner and the severity.
class ConditionArgument {
public:
    static DecisionCondition parse(const QString& text);
    static QString syntax();
};

} // namespace assay::cli
