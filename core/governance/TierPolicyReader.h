#pragma once

#include "TierPolicy.h"

#include <QJsonArray>
#include <QJsonObject>

namespace assay {

// Reads and validates a TierPolicy document. Every error names the source and the JSON path
// of the offending field ("policy.json: dimensions[2].weight must be a number above 0").
class TierPolicyReader {
public:
    TierPolicyReader(const QByteArray& json, const QString& sourceName);
    TierPolicy read();

private:
    [[noreturn]] void fail(const QString& path, const QString& problem) const;
    QJsonArray array(const QJsonObject& object, const QString& field, const QString& path) const;
    QString text(const QJsonObject& object, const QString& field, const QString& path) const;
    double number(const QJsonObject& object, const QString& field, const QString& path) const;
    int tierNumber(const QJsonObject& object, const QString& field, const QString& path) const;

    void readDimensions(const QJsonObject& root, TierPolicy& policy) const;
    QList<TierPolicy::Band> readBands(const QJsonObject& root, const QString& field) const;
    void readEuCategories(const QJsonObject& root, TierPolicy& policy) const;
    void readTiers(const QJsonObject& root, TierPolicy& policy) const;

    QByteArray m_json;
    QString m_source;
};

} // namespace assay
