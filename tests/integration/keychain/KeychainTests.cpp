// Against a real Secret Service: run through with-keyring.sh, which starts a private D-Bus
// session with an unlocked gnome-keyring (ctest does so).
#include "core/base/SqlQuery.h"
#include "core/identity/QtKeychainSecretStore.h"
#include "core/identity/SigningKeys.h"
#include "core/workspace/AuditLog.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::TemporaryWorkspace;

namespace {

const QString service = QStringLiteral("Assay-keychain-test");

void requireSession() {
    INFO("run this test through tests/integration/with-keyring.sh, which provides a Secret Service");
    REQUIRE(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"));
}

} // namespace

TEST_CASE("The QtKeychain store keeps, replaces and removes a binary secret", "[keychain]") {
    requireSession();
    QtKeychainSecretStore store(30'000);
    const QString account = QStringLiteral("alice@round-trip");
    const QByteArray secret = QByteArray::fromHex("00ff10200030") + QByteArray(58, '\x7f');

    CHECK_FALSE(store.load(service, account).has_value());
    store.store(service, account, secret);
    CHECK(store.load(service, account) == secret);
    // Another store object, as another run of the program would have, sees it too.
    CHECK(QtKeychainSecretStore().load(service, account) == secret);

    const QByteArray replacement("a different secret");
    store.store(service, account, replacement);
    CHECK(store.load(service, account) == replacement);
    CHECK_FALSE(store.load(service, QStringLiteral("bob@round-trip")).has_value());

    store.remove(service, account);
    CHECK_FALSE(store.load(service, account).has_value());
    CHECK_NOTHROW(store.remove(service, account)); // removing twice is not an error
}

TEST_CASE("Signing keys live in the real keychain from end to end", "[keychain][signing]") {
    requireSession();
    TemporaryWorkspace ws(QStringLiteral("alice"));
    QtKeychainSecretStore store(30'000);
    const QByteArray message("approve request 1 at evidence 9c1e");

    Signature first;
    ws->write([&](WriteTransaction& tx) {
        first = SigningKeys::sign(tx, store, message);
        tx.audit(QStringLiteral("test.sign"), QStringLiteral("test"), {});
    });
    CHECK(SigningKeys::verify(first.publicKey, message, first.bytes));
    CHECK(SigningKeys(ws.workspace()).verify(first.keyId, message, first.bytes));

    const QString account = SigningKeys::keychainAccount(ws->database(), QStringLiteral("alice"));
    const std::optional<QByteArray> secret =
        QtKeychainSecretStore().load(SigningKeys::keychainService(), account);
    REQUIRE(secret.has_value());
    CHECK(secret->size() == 64);
    CHECK(secret->right(32) == first.publicKey); // an Ed25519 secret key ends with its public key

    // A second signature, from a fresh store object, uses the same registered key.
    Signature second;
    ws->write([&](WriteTransaction& tx) {
        QtKeychainSecretStore again;
        second = SigningKeys::sign(tx, again, QByteArray("second"));
        tx.audit(QStringLiteral("test.sign"), QStringLiteral("test"), {});
    });
    CHECK(second.keyId == first.keyId);
    CHECK(SqlQuery::scalar(ws->database(), QStringLiteral("SELECT count(*) FROM signing_keys")).toInt() == 1);
    CHECK(AuditLog::verify(ws->database()).intact);

    // Without the keychain entry, the registered key cannot sign, and says why.
    store.remove(SigningKeys::keychainService(), account);
    CHECK_THROWS_WITH(ws->write([&](WriteTransaction& tx) { SigningKeys::sign(tx, store, message); }),
                      Catch::Contains("not in this machine's keychain"));
}
