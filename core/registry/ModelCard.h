#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace assay {

// The model card of one version: section key → text. Every section must say something for the
// card to count as complete evidence.
struct ModelCard {
    qint64 versionId = 0;
    QMap<QString, QString> fields;
    qint64 updatedAt = 0;
    QString updatedBy;

    QString value(const QString& key) const { return fields.value(key); }
    // The labels of the sections still empty, in card order.
    QStringList missingSections() const;
    bool isComplete() const { return missingSections().isEmpty(); }
};

} // namespace assay
