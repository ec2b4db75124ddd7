#pragma once

#include <QByteArray>

namespace assay {

// A detached Ed25519 signature and the registered key that made it; a record that stores a
// signature keeps keyId beside it, so that it can be verified against signing_keys later.
struct Signature {
    qint64 keyId = 0;
    QByteArray publicKey; // 32 raw bytes
    QByteArray bytes;     // 64 raw bytes, crypto_sign_detached's output
};

} // namespace assay
