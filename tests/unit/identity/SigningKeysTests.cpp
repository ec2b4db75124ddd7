#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"
#include "core/identity/Identity.h"
#include "core/identity/InMemorySecretStore.h"
#include "core/identity/KeychainUnavailableError.h"
#include "core/identity/QtKeychainSecretStore.h"
#include "core/identity/SigningKeys.h"
#include "core/workspace/AuditLog.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>

using namespace assay;
using assay::test::runCommand;
using assay::test::TemporaryWorkspace;

namespace {

// A keychain that cannot be reached, as on a machine without a Secret Service.
class UnavailableSecretStore : public SecretStore {
public:
    void store(const QString&, const QString&, const QByteArray&) override { unavailable(); }
    std::optional<QByteArray> load(const QString&, const QString&) override { unavailable(); }
    void remove(const QString&, const QString&) override { unavailable(); }

private:
    [[noreturn]] static void unavailable() {
        throw KeychainUnavailableError(QStringLiteral("Could not reach the OS keychain (test backend)."));
    }
};

Signature signAs(Workspace& workspace, SecretStore& store, const QByteArray& message) {
    Signature signature;
    workspace.write([&](WriteTransaction& tx) {
        signature = SigningKeys::sign(tx, store, message);
        // Signing alone may write nothing; a decision records its own event in the same way.
        tx.audit(QStringLiteral("test.sign"), QStringLiteral("test"), {});
    });
    return signature;
}

int count(const Workspace& workspace, const QString& sql) {
    return SqlQuery::scalar(workspace.database(), sql).toInt();
}

QStringList filesUnder(const QString& dir) {
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QFileInfo(it.next()).fileName();
    files.sort();
    return files;
}

} // namespace

TEST_CASE("The first signature makes and registers exactly one key", "[signing]") {
    TemporaryWorkspace ws(QStringLiteral("alice"));
    InMemorySecretStore store;
    const QByteArray message("evidence sha256 of request 1");

    const Signature first = signAs(ws.workspace(), store, message);
    const Signature second = signAs(ws.workspace(), store, QByteArray("another message"));

    const QList<SigningKey> keys = SigningKeys(ws.workspace()).keys();
    REQUIRE(keys.size() == 1);
    CHECK(keys.first().login == QLatin1String("alice"));
    CHECK(keys.first().isActive());
    CHECK(keys.first().publicKey.size() == 32);
    CHECK(first.keyId == keys.first().id);
    CHECK(second.keyId == keys.first().id);
    CHECK(first.bytes.size() == 64);
    CHECK(store.size() == 1);
    const QString account = SigningKeys::keychainAccount(ws->database(), QStringLiteral("alice"));
    CHECK(account.startsWith(QLatin1String("alice@")));
    CHECK(account.size() == 6 + 32); // login@ and the workspace's 128-bit uuid in hex
    REQUIRE(store.load(SigningKeys::keychainService(), account).has_value());

    CHECK(count(ws.workspace(),
                QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'key.register'")) == 1);
    CHECK(SqlQuery::scalar(ws->database(),
                           QStringLiteral("SELECT json_extract(payload, '$.public_key') FROM audit_log WHERE "
                                          "action = 'key.register'"))
              .toString() == QString::fromLatin1(keys.first().publicKey.toHex()));
    CHECK(AuditLog::verify(ws->database()).intact);
}

TEST_CASE("Signatures verify — a flipped bit in the message or the signature does not", "[signing]") {
    TemporaryWorkspace ws(QStringLiteral("alice"));
    InMemorySecretStore store;
    const QByteArray message("approve request 7 at evidence 3f2a");
    const Signature signature = signAs(ws.workspace(), store, message);
    const SigningKeys keys(ws.workspace());

    CHECK(SigningKeys::verify(signature.publicKey, message, signature.bytes));
    CHECK(keys.verify(signature.keyId, message, signature.bytes));

    QByteArray flippedMessage = message;
    flippedMessage[5] = static_cast<char>(flippedMessage[5] ^ 0x01);
    CHECK_FALSE(keys.verify(signature.keyId, flippedMessage, signature.bytes));

    QByteArray flippedSignature = signature.bytes;
    flippedSignature[40] = static_cast<char>(flippedSignature[40] ^ 0x80);
    CHECK_FALSE(keys.verify(signature.keyId, message, flippedSignature));

    CHECK_FALSE(SigningKeys::verify(signature.publicKey, message, signature.bytes.left(63)));
    CHECK_FALSE(SigningKeys::verify(QByteArray(), message, signature.bytes));
    CHECK_FALSE(keys.verify(signature.keyId + 100, message, signature.bytes));
}

TEST_CASE("A public key swapped in the file makes verification fail", "[signing]") {
    TemporaryWorkspace ws(QStringLiteral("alice"));
    ws->write(
        [](WriteTransaction& tx) { Identity::addUser(tx, QStringLiteral("bob"), {}, {Role::Validator}); });
    InMemorySecretStore store;
    const QByteArray message("decision 1");
    const Signature alices = signAs(ws.workspace(), store, message);
    signAs(*ws.reopen(QStringLiteral("bob")), store, QByteArray("decision 2"));
    REQUIRE(SigningKeys(ws.workspace()).verify(alices.keyId, message, alices.bytes));

    // What someone with the sqlite3 shell can do: give alice's key row bob's public key.
    const QString path = ws.path();
    ws.close();
    REQUIRE(runCommand(QStringLiteral("sqlite3"),
                       {path, QStringLiteral("UPDATE signing_keys SET public_key = '%1' WHERE id = %2;")
                                  .arg(QString(64, QLatin1Char('a')))
                                  .arg(alices.keyId)}) == 0);
    const auto reopened = ws.reopen();
    CHECK_FALSE(SigningKeys(*reopened).verify(alices.keyId, message, alices.bytes));
}

TEST_CASE("A registered key whose private half is not in this keychain is refused clearly", "[signing]") {
    TemporaryWorkspace ws(QStringLiteral("alice"));
    InMemorySecretStore machineA;
    signAs(ws.workspace(), machineA, QByteArray("first"));

    InMemorySecretStore machineB;
    CHECK_THROWS_WITH(signAs(ws.workspace(), machineB, QByteArray("second")),
                      Catch::Contains("the private key for alice is not in this machine's keychain",
                                      Catch::CaseSensitive::No) &&
                          Catch::Contains("sign on the machine where it was created or register a new key"));
    CHECK(machineB.size() == 0);
    CHECK(SigningKeys(ws.workspace()).keys().size() == 1);

    SECTION("a different private key under the same account is refused too") {
        InMemorySecretStore other;
        TemporaryWorkspace elsewhere(QStringLiteral("alice"));
        signAs(elsewhere.workspace(), other, QByteArray("x"));
        const QByteArray foreign =
            *other.load(SigningKeys::keychainService(),
                        SigningKeys::keychainAccount(elsewhere->database(), QStringLiteral("alice")));
        machineB.store(SigningKeys::keychainService(),
                       SigningKeys::keychainAccount(ws->database(), QStringLiteral("alice")), foreign);
        CHECK_THROWS_WITH(signAs(ws.workspace(), machineB, QByteArray("second")),
                          Catch::Contains("does not match the key registered in this workspace"));
    }

    SECTION("after an admin revokes the old key, a new one is registered") {
        ws->write([](WriteTransaction& tx) { SigningKeys::revoke(tx, QStringLiteral("alice")); });
        const Signature signature = signAs(ws.workspace(), machineB, QByteArray("second"));
        const QList<SigningKey> keys = SigningKeys(ws.workspace()).keys();
        REQUIRE(keys.size() == 2);
        CHECK_FALSE(keys[0].isActive());
        CHECK(keys[1].isActive());
        CHECK(signature.keyId == keys[1].id);
        // The old machine's key was revoked: it never signs again, there or here.
        CHECK_THROWS_WITH(signAs(ws.workspace(), machineA, QByteArray("third")),
                          Catch::Contains("does not match the key registered in this workspace"));
    }
}

TEST_CASE("An unreachable keychain stops signing before anything is written", "[signing]") {
    TemporaryWorkspace ws(QStringLiteral("alice"));
    const QStringList filesBefore = filesUnder(ws.dir());
    const int eventsBefore = count(ws.workspace(), QStringLiteral("SELECT count(*) FROM audit_log"));
    UnavailableSecretStore store;

    CHECK_THROWS_AS(signAs(ws.workspace(), store, QByteArray("decision")), KeychainUnavailableError);
    CHECK_THROWS_WITH(signAs(ws.workspace(), store, QByteArray("decision")), Catch::Contains("test backend"));

    CHECK(count(ws.workspace(), QStringLiteral("SELECT count(*) FROM signing_keys")) == 0);
    CHECK(count(ws.workspace(), QStringLiteral("SELECT count(*) FROM audit_log")) == eventsBefore);
    // No plaintext fallback: the workspace folder holds exactly the files it held before.
    CHECK(filesUnder(ws.dir()) == filesBefore);
    CHECK(AuditLog::verify(ws->database()).intact);
}

TEST_CASE("Only an admin revokes a signing key", "[signing][identity]") {
    TemporaryWorkspace ws(QStringLiteral("alice"));
    ws->write(
        [](WriteTransaction& tx) { Identity::addUser(tx, QStringLiteral("bob"), {}, {Role::Validator}); });
    InMemorySecretStore store;
    const auto asBob = ws.reopen(QStringLiteral("bob"));
    signAs(*asBob, store, QByteArray("bob's decision"));

    CHECK_THROWS_WITH(
        asBob->write([](WriteTransaction& tx) { SigningKeys::revoke(tx, QStringLiteral("bob")); }),
        Catch::Contains("bob may not revoke signing keys") && Catch::Contains("admin role"));
    CHECK(SigningKeys(ws.workspace()).activeKey(QStringLiteral("bob")).has_value());

    ws->write([](WriteTransaction& tx) { SigningKeys::revoke(tx, QStringLiteral("bob")); });
    CHECK_FALSE(SigningKeys(ws.workspace()).activeKey(QStringLiteral("bob")).has_value());
    CHECK(count(ws.workspace(),
                QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'key.revoke'")) == 1);
    CHECK_THROWS_WITH(ws->write([](WriteTransaction& tx) { SigningKeys::revoke(tx, QStringLiteral("bob")); }),
                      Catch::Contains("no active signing key"));
    CHECK(AuditLog::verify(ws->database()).intact);
}

TEST_CASE("A private key left by a rolled-back first signature is registered, not refused", "[signing]") {
    TemporaryWorkspace ws(QStringLiteral("alice"));
    InMemorySecretStore store;
    CHECK_THROWS_WITH(ws->write([&](WriteTransaction& tx) {
        SigningKeys::sign(tx, store, QByteArray("decision"));
        throw AssayError(QStringLiteral("the decision failed after signing"));
    }),
                      Catch::Contains("failed after signing"));
    CHECK(store.size() == 1);
    CHECK(SigningKeys(ws.workspace()).keys().isEmpty());

    const Signature signature = signAs(ws.workspace(), store, QByteArray("decision"));
    CHECK(SigningKeys(ws.workspace()).verify(signature.keyId, QByteArray("decision"), signature.bytes));
    CHECK(SqlQuery::scalar(
              ws->database(),
              QStringLiteral("SELECT json_extract(payload, '$.adopted_from_keychain') FROM audit_log "
                             "WHERE action = 'key.register'"))
              .toInt() == 1);
}

TEST_CASE("Without a reachable Secret Service the real keychain store throws and writes no file",
          "[signing][keychain]") {
    // A child process, so that the session bus address pointing nowhere cannot leak into the
    // other tests (QtDBus caches its session connection).
    if (qEnvironmentVariableIsSet("ASSAY_KEYCHAIN_CHILD")) {
        QtKeychainSecretStore store(20'000);
        try {
            store.store(QStringLiteral("Assay-test"), QStringLiteral("nobody@nowhere"), QByteArray("secret"));
        } catch (const KeychainUnavailableError& error) {
            std::printf("%s\n", qPrintable(error.message()));
            std::fflush(stdout);
            std::exit(3);
        }
        std::exit(0);
    }
    QTemporaryDir home;
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ASSAY_KEYCHAIN_CHILD"), QStringLiteral("1"));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=") + home.filePath(QStringLiteral("no-bus")));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
    env.remove(QStringLiteral("DISPLAY"));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral(
                    "Without a reachable Secret Service the real keychain store throws and writes no file")});
    REQUIRE(child.waitForFinished(60'000));
    const QString output = QString::fromUtf8(child.readAll());
    INFO(output.toStdString());
    CHECK(child.exitCode() == 3);
    CHECK(output.contains(QLatin1String("Secret Service or KWallet")));
    CHECK(output.contains(QLatin1String("never in a plaintext file")));
    CHECK(filesUnder(home.path()).isEmpty());
}
