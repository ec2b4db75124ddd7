#include "Gate.h"

#include <QJsonObject>

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

QJsonArray Gate::toJson(const QList<Gate>& gates) {
    QJsonArray array;
    for (const Gate& gate : gates) {
        array.append(QJsonObject{{QStringLiteral("key"), gate.key},
                                 {QStringLiteral("label"), gate.label},
                                 {QStringLiteral("status"), statusName(gate.status)},
                                 {QStringLiteral("detail"), gate.detail}});
    }
    return array;
}

} // namespace assay
