#pragma once

#include "SecretStore.h"

namespace assay {

// The OS keychain through QtKeychain: the Secret Service (gnome-keyring, KeePassXC) or KWallet
// on Linux, the macOS Keychain, the Windows Credential Store. QtKeychain's jobs are
// asynchronous; each call here runs one job in a local event loop and returns when it has
// finished, so it needs a QCoreApplication and must not be called from a thread without one.
// QtKeychain's insecure plaintext fallback is switched off explicitly on every job.
class QtKeychainSecretStore : public SecretStore {
public:
    // timeoutMs bounds a job that never answers (a keychain daemon that hangs); an unlock prompt
    // the user has to answer counts against it, hence the generous default.
    explicit QtKeychainSecretStore(int timeoutMs = 120'000)
        : m_timeoutMs(timeoutMs) {}

    void store(const QString& service, const QString& account, const QByteArray& secret) override;
    std::optional<QByteArray> load(const QString& service, const QString& account) override;
    void remove(const QString& service, const QString& account) override;

    // The keychain this platform uses, as error messages name it.
    static QString backendName();

private:
    int m_timeoutMs;
};

} // namespace assay
