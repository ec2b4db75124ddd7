#pragma once

#include "MlflowSkippedItem.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace assay {

// What an MLflow import brought over, and every item it skipped.
struct MlflowImportSummary {
    QString source;      // the canonical path of the store
    QString description; // e.g. "MLflow file store" or "MLflow SQLite database (revision 7ac759974ad8)"
    int experimentsAdded = 0;
    int experimentsUpdated = 0;
    int runsAdded = 0;
    int runsUpdated = 0;
    qint64 pointsAdded = 0;
    int modelsAdded = 0;
    int modelsUpdated = 0;
    int versionsAdded = 0;
    QList<MlflowSkippedItem> skipped;
    // Set when the progress callback cancelled: the experiments counted above are imported, the
    // one in progress was rolled back and the rest were not touched.
    bool cancelled = false;

    // What came over, in lines the CLI prints and the GUI shows: the source, then counts of
    // experiments, runs, points and models. Skipped items are listed separately by callers.
    QStringList reportLines() const;
};

} // namespace assay
