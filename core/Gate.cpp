#include "Gate.h"

namespace assay {

QString Gate::statusName(Status status) {
    switch (status) {
    case Status::Passed:
        return QStringLiteral("passed");
    case Status::Failed:
        return QStringLiteral("failed");
    case Status::NotApplicable:
        return QStringLiteral("not_applicable");
    }
    return {};
}

} // namespace assay
