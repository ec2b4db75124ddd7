#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace assay {

// The one serialisation that is hashed and signed: compact JSON with keys in sorted order
// (QJsonObject keeps them sorted), so that the same content always gives the same bytes.
class CanonicalJson {
public:
    static QByteArray serialize(const QJsonObject& object);
    static QString sha256Hex(const QByteArray& bytes);
    static QString hash(const QJsonObject& object) { return sha256Hex(serialize(object)); }
    // Parses text that serialize() wrote; an empty object for anything else.
    static QJsonObject parse(const QString& text);
    // A double as text that round-trips exactly, NaN and infinities included, which JSON
    // numbers cannot carry.
    static QString number(double value);
};

} // namespace assay
