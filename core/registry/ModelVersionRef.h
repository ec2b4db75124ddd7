#pragma once

#include <QString>
#include <QStringList>

namespace assay {

// A model version seen from the run it was made from: enough to name it ("churn v3") and show
// where it stands (stage, aliases) without loading the model.
struct ModelVersionRef {
    qint64 modelId = 0;
    QString modelName;
    int version = 0;
    QString stage;
    QStringList aliases; // sorted
};

} // namespace assay
