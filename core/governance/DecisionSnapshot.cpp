#include "DecisionSnapshot.h"

#include "core/base/AssayError.h"
#include "core/base/CanonicalJson.h"

#include <QJsonArray>

namespace assay {
namespace {

std::optional<Gate::Status> statusFromName(const QString& name) {
    for (const Gate::Status status :
         {Gate::Status::Passed, Gate::Status::Failed, Gate::Status::NotApplicable}) {
        if (Gate::statusName(status) == name)
            return status;
    }
    return std::nullopt;
}

} // namespace

QJsonObject DecisionSnapshot::toJson() const {
    const QJsonValue champion = championVersion
                                    ? QJsonValue(QJsonObject{{QStringLiteral("version"), *championVersion},
                                                             {QStringLiteral("evidence"), championEvidence}})
                                    : QJsonValue(QJsonValue::Null);
    return {{QStringLiteral("gates"), Gate::toJson(gates)},
            {QStringLiteral("evidence"), evidence},
            {QStringLiteral("champion"), champion}};
}

DecisionSnapshot DecisionSnapshot::fromJson(const QJsonObject& json) {
    const auto malformed = [](const QString& what) {
        return AssayError(QStringLiteral("The decision's recorded snapshot is malformed: %1.").arg(what));
    };
    if (!json.value(QStringLiteral("gates")).isArray() || !json.value(QStringLiteral("evidence")).isObject())
        throw malformed(QStringLiteral("no gates or no evidence"));
    DecisionSnapshot snapshot;
    for (const QJsonValue& value : json.value(QStringLiteral("gates")).toArray()) {
        const QJsonObject object = value.toObject();
        const std::optional<Gate::Status> status =
            statusFromName(object.value(QStringLiteral("status")).toString());
        if (!status)
            throw malformed(QStringLiteral("a gate's status is \"%1\"")
                                .arg(object.value(QStringLiteral("status")).toString()));
        snapshot.gates.append({object.value(QStringLiteral("key")).toString(),
                               object.value(QStringLiteral("label")).toString(), *status,
                               object.value(QStringLiteral("detail")).toString()});
    }
    snapshot.evidence = json.value(QStringLiteral("evidence")).toObject();
    const QJsonValue champion = json.value(QStringLiteral("champion"));
    if (champion.isObject()) {
        snapshot.championVersion = champion.toObject().value(QStringLiteral("version")).toInt();
        snapshot.championEvidence = champion.toObject().value(QStringLiteral("evidence")).toObject();
    }
    return snapshot;
}

QString DecisionSnapshot::hash() const {
    return CanonicalJson::hash(toJson());
}

} // namespace assay
