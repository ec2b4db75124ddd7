#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace assay {

// One window of current data a monitor compared with its reference, and its verdict.
struct DriftWindow {
    qint64 id = 0;
    qint64 monitorId = 0;
    QString label; // "2026-W10", "2026-03", "2026-03-02" or the file's name
    QDate first;   // calendar windows only
    QDate last;
    qint64 rows = 0;
    QString sourceName;
    QString sourceSha256;
    std::optional<double> performance;
    int featureCount = 0;
    int driftedFeatures = 0;
    bool datasetDrift = false;
    QStringList driftedKeyFeatures;
    bool retrainingRecommended = false; // dataset drift or a key feature drifted
    qint64 addedAt = 0;
    QString addedBy;
};

} // namespace assay
