#pragma once

#include "DriftColumnResult.h"

#include <QJsonObject>
#include <QList>

namespace assay {

// The drift of a whole dataset: one result per column and the dataset verdict.
struct DriftReport {
    QList<DriftColumnResult> columns;
    int driftedColumns = 0;
    bool datasetDrift = false;

    // The layout of shared/fixtures/drift/*/expected.json: "columns" keyed by name, then
    // "dataset_drift" and "drifted_columns".
    QJsonObject toJson() const;
};

} // namespace assay
