#pragma once

#include "Signature.h"
#include "SigningKey.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace assay {

class SecretStore;
class Workspace;
class WriteTransaction;

// Ed25519 signing keys (DESIGN §5). A user's key pair is made at their first signature in a
// workspace: the private key goes to the OS keychain (a SecretStore) under service "Assay" and
// account "<login>@<workspace uuid>", the public key into signing_keys with a key.register
// audit event. The key is per workspace and per machine: signing needs the keychain of the
// machine where the key was made, and an admin's revocation lets the user register a new one.
// Private keys never touch the workspace, a log or a plaintext file.
class SigningKeys {
public:
    explicit SigningKeys(const Workspace& workspace)
        : m_workspace(workspace) {}

    static QString keychainService();
    // The keychain account of login's key for the workspace db belongs to.
    static QString keychainAccount(const QSqlDatabase& db, const QString& login);
    static QString workspaceUuid(const QSqlDatabase& db);

    // Makes sure the acting user has an active registered key whose private half is in store,
    // making and registering one if they have none. Refuses, with a message saying what to do,
    // a registered key whose private key is missing from this keychain or does not match it.
    // KeychainUnavailableError from store propagates before anything is written.
    static SigningKey ensureKeyPair(WriteTransaction& tx, SecretStore& store);
    // Signs message as the acting user (ensureKeyPair first). The private key is held in locked
    // memory only for the call and wiped afterwards.
    static Signature sign(WriteTransaction& tx, SecretStore& store, const QByteArray& message);
    // Checks a detached signature; false for malformed keys or signatures rather than throwing.
    static bool verify(const QByteArray& publicKey, const QByteArray& message, const QByteArray& signature);
    // Revokes login's active key; only an admin may. The row stays for old signatures.
    static void revoke(WriteTransaction& tx, const QString& login);

    QList<SigningKey> keys() const;
    std::optional<SigningKey> key(qint64 id) const;
    std::optional<SigningKey> activeKey(const QString& login) const;
    // Verifies against the public key registered under keyId, as it is in the file now.
    bool verify(qint64 keyId, const QByteArray& message, const QByteArray& signature) const;

private:
    const Workspace& m_workspace;
};

} // namespace assay
