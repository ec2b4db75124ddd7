#pragma once

#include <QString>

namespace assay {

struct Experiment {
    qint64 id = 0;
    QString name;
    QString description;
    bool deleted = false;
    qint64 createdAt = 0;
    QString createdBy;
    qint64 runCount = 0;
};

} // namespace assay
