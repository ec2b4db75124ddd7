#pragma once

#include <QString>

namespace assay {

// A version of a dataset that a run used: the digest identifies the exact data.
struct DatasetInput {
    QString name;
    QString digest;
    QString source;
    QString context; // "training", "validation", ...
};

} // namespace assay
