#pragma once

#include <QString>

namespace assay {

struct RegisteredModel {
    qint64 id = 0;
    QString name;
    QString description;
    qint64 createdAt = 0;
    QString createdBy;
    QString owner;         // the login who signs as model owner; empty until one is named
    QString businessOwner; // who answers for the business use, not necessarily a user
    QString primaryMetric; // the metric compared with the champion's in promotion gates
    bool higherIsBetter = true;
};

} // namespace assay
