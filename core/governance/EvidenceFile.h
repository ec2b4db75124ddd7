#pragma once

#include <QString>

namespace assay {

// A document filed as evidence for a model version: a validation report, fairness metrics, or
// anything else a reviewer should see. Its SHA-256 enters the evidence hash that decisions sign.
struct EvidenceFile {
    qint64 id = 0;
    qint64 versionId = 0;
    QString kind; // validation_report, fairness_metrics, other
    QString name;
    QString mediaType;
    QString sha256;
    qint64 size = 0;
    qint64 addedAt = 0;
    QString addedBy;
};

} // namespace assay
