#include "CanonicalJson.h"

#include <QCryptographicHash>
#include <QJsonDocument>

#include <cmath>

namespace assay {

QByteArray CanonicalJson::serialize(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString CanonicalJson::sha256Hex(const QByteArray& bytes) {
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QJsonObject CanonicalJson::parse(const QString& text) {
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString CanonicalJson::number(double value) {
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    return QString::number(value, 'g', 17);
}

} // namespace assay
