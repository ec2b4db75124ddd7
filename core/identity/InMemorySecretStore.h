#pragma once

#include "SecretStore.h"

#include <QHash>
#include <QPair>

#include <sodium.h>

namespace assay {

// Secrets held in this process only, for keys that must not outlive it: the demo's fictional
// reviewers sign with them, and unit tests use it instead of a keychain daemon. Wiped when the
// store goes.
class InMemorySecretStore : public SecretStore {
public:
    InMemorySecretStore() = default;
    ~InMemorySecretStore() override {
        for (QByteArray& secret : m_secrets)
            sodium_memzero(secret.data(), static_cast<std::size_t>(secret.size()));
    }

    void store(const QString& service, const QString& account, const QByteArray& secret) override {
        // A deep copy: callers pass views on memory they wipe afterwards.
        m_secrets.insert({service, account}, QByteArray(secret.constData(), secret.size()));
    }
    std::optional<QByteArray> load(const QString& service, const QString& account) override {
        const auto found = m_secrets.constFind({service, account});
        // A copy of its own, as a real keychain hands out: the caller wipes it.
        return found == m_secrets.cend()
                   ? std::nullopt
                   : std::optional<QByteArray>(QByteArray(found->constData(), found->size()));
    }
    void remove(const QString& service, const QString& account) override {
        m_secrets.remove({service, account});
    }

    qsizetype size() const { return m_secrets.size(); }

private:
    QHash<QPair<QString, QString>, QByteArray> m_secrets;
};

} // namespace assay
