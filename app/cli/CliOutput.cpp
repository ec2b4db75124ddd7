#include "CliOutput.h"

#include <cstdio>

namespace assay::cli {

QTextStream& CliOutput::out() {
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& CliOutput::err() {
    static QTextStream stream(stderr);
    return stream;
}

} // namespace assay::cli
