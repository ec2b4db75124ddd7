// Several Assay processes on one workspace (issue 8): 8 writer processes at once, in WAL and in
// the rollback journal that network filesystems get, then every write is in the file, the file
// is sound and the audit chain and signatures verify; and writers killed at random moments
// leave a file that opens, checks and takes the next writer's work.
#include "SharedWorkspaceSetup.h"
#include "SharedWritePlan.h"
#include "SharedWriterProcess.h"
#include "core/audit/WorkspaceIntegrity.h"
#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"
#include "core/governance/PromotionRequests.h"
#include "core/tracking/MetricStore.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/Workspace.h"
#include "tests/support/CliRunner.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <limits>
#include <memory>

using namespace assay;
using namespace assay::test;

namespace {

constexpr int writerCount = 8;
constexpr int writesEach = 300;
constexpr int writerTimeoutMs = 240'000;

QStringList writerLogins(const QString& prefix, int count) {
    QStringList logins;
    for (int i = 1; i <= count; ++i)
        logins << QStringLiteral("%1%2").arg(prefix).arg(i);
    return logins;
}

std::unique_ptr<Workspace> openAs(const QString& path, bool networkFileSystem, const QString& actor) {
    WorkspaceOptions options;
    options.actor = actor;
    options.networkFileSystem = networkFileSystem;
    return Workspace::open(path, options);
}

QString describe(const IntegrityReport& report) {
    QStringList lines;
    for (const IntegrityProblem& problem : report.problems)
        lines << QStringLiteral("seq %1 %2: %3").arg(problem.seq).arg(problem.entity, problem.message);
    return lines.join(QLatin1Char('\n'));
}

// The file as a later user finds it: it opens, SQLite finds it sound, and the audit chain and
// every decision's signature verify, through core and through assay-cli.
void checkSound(const QString& path, bool networkFileSystem) {
    std::unique_ptr<Workspace> workspace;
    REQUIRE_NOTHROW(workspace = openAs(path, networkFileSystem, QStringLiteral("tester")));
    CHECK(SqlQuery::scalar(workspace->database(), QStringLiteral("PRAGMA integrity_check")).toString() ==
          QLatin1String("ok"));
    CHECK_FALSE(SqlQuery::run(workspace->database(), QStringLiteral("PRAGMA foreign_key_check")).next());
    const IntegrityReport report = WorkspaceIntegrity::check(*workspace);
    INFO(describe(report).toStdString());
    CHECK(report.isIntact());
    workspace.reset();
    if (!networkFileSystem) {
        // assay-cli probes the filesystem: on this local disk it would turn a file that stands in
        // for one on a share to WAL, so it joins in the WAL case only.
        const CliResult verified =
            runCli({QStringLiteral("-w"), path, QStringLiteral("audit"), QStringLiteral("verify")});
        INFO(verified.err.toStdString());
        CHECK(verified.status == 0);
        CHECK(verified.out.contains(QLatin1String("intact")));
    }
}

struct Counted {
    int runs = 0;
    qint64 points = 0;
    int tags = 0;
    int decisions = 0;
    int verifiedDecisions = 0;
};

// What login's writes left in the file, read back through core.
Counted countWrites(const Workspace& workspace, const QString& login, const QList<SignatureCheck>& checks) {
    Counted counted;
    const Tracking tracking(workspace);
    if (const std::optional<Experiment> experiment =
            tracking.experimentByName(SharedWritePlan::experimentName(login))) {
        for (const Run& run : tracking.runs(experiment->id)) {
            ++counted.runs;
            const std::optional<MetricSummary> summary =
                MetricStore(workspace).summary(run.id, SharedWritePlan::metricKey());
            const qint64 stored = static_cast<qint64>(
                MetricStore(workspace).series(run.id, SharedWritePlan::metricKey()).size());
            CHECK(stored == (summary ? summary->count : 0));
            counted.points += stored;
            const QMap<QString, QString> tags = tracking.tags(run.id);
            for (auto it = tags.cbegin(); it != tags.cend(); ++it)
                counted.tags += it.key().startsWith(SharedWritePlan::tagPrefix()) ? 1 : 0;
        }
    }
    for (const SignatureCheck& check : checks) {
        if (check.decidedBy != login)
            continue;
        ++counted.decisions;
        counted.verifiedDecisions += check.status == Decision::Status::Verified ? 1 : 0;
    }
    return counted;
}

// Other processes on the file while the writers run, until they end: the test's own
// connection verifying the audit chain (as the GUI's Audit page does after each commit) and, on
// local disk, assay-cli logging runs and verifying. Each must succeed every time.
struct Bystanders {
    int integrityChecks = 0;
    int cliLogs = 0;
    int cliVerifies = 0;
    QStringList failures;
};

Bystanders watch(const QString& path, bool networkFileSystem,
                 std::vector<std::unique_ptr<SharedWriterProcess>>& writers) {
    Bystanders bystanders;
    const auto anyRunning = [&] {
        return std::any_of(writers.begin(), writers.end(), [](auto& writer) { return writer->isRunning(); });
    };
    const auto observer = openAs(path, networkFileSystem, QStringLiteral("tester"));
    while (anyRunning()) {
        try {
            const IntegrityReport report = WorkspaceIntegrity::check(*observer);
            ++bystanders.integrityChecks;
            if (!report.isIntact())
                bystanders.failures << QStringLiteral("integrity check: ") + describe(report);
        } catch (const AssayError& error) {
            bystanders.failures << QStringLiteral("integrity check threw: ") + error.message();
        }
        if (networkFileSystem)
            continue;
        const CliResult logged = runCli(
            {QStringLiteral("-w"), path, QStringLiteral("log")},
            QStringLiteral(
                "{\"experiment\": \"shared-cli\", \"run\": \"cli-%1\", \"metrics\": {\"m\": [[0, 1.0], "
                "[1, 0.5]]}}\n")
                .arg(bystanders.cliLogs + 1)
                .toUtf8());
        if (logged.status == 0)
            ++bystanders.cliLogs;
        else
            bystanders.failures << QStringLiteral("assay-cli log: ") + logged.err;
        const CliResult verified =
            runCli({QStringLiteral("-w"), path, QStringLiteral("audit"), QStringLiteral("verify")});
        ++bystanders.cliVerifies;
        if (verified.status != 0)
            bystanders.failures << QStringLiteral("assay-cli audit verify: ") + verified.err;
    }
    return bystanders;
}

struct Figures {
    int transactions = 0;
    qint64 wallMs = 0;
    std::vector<qint64> latenciesUs;

    double perSecond() const { return wallMs > 0 ? transactions * 1000.0 / static_cast<double>(wallMs) : 0; }
    double latencyMs(double fraction) const {
        return static_cast<double>(SharedWriterReport::percentile(latenciesUs, fraction)) / 1000.0;
    }
};

Figures figuresOf(const std::vector<SharedWriterReport>& reports) {
    Figures figures;
    qint64 start = std::numeric_limits<qint64>::max();
    qint64 end = 0;
    for (const SharedWriterReport& report : reports) {
        figures.transactions += report.writes();
        start = std::min(start, report.startedAt);
        end = std::max(end, report.finishedAt);
        figures.latenciesUs.insert(figures.latenciesUs.end(), report.latenciesUs.cbegin(),
                                   report.latenciesUs.cend());
    }
    figures.wallMs = end > start ? end - start : 0;
    return figures;
}

void publish(const QString& journal, const Figures& figures, const Bystanders& bystanders, qint64 testMs) {
    const QJsonObject object{{QStringLiteral("shared_workspace_figures"), journal},
                             {QStringLiteral("processes"), writerCount},
                             {QStringLiteral("transactions"), figures.transactions},
                             {QStringLiteral("wall_ms"), figures.wallMs},
                             {QStringLiteral("tx_per_s"), qRound(figures.perSecond() * 10) / 10.0},
                             {QStringLiteral("p50_ms"), figures.latencyMs(0.50)},
                             {QStringLiteral("p99_ms"), figures.latencyMs(0.99)},
                             {QStringLiteral("max_ms"), figures.latencyMs(1.0)},
                             {QStringLiteral("integrity_checks_alongside"), bystanders.integrityChecks},
                             {QStringLiteral("cli_logs_alongside"), bystanders.cliLogs},
                             {QStringLiteral("cli_verifies_alongside"), bystanders.cliVerifies},
                             {QStringLiteral("test_ms"), testMs}};
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
    std::printf("%s\n", line.constData());
    std::fflush(stdout);
    WARN(line.toStdString());
}

void eightWriters(bool networkFileSystem) {
    QElapsedTimer testTime;
    testTime.start();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shared.assay"));
    const QStringList logins = writerLogins(QStringLiteral("writer"), writerCount);
    SharedWorkspaceSetup::prepare(path, networkFileSystem, logins, SharedWritePlan::decisionsFor(writesEach));

    // Every writer opens the file first and then waits for the same moment to begin.
    const qint64 startAt = QDateTime::currentMSecsSinceEpoch() + 2'000;
    std::vector<std::unique_ptr<SharedWriterProcess>> writers;
    for (int i = 0; i < writerCount; ++i) {
        SharedWriterProcess::Arguments arguments;
        arguments.path = path;
        arguments.login = logins[i];
        arguments.writes = writesEach;
        arguments.seed = static_cast<unsigned>(i + 1);
        arguments.networkFileSystem = networkFileSystem;
        arguments.refresh = i % 2 == 0; // half of them refresh after others' commits, as GUIs do
        arguments.startAt = startAt;
        writers.push_back(std::make_unique<SharedWriterProcess>(arguments));
    }
    const Bystanders bystanders = watch(path, networkFileSystem, writers);
    std::vector<SharedWriterReport> reports;
    for (auto& writer : writers)
        reports.push_back(writer->finish(writerTimeoutMs));

    const SharedWritePlan plan(writesEach, 1);
    for (std::size_t i = 0; i < reports.size(); ++i) {
        const SharedWriterReport& report = reports[i];
        INFO(logins[static_cast<qsizetype>(i)].toStdString()
             << ": " << report.error.toStdString() << writers[i]->standardError().toStdString());
        CHECK(report.error.isEmpty());
        CHECK(report.user == logins[static_cast<qsizetype>(i)]);
        CHECK(report.journal ==
              journalModeName(networkFileSystem ? JournalMode::Rollback : JournalMode::Wal));
        CHECK(report.runs == plan.count(SharedWritePlan::Kind::Run));
        CHECK(report.points == plan.count(SharedWritePlan::Kind::MetricPoint));
        CHECK(report.tags == plan.count(SharedWritePlan::Kind::Tag));
        CHECK(report.decisions == plan.count(SharedWritePlan::Kind::Decision));
        CHECK(report.latenciesUs.size() == static_cast<std::size_t>(writesEach));
        CHECK_FALSE(writers[i]->standardError().contains(QLatin1String("locked")));
    }
    INFO(bystanders.failures.join(QLatin1Char('\n')).toStdString());
    CHECK(bystanders.failures.isEmpty());

    checkSound(path, networkFileSystem);
    const auto workspace = openAs(path, networkFileSystem, QStringLiteral("tester"));
    const QList<SignatureCheck> checks = PromotionRequests(*workspace).verifySignatures();
    for (std::size_t i = 0; i < reports.size(); ++i) {
        const QString& login = logins[static_cast<qsizetype>(i)];
        INFO(login.toStdString());
        const Counted counted = countWrites(*workspace, login, checks);
        CHECK(counted.runs == reports[i].runs);
        CHECK(counted.points == reports[i].points);
        CHECK(counted.tags == reports[i].tags);
        CHECK(counted.decisions == reports[i].decisions);
        CHECK(counted.verifiedDecisions == reports[i].decisions);
    }
    const std::optional<Experiment> cli = Tracking(*workspace).experimentByName(QStringLiteral("shared-cli"));
    CHECK(static_cast<int>(cli ? Tracking(*workspace).runs(cli->id).size() : 0) == bystanders.cliLogs);

    publish(journalModeName(networkFileSystem ? JournalMode::Rollback : JournalMode::Wal), figuresOf(reports),
            bystanders, testTime.elapsed());
}

} // namespace

TEST_CASE(
    "Shared workspace: 8 processes x 300 mixed writes in WAL, all in the file and verified, none refused",
    "[shared]") {
    eightWriters(false);
}

TEST_CASE("Shared workspace: 8 processes x 300 mixed writes under the rollback journal of network "
          "filesystems, all in the file and verified, none refused",
          "[shared]") {
    eightWriters(true);
}

namespace {

qint64 count(const Workspace& workspace, const QString& sql) {
    return SqlQuery::scalar(workspace.database(), sql).toLongLong();
}

// Each kind of write is its rows and its audit event in one transaction: a kill leaves both or
// neither. Only the writers and the setup wrote, and each metric write logged one point.
void checkNothingHalfWritten(const QString& path, bool networkFileSystem) {
    const auto workspace = openAs(path, networkFileSystem, QStringLiteral("tester"));
    const auto events = [&](const char* action) {
        return count(
            *workspace,
            QStringLiteral("SELECT count(*) FROM audit_log WHERE action = '%1'").arg(QLatin1String(action)));
    };
    CHECK(events("run.create") == count(*workspace, QStringLiteral("SELECT count(*) FROM runs")));
    CHECK(events("metrics.log") ==
          count(*workspace, QStringLiteral("SELECT coalesce(sum(point_count), 0) FROM metric_summaries")));
    CHECK(events("tags.set") == count(*workspace, QStringLiteral("SELECT count(*) FROM tags WHERE key LIKE "
                                                                 "'shared.tag.%'")));
    CHECK(events("decision.sign") == count(*workspace, QStringLiteral("SELECT count(*) FROM decisions")));
    // A decision also moves its request's revision on.
    CHECK(events("decision.sign") ==
          count(*workspace, QStringLiteral("SELECT coalesce(sum(revision - 1), 0) FROM promotion_requests")));
    CHECK(events("key.register") == count(*workspace, QStringLiteral("SELECT count(*) FROM signing_keys")));
}

constexpr int killableWrites = 200;

unsigned testSeed() {
    const QByteArray fixed = qgetenv("ASSAY_TEST_SEED");
    return fixed.isEmpty() ? QRandomGenerator::system()->generate() : fixed.toUInt();
}

SharedWriterProcess::Arguments killableWriter(const QString& path, const QString& login,
                                              bool networkFileSystem) {
    SharedWriterProcess::Arguments arguments;
    arguments.path = path;
    arguments.login = login;
    arguments.writes = killableWrites;
    arguments.networkFileSystem = networkFileSystem;
    arguments.refresh = true;
    return arguments;
}

void killWriters(bool networkFileSystem) {
    constexpr int rounds = 6;
    constexpr int writersPerRound = 3;
    const unsigned seed = testSeed();
    std::printf("killed writers (%s): ASSAY_TEST_SEED=%u\n", networkFileSystem ? "rollback" : "WAL", seed);
    INFO("ASSAY_TEST_SEED=" << seed);
    QRandomGenerator random(seed);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shared.assay"));
    QStringList logins;
    // Round 0 calibrates, rounds 1 to rounds are killed, the one after them is not.
    for (int round = 0; round <= rounds + 1; ++round)
        logins << writerLogins(QStringLiteral("k%1w").arg(round), writersPerRound);
    SharedWorkspaceSetup::prepare(path, networkFileSystem, logins,
                                  SharedWritePlan::decisionsFor(killableWrites));

    // One writer undisturbed first: how long a writer lives, from its start to its exit.
    QElapsedTimer lifetime;
    lifetime.start();
    SharedWriterProcess calibration(killableWriter(path, QStringLiteral("k0w1"), networkFileSystem));
    REQUIRE(calibration.finish(writerTimeoutMs).error.isEmpty());
    const qint64 lifeMs = lifetime.elapsed();

    int kills = 0;
    for (int round = 1; round <= rounds; ++round) {
        std::vector<std::unique_ptr<SharedWriterProcess>> writers;
        QList<qint64> deadlines;
        QElapsedTimer clock;
        clock.start();
        for (int i = 1; i <= writersPerRound; ++i) {
            writers.push_back(std::make_unique<SharedWriterProcess>(
                killableWriter(path, QStringLiteral("k%1w%2").arg(round).arg(i), networkFileSystem)));
            deadlines << static_cast<qint64>(random.bounded(static_cast<double>(lifeMs)));
        }
        for (std::size_t i = 0; i < writers.size(); ++i) {
            const qint64 wait = deadlines[static_cast<qsizetype>(i)] - clock.elapsed();
            if (wait > 0)
                QThread::msleep(static_cast<unsigned long>(wait));
            writers[i]->kill();
            kills += writers[i]->endedByItself() ? 0 : 1;
        }
        INFO("after round " << round << ", killed at " << deadlines[0] << ", " << deadlines[1] << ", "
                            << deadlines[2] << " ms of " << lifeMs);
        checkSound(path, networkFileSystem);
        checkNothingHalfWritten(path, networkFileSystem);
    }
    CHECK(kills >= rounds); // most writers die mid-way; a few may finish first

    // The file takes the next writers' work in full.
    std::vector<std::unique_ptr<SharedWriterProcess>> last;
    for (int i = 1; i <= writersPerRound; ++i)
        last.push_back(std::make_unique<SharedWriterProcess>(
            killableWriter(path, QStringLiteral("k%1w%2").arg(rounds + 1).arg(i), networkFileSystem)));
    for (auto& writer : last) {
        const SharedWriterReport report = writer->finish(writerTimeoutMs);
        INFO(report.error.toStdString() << writer->standardError().toStdString());
        CHECK(report.error.isEmpty());
    }
    checkSound(path, networkFileSystem);
    checkNothingHalfWritten(path, networkFileSystem);
    std::printf("killed writers (%s): %d of %d killed mid-way, each writer living about %lld ms\n",
                networkFileSystem ? "rollback" : "WAL", kills, rounds * writersPerRound,
                static_cast<long long>(lifeMs));
}

} // namespace

TEST_CASE("Shared workspace: writers killed at random moments in WAL leave a workspace that opens, verifies "
          "and takes more writes",
          "[shared][kill]") {
    killWriters(false);
}

TEST_CASE("Shared workspace: writers killed at random moments under the rollback journal leave a workspace "
          "that opens, verifies and takes more writes",
          "[shared][kill]") {
    killWriters(true);
}
