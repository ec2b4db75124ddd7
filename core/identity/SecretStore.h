#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace assay {

// A small, synchronous view of the OS keychain: secrets addressed by (service, account).
// Code that needs a secret takes a SecretStore& so that tests can hand it an in-memory store
// and the application the real keychain (QtKeychainSecretStore); there is no global instance.
// Implementations throw KeychainUnavailableError when the keychain cannot be reached and must
// never keep a secret anywhere else instead.
class SecretStore {
public:
    SecretStore() = default;
    SecretStore(const SecretStore&) = delete;
    SecretStore& operator=(const SecretStore&) = delete;
    virtual ~SecretStore() = default;

    // Creates or replaces the secret.
    virtual void store(const QString& service, const QString& account, const QByteArray& secret) = 0;
    // The secret, or nothing when there is no entry; a keychain that cannot be asked throws.
    virtual std::optional<QByteArray> load(const QString& service, const QString& account) = 0;
    // Removes the entry; removing an entry that is not there is not an error.
    virtual void remove(const QString& service, const QString& account) = 0;
};

} // namespace assay
