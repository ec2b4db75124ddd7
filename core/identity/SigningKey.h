#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace assay {

// A public key registered in a workspace's signing_keys table.
struct SigningKey {
    qint64 id = 0;
    qint64 userId = 0;
    QString login;
    QByteArray publicKey; // the 32 raw bytes of the Ed25519 public key (stored as lowercase hex)
    qint64 createdAt = 0;
    std::optional<qint64> revokedAt;

    bool isActive() const { return !revokedAt.has_value(); }
};

} // namespace assay
