#pragma once

#include <QJsonValue>
#include <QString>

#include <optional>

namespace assay {

// One payload field of an audit event with the value it had before (see AuditTrail::changes).
struct AuditFieldChange {
    QString key;
    std::optional<QJsonValue> before; // none: no earlier event on the entity recorded the field
    QJsonValue after;
    qint64 beforeSeq = 0; // the event the before value comes from; 0 when there is none

    bool changed() const { return !before || *before != after; }
};

} // namespace assay
