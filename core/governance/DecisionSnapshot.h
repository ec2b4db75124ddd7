#pragma once

#include "Gate.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace assay {

// What a reviewer saw when signing: the gates with their details, the candidate's evidence
// bundle (whose hash is the decision's evidence hash) and the champion it was weighed against,
// with the champion's own bundle. A decision signs the snapshot's hash, so the record can show
// later exactly what was signed instead of recomputing it from today's data.
struct DecisionSnapshot {
    QList<Gate> gates;
    QJsonObject evidence;
    std::optional<int> championVersion;
    QJsonObject championEvidence;

    QJsonObject toJson() const;
    // Throws AssayError when the text is not a snapshot Assay wrote.
    static DecisionSnapshot fromJson(const QJsonObject& json);
    QString hash() const;
};

} // namespace assay
