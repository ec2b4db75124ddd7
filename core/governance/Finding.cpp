#include "Finding.h"

#include <QStringList>

namespace assay {

QStringList Finding::severities() {
    return {QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"),
            QStringLiteral("critical")};
}

} // namespace assay
