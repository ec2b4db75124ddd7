#include "Decision.h"

namespace assay {

QString Decision::outcomeName(Outcome outcome) {
    switch (outcome) {
    case Outcome::Approve:
        return QStringLiteral("approve");
    case Outcome::ApproveWithConditions:
        return QStringLiteral("approve_with_conditions");
    case Outcome::Reject:
        return QStringLiteral("reject");
    }
    return {};
}

QString Decision::outcomeLabel(Outcome outcome) {
    switch (outcome) {
    case Outcome::Approve:
        return QStringLiteral("Approved");
    case Outcome::ApproveWithConditions:
        return QStringLiteral("Approved with conditions");
    case Outcome::Reject:
        return QStringLiteral("Rejected");
    }
    return {};
}

std::optional<Decision::Outcome> Decision::outcomeFromName(const QString& name) {
    for (Outcome outcome : {Outcome::Approve, Outcome::ApproveWithConditions, Outcome::Reject}) {
        if (outcomeName(outcome) == name)
            return outcome;
    }
    return std::nullopt;
}

QString Decision::statusLabel(Status status) {
    switch (status) {
    case Status::Verified:
        return QStringLiteral("Verified");
    case Status::Stale:
        return QStringLiteral("Stale");
    case Status::Invalid:
        return QStringLiteral("Invalid");
    }
    return {};
}

} // namespace assay
