#pragma once

#include "RunFilterComparison.h"

#include <vector>

namespace assay {

// A node of a parsed run search: a comparison, or AND / OR over two or more operands, or NOT
// over one.
struct RunFilterNode {
    enum class Kind { Comparison, And, Or, Not };

    Kind kind = Kind::Comparison;
    RunFilterComparison comparison; // Comparison only
    std::vector<RunFilterNode> operands;
};

} // namespace assay
