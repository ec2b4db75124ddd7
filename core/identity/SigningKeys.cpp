#include "SigningKeys.h"

#include "Identity.h"
#include "SecretStore.h"
#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

#include <QJsonObject>

#include <cstring>
#include <sodium.h>

namespace assay {
namespace {

void ensureSodium() {
    // A function-local static is initialised exactly once even when threads race here.
    static const int result = sodium_init();
    if (result < 0)
        throw AssayError(QStringLiteral("The cryptography library (libsodium) could not be initialised."));
}

const unsigned char* bytes(const QByteArray& data) {
    return reinterpret_cast<const unsigned char*>(data.constData());
}

// Wipes our copy of a secret. data() detaches first if another QByteArray shares the bytes, so
// that only our copy is wiped, never a buffer someone else still uses.
void wipe(QByteArray& data) {
    if (!data.isEmpty())
        sodium_memzero(data.data(), static_cast<std::size_t>(data.size()));
}

// The 64-byte Ed25519 secret key in sodium_malloc'ed memory: guarded pages, locked against
// swapping where the OS allows, and zeroed by sodium_free.
class SecretKeyBuffer {
public:
    SecretKeyBuffer()
        // sodium_malloc needs sodium_init first: it aborts the process otherwise.
        : m_bytes((ensureSodium(), static_cast<unsigned char*>(sodium_malloc(crypto_sign_SECRETKEYBYTES)))) {
        if (!m_bytes)
            throw AssayError(QStringLiteral("Could not allocate protected memory for a private key."));
    }
    SecretKeyBuffer(const SecretKeyBuffer&) = delete;
    SecretKeyBuffer& operator=(const SecretKeyBuffer&) = delete;
    ~SecretKeyBuffer() { sodium_free(m_bytes); }

    unsigned char* data() { return m_bytes; }
    const unsigned char* data() const { return m_bytes; }
    QByteArray publicKey() const {
        QByteArray publicKey(crypto_sign_PUBLICKEYBYTES, '\0');
        crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char*>(publicKey.data()), m_bytes);
        return publicKey;
    }
    // A view on the protected memory, not a copy: valid only while this buffer lives.
    QByteArray view() const {
        return QByteArray::fromRawData(reinterpret_cast<const char*>(m_bytes), crypto_sign_SECRETKEYBYTES);
    }

private:
    unsigned char* m_bytes;
};

QString hex(const QByteArray& data) {
    return QString::fromLatin1(data.toHex());
}

QString shortHex(const QByteArray& publicKey) {
    return hex(publicKey).left(16);
}

SigningKey keyFrom(const QSqlQuery& query) {
    SigningKey key;
    key.id = query.value(0).toLongLong();
    key.userId = query.value(1).toLongLong();
    key.login = query.value(2).toString();
    key.publicKey = QByteArray::fromHex(query.value(3).toString().toLatin1());
    key.createdAt = query.value(4).toLongLong();
    if (!query.value(5).isNull())
        key.revokedAt = query.value(5).toLongLong();
    return key;
}

const QString selectKeys =
    QStringLiteral("SELECT k.id, k.user_id, u.login, k.public_key, k.created_at, k.revoked_at "
                   "FROM signing_keys k JOIN users u ON u.id = k.user_id ");

QList<SigningKey> queryKeys(const QSqlDatabase& db, const QString& where,
                            std::initializer_list<QVariant> values) {
    QSqlQuery query = SqlQuery::run(db, selectKeys + where, values);
    QList<SigningKey> keys;
    while (query.next())
        keys << keyFrom(query);
    return keys;
}

std::optional<SigningKey> activeKeyOf(const QSqlDatabase& db, const QString& login) {
    const QList<SigningKey> keys =
        queryKeys(db, QStringLiteral("WHERE u.login = ? AND k.revoked_at IS NULL"), {login});
    return keys.isEmpty() ? std::nullopt : std::optional<SigningKey>(keys.first());
}

std::optional<SigningKey> keyWithPublicKey(const QSqlDatabase& db, const QByteArray& publicKey) {
    const QList<SigningKey> keys = queryKeys(db, QStringLiteral("WHERE k.public_key = ?"), {hex(publicKey)});
    return keys.isEmpty() ? std::nullopt : std::optional<SigningKey>(keys.first());
}

QString revokeAdvice() {
    return QStringLiteral("sign on the machine where it was created or register a new key (an admin "
                          "revokes the old one)");
}

SigningKey registerKey(WriteTransaction& tx, qint64 userId, const QByteArray& publicKey,
                       const QString& account, bool adopted) {
    const qint64 id = tx.insert(
        QStringLiteral("INSERT INTO signing_keys (user_id, public_key, created_at) VALUES (?, ?, ?)"),
        {userId, hex(publicKey), tx.now()});
    QJsonObject payload{{QStringLiteral("key_id"), id},
                        {QStringLiteral("public_key"), hex(publicKey)},
                        {QStringLiteral("algorithm"), QStringLiteral("ed25519")},
                        {QStringLiteral("keychain_account"), account}};
    if (adopted)
        payload.insert(QStringLiteral("adopted_from_keychain"), true);
    tx.audit(QStringLiteral("key.register"), QStringLiteral("user:") + tx.actor(), payload);
    SigningKey key;
    key.id = id;
    key.userId = userId;
    key.login = tx.actor();
    key.publicKey = publicKey;
    key.createdAt = tx.now();
    return key;
}

// The acting user's active key with its private half in secret, registering a new pair when
// the user has none. Everything that can fail is checked before the first write.
SigningKey prepare(WriteTransaction& tx, SecretStore& store, SecretKeyBuffer& secret) {
    ensureSodium();
    const QString login = tx.actor();
    const QVariant userId =
        SqlQuery::scalar(tx.database(), QStringLiteral("SELECT id FROM users WHERE login = ?"), {login});
    if (userId.isNull())
        throw AssayError(QStringLiteral("%1 is not a user of this workspace and cannot sign; an admin adds "
                                        "users.")
                             .arg(login));
    const QString account = SigningKeys::keychainAccount(tx.database(), login);
    const std::optional<SigningKey> active = activeKeyOf(tx.database(), login);

    std::optional<QByteArray> stored = store.load(SigningKeys::keychainService(), account);
    std::optional<QByteArray> storedPublicKey;
    if (stored) {
        if (stored->size() == crypto_sign_SECRETKEYBYTES) {
            std::memcpy(secret.data(), stored->constData(), crypto_sign_SECRETKEYBYTES);
            storedPublicKey = secret.publicKey();
        }
        wipe(*stored);
        stored.reset();
        if (!storedPublicKey)
            throw AssayError(QStringLiteral("The keychain entry %1 of service %2 does not hold an Ed25519 "
                                            "private key; remove it from the keychain and sign again.")
                                 .arg(account, SigningKeys::keychainService()));
    }

    if (active) {
        if (!storedPublicKey)
            throw AssayError(QStringLiteral("The private key for %1 is not in this machine's keychain; %2.")
                                 .arg(login, revokeAdvice()));
        if (*storedPublicKey != active->publicKey)
            throw AssayError(
                QStringLiteral("The private key for %1 in this machine's keychain (public key %2…) does not "
                               "match the key registered in this workspace (%3…); %4.")
                    .arg(login, shortHex(*storedPublicKey), shortHex(active->publicKey), revokeAdvice()));
        return *active;
    }

    if (storedPublicKey) {
        const std::optional<SigningKey> known = keyWithPublicKey(tx.database(), *storedPublicKey);
        if (known && known->login != login)
            throw AssayError(QStringLiteral("The private key in this machine's keychain for %1 is registered "
                                            "to %2 in this workspace; it will not be used.")
                                 .arg(login, known->login));
        // A key that is not registered at all was stored by a first signature whose transaction
        // then rolled back: it is the user's own, from their own keychain entry, so it is
        // registered now rather than leaving them unable to sign. A revoked key never signs
        // again: a new pair replaces it below.
        if (!known)
            return registerKey(tx, userId.toLongLong(), *storedPublicKey, account, true);
    }

    QByteArray publicKey(crypto_sign_PUBLICKEYBYTES, '\0');
    crypto_sign_keypair(reinterpret_cast<unsigned char*>(publicKey.data()), secret.data());
    // Into the keychain first: a registered key without its private half could never sign.
    store.store(SigningKeys::keychainService(), account, secret.view());
    return registerKey(tx, userId.toLongLong(), publicKey, account, false);
}

} // namespace

QString SigningKeys::keychainService() {
    return QStringLiteral("Assay");
}

QString SigningKeys::workspaceUuid(const QSqlDatabase& db) {
    const QString uuid =
        SqlQuery::scalar(db, QStringLiteral("SELECT value FROM workspace_meta WHERE key = 'uuid'"))
            .toString();
    if (uuid.isEmpty())
        throw AssayError(
            QStringLiteral("This workspace has no uuid in workspace_meta; it cannot hold signing "
                           "keys."));
    return uuid;
}

QString SigningKeys::keychainAccount(const QSqlDatabase& db, const QString& login) {
    return login + QLatin1Char('@') + workspaceUuid(db);
}

SigningKey SigningKeys::ensureKeyPair(WriteTransaction& tx, SecretStore& store) {
    SecretKeyBuffer secret;
    return prepare(tx, store, secret);
}

Signature SigningKeys::sign(WriteTransaction& tx, SecretStore& store, const QByteArray& message) {
    SecretKeyBuffer secret;
    const SigningKey key = prepare(tx, store, secret);
    Signature signature;
    signature.keyId = key.id;
    signature.publicKey = key.publicKey;
    signature.bytes = QByteArray(crypto_sign_BYTES, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.bytes.data()), nullptr, bytes(message),
                         static_cast<unsigned long long>(message.size()), secret.data());
    return signature;
}

bool SigningKeys::verify(const QByteArray& publicKey, const QByteArray& message,
                         const QByteArray& signature) {
    ensureSodium();
    if (publicKey.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES)
        return false;
    return crypto_sign_verify_detached(bytes(signature), bytes(message),
                                       static_cast<unsigned long long>(message.size()),
                                       bytes(publicKey)) == 0;
}

void SigningKeys::revoke(WriteTransaction& tx, const QString& login) {
    Identity::requireRole(tx, Role::Admin, QStringLiteral("revoke signing keys"));
    const std::optional<SigningKey> active = activeKeyOf(tx.database(), login);
    if (!active)
        throw AssayError(QStringLiteral("%1 has no active signing key in this workspace.").arg(login));
    tx.run(QStringLiteral("UPDATE signing_keys SET revoked_at = ? WHERE id = ?"), {tx.now(), active->id});
    tx.audit(
        QStringLiteral("key.revoke"), QStringLiteral("user:") + login,
        {{QStringLiteral("key_id"), active->id}, {QStringLiteral("public_key"), hex(active->publicKey)}});
}

QList<SigningKey> SigningKeys::keys() const {
    return queryKeys(m_workspace.database(), QStringLiteral("ORDER BY k.id"), {});
}

std::optional<SigningKey> SigningKeys::key(qint64 id) const {
    const QList<SigningKey> found = queryKeys(m_workspace.database(), QStringLiteral("WHERE k.id = ?"), {id});
    return found.isEmpty() ? std::nullopt : std::optional<SigningKey>(found.first());
}

std::optional<SigningKey> SigningKeys::activeKey(const QString& login) const {
    return activeKeyOf(m_workspace.database(), login);
}

bool SigningKeys::verify(qint64 keyId, const QByteArray& message, const QByteArray& signature) const {
    const std::optional<SigningKey> registered = key(keyId);
    return registered && verify(registered->publicKey, message, signature);
}

} // namespace assay
