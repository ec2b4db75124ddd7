#include "PromotionRequest.h"

namespace assay {

QString PromotionRequest::title() const {
    if (kind == Kind::Review)
        return QStringLiteral("Periodic review of %1 v%2").arg(modelName).arg(version);
    return QStringLiteral("%1 v%2 → %3").arg(modelName).arg(version).arg(alias);
}

QString PromotionRequest::kindName(Kind kind) {
    return kind == Kind::Review ? QStringLiteral("review") : QStringLiteral("promotion");
}

PromotionRequest::Kind PromotionRequest::kindFromName(const QString& name) {
    return name == QLatin1String("review") ? Kind::Review : Kind::Promotion;
}

QString PromotionRequest::statusName(Status status) {
    switch (status) {
    case Status::Open:
        return QStringLiteral("open");
    case Status::Executed:
        return QStringLiteral("executed");
    case Status::Rejected:
        return QStringLiteral("rejected");
    case Status::Withdrawn:
        return QStringLiteral("withdrawn");
    }
    return QStringLiteral("open");
}

QString PromotionRequest::statusLabel(Status status) {
    switch (status) {
    case Status::Open:
        return QStringLiteral("Awaiting sign-off");
    case Status::Executed:
        return QStringLiteral("Approved and executed");
    case Status::Rejected:
        return QStringLiteral("Rejected");
    case Status::Withdrawn:
        return QStringLiteral("Withdrawn");
    }
    return {};
}

PromotionRequest::Status PromotionRequest::statusFromName(const QString& name) {
    for (Status status : {Status::Executed, Status::Rejected, Status::Withdrawn}) {
        if (statusName(status) == name)
            return status;
    }
    return Status::Open;
}

} // namespace assay
