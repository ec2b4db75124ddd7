#include "QtKeychainSecretStore.h"

#include "KeychainUnavailableError.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <memory>
#include <sodium.h>

namespace assay {
namespace {

enum class Operation { Store, Load, Remove };

QString verb(Operation operation) {
    switch (operation) {
    case Operation::Store:
        return QStringLiteral("store");
    case Operation::Load:
        return QStringLiteral("read");
    case Operation::Remove:
        return QStringLiteral("remove");
    }
    return {};
}

QString describe(QKeychain::Error error) {
    switch (error) {
    case QKeychain::NoBackendAvailable:
        return QStringLiteral("no keychain service is running or reachable");
    case QKeychain::AccessDeniedByUser:
        return QStringLiteral("access was denied at the keychain's prompt");
    case QKeychain::AccessDenied:
        return QStringLiteral("the keychain denied access (is it locked?)");
    case QKeychain::NotImplemented:
        return QStringLiteral("this platform has no supported keychain");
    case QKeychain::CouldNotDeleteEntry:
        return QStringLiteral("the entry could not be deleted");
    case QKeychain::EntryNotFound:
        return QStringLiteral("there is no such entry");
    case QKeychain::OtherError:
    case QKeychain::NoError:
        break;
    }
    return QStringLiteral("the keychain reported an error");
}

[[noreturn]] void fail(Operation operation, const QString& account, const QString& reason) {
    throw KeychainUnavailableError(
        QStringLiteral("Could not %1 the secret for %2 in the OS keychain (%3): %4. Assay keeps private "
                       "keys only in the keychain and never in a plaintext file; make the keychain "
                       "available (unlocked, its service running) and try again.")
            .arg(verb(operation), account, QtKeychainSecretStore::backendName(), reason));
}

// Runs a configured job to completion. The job is not auto-deleted, so that its result can be
// read after finished(); a job that times out is left to delete itself if it ever finishes.
void runJob(QKeychain::Job& job, Operation operation, const QString& account, int timeoutMs) {
    if (!QCoreApplication::instance())
        fail(operation, account, QStringLiteral("the keychain needs a running Qt application object"));
    job.setInsecureFallback(false);
    job.setSettings(nullptr);
    job.setKey(account);
    bool finished = false;
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&finished, &loop] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job.start();
    // start() queues the job; the loop runs until it has finished or the timeout passed.
    if (!finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!finished) {
        // QtKeychain cannot cancel a job: let it delete itself if it ever finishes.
        job.setAutoDelete(true);
        fail(operation, account,
             QStringLiteral("the keychain did not answer within %1 seconds").arg(timeoutMs / 1000));
    }
}

// Owns a job, except one that timed out: runJob made that one delete itself when it finishes.
struct JobDeleter {
    void operator()(QKeychain::Job* job) const {
        if (!job->autoDelete())
            delete job;
    }
};

template <typename JobType>
std::unique_ptr<JobType, JobDeleter> makeJob(const QString& service) {
    std::unique_ptr<JobType, JobDeleter> job(new JobType(service));
    job->setAutoDelete(false);
    return job;
}

} // namespace

QString QtKeychainSecretStore::backendName() {
#if defined(Q_OS_MACOS)
    return QStringLiteral("macOS Keychain");
#elif defined(Q_OS_WIN)
    return QStringLiteral("Windows Credential Store");
#else
    return QStringLiteral("Secret Service or KWallet over D-Bus");
#endif
}

void QtKeychainSecretStore::store(const QString& service, const QString& account, const QByteArray& secret) {
    // secret may be a view on memory the caller wipes and frees when this returns, while a job
    // that timed out lives on: the job gets its own copy, wiped here once the job is done.
    struct WipedCopy {
        QByteArray bytes;
        ~WipedCopy() {
            if (!bytes.isEmpty())
                sodium_memzero(const_cast<char*>(bytes.constData()), static_cast<std::size_t>(bytes.size()));
        }
    } copy{QByteArray(secret.constData(), secret.size())};
    auto job = makeJob<QKeychain::WritePasswordJob>(service);
    job->setBinaryData(copy.bytes);
    runJob(*job, Operation::Store, account, m_timeoutMs);
    if (job->error() != QKeychain::NoError)
        fail(Operation::Store, account,
             describe(job->error()) + QStringLiteral(" (") + job->errorString() + QLatin1Char(')'));
}

std::optional<QByteArray> QtKeychainSecretStore::load(const QString& service, const QString& account) {
    auto job = makeJob<QKeychain::ReadPasswordJob>(service);
    runJob(*job, Operation::Load, account, m_timeoutMs);
    if (job->error() == QKeychain::EntryNotFound)
        return std::nullopt;
    if (job->error() != QKeychain::NoError)
        fail(Operation::Load, account,
             describe(job->error()) + QStringLiteral(" (") + job->errorString() + QLatin1Char(')'));
    return job->binaryData();
}

void QtKeychainSecretStore::remove(const QString& service, const QString& account) {
    auto job = makeJob<QKeychain::DeletePasswordJob>(service);
    runJob(*job, Operation::Remove, account, m_timeoutMs);
    if (job->error() == QKeychain::EntryNotFound)
        return;
    if (job->error() != QKeychain::NoError)
        fail(Operation::Remove, account,
             describe(job->error()) + QStringLiteral(" (") + job->errorString() + QLatin1Char(')'));
}

} // namespace assay
