#pragma once

#include <QTextStream>

namespace assay::cli {

// The CLI's stdout and stderr. One stream each for the whole process, so that what a command
// writes comes out in order however many classes write it.
class CliOutput {
public:
    static QTextStream& out();
    static QTextStream& err();
};

} // namespace assay::cli
