// Start-up at scale (issue 9): the time from starting the `assay` binary to its main window
// showing the runs table's first page, loaded and painted, on a workspace of 100,000 runs under
// the offscreen platform; and the resident memory then. Prints one JSON object. Not part of the
// timed test run: `build/release/tests/bench/assay_bench_startup`.
//
// The workspace is the demo's (3 experiments of 343 runs with long curves, registered models,
// reviews, drift monitors) topped up to 100,000 runs by RunGenerator in four more experiments:
// 20 params, 2 tags and 10 metrics of 10 points per run, written through the core API with the
// audit trail of every write. Generating it is not timed. Each start runs the real binary
// through QProcess with --report-startup: the figure is the wall time from QProcess::start to the
// JSON line the binary prints once the table has painted rows, and the binary's own count from
// its process's start (10 ms clock ticks) and its checkpoints come with it.
//
// ASSAY_BENCH_WORKSPACE=FILE generates the workspace there, and reuses it when it exists;
// ASSAY_BENCH_STARTS=N sets the number of warm starts (5); ASSAY_BENCH_DROP_CACHES=1 adds starts
// after dropping the whole page cache, which needs root.
#include "BenchTiming.h"
#include "RunGenerator.h"
#include "core/base/SqlQuery.h"
#include "core/demo/DemoWorkspace.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <random>
#include <unistd.h>
#include <vector>

using namespace assay;
using namespace assay::bench;

namespace {

constexpr int runCount = 100'000;
constexpr int runsPerWrite = 1'000;
constexpr int pointsPerMetric = 10;
constexpr int startTimeoutMs = 120'000;
constexpr double budgetMs = 1'000;
constexpr double budgetRssMb = 400;

const char* const experimentNames[] = {"fraud-detection-search", "uplift-modelling-search",
                                       "price-elasticity-search", "next-best-offer-search"};

void fail(const QString& what) {
    std::fprintf(stderr, "startup bench: %s\n", qPrintable(what));
    std::exit(1);
}

// The demo, then RunGenerator's runs spread over four more experiments up to runCount.
void generateWorkspace(const QString& path) {
    auto workspace = Workspace::create(path);
    DemoWorkspace::populate(*workspace);
    const int generated = runCount - DemoWorkspace::totalRuns();
    constexpr int experiments = static_cast<int>(std::size(experimentNames));
    std::mt19937_64 rng(20261124);
    RunGenerator generator(rng, pointsPerMetric);
    int index = 0;
    for (int e = 0; e < experiments; ++e) {
        qint64 experimentId = 0;
        workspace->write([&](WriteTransaction& tx) {
            experimentId = Tracking::createExperiment(tx, QLatin1String(experimentNames[e]));
        });
        const int end = generated * (e + 1) / experiments;
        while (index < end) {
            const int batchEnd = std::min(end, index + runsPerWrite);
            workspace->write([&](WriteTransaction& tx) {
                for (; index < batchEnd; ++index) {
                    GeneratedRun run = generator.generate(index, experimentId);
                    RunGenerator::write(tx, run);
                }
            });
        }
    }
    SqlQuery::run(workspace->database(), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
}

// Evicts a file's pages from the page cache, so that the next start reads it from disk.
void uncache(const QString& path) {
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
    if (fd < 0)
        return;
    ::fdatasync(fd);
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ::close(fd);
}

bool dropPageCache() {
    ::sync();
    QFile control(QStringLiteral("/proc/sys/vm/drop_caches"));
    return control.open(QIODevice::WriteOnly) && control.write("3\n") == 2;
}

struct Start {
    double wallMs = 0;    // QProcess::start to the JSON line
    double processMs = 0; // the binary's own count from its process's start
    double rssMb = 0;
    double exitMs = 0; // the JSON line to the process's end
    QJsonObject line;
};

class Launcher {
public:
    Launcher(const QString& workspace, const QString& home)
        : m_workspace(workspace) {
        m_environment = QProcessEnvironment::systemEnvironment();
        m_environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // Settings, the recent-file list and the default workspace of a user of its own.
        m_environment.insert(QStringLiteral("HOME"), home);
        for (const char* variable : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
            m_environment.remove(QLatin1String(variable));
        m_environment.remove(QStringLiteral("ASSAY_WORKSPACE"));
    }

    Start start() const {
        QProcess process;
        process.setProcessEnvironment(m_environment);
        QElapsedTimer clock;
        clock.start();
        process.start(QStringLiteral(ASSAY_GUI_PATH), {m_workspace, QStringLiteral("--report-startup")});
        QByteArray output;
        while (!output.contains('\n')) {
            if (!process.waitForReadyRead(startTimeoutMs))
                fail(QStringLiteral("assay printed no report: %1")
                         .arg(QString::fromLocal8Bit(process.readAllStandardError())));
            output += process.readAllStandardOutput();
        }
        Start result;
        result.wallMs = msSince(clock);
        if (!process.waitForFinished(startTimeoutMs) || process.exitCode() != 0)
            fail(QStringLiteral("assay did not show rows: %1").arg(QString::fromUtf8(output)));
        result.exitMs = msSince(clock) - result.wallMs;
        result.line = QJsonDocument::fromJson(output.left(output.indexOf('\n'))).object();
        result.processMs = result.line.value(QStringLiteral("ms_since_process_start")).toDouble();
        result.rssMb = result.line.value(QStringLiteral("rss_mb")).toDouble();
        return result;
    }

private:
    QString m_workspace;
    QProcessEnvironment m_environment;
};

// The machine's 1-minute load average: other work on it lengthens every start.
double loadAverage() {
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? file.readAll().split(' ').value(0).toDouble() : -1;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double maximum(const std::vector<double>& values) {
    return *std::max_element(values.begin(), values.end());
}

// Median and maximum of every figure, every start's line, and its checkpoints.
QJsonObject summary(const std::vector<Start>& starts) {
    std::vector<double> wall, process, rss, exit, guiCpu;
    QJsonArray lines;
    for (const Start& start : starts) {
        wall.push_back(start.wallMs);
        process.push_back(start.processMs);
        rss.push_back(start.rssMb);
        exit.push_back(start.exitMs);
        guiCpu.push_back(start.line.value(QStringLiteral("gui_thread_cpu_ms")).toDouble());
        QJsonObject line = start.line;
        line.insert(QStringLiteral("wall_ms"), start.wallMs);
        lines.append(line);
    }
    return {
        {QStringLiteral("starts"), static_cast<int>(starts.size())},
        {QStringLiteral("wall_ms_median"), median(wall)},
        {QStringLiteral("wall_ms_max"), maximum(wall)},
        {QStringLiteral("in_process_ms_median"), median(process)},
        {QStringLiteral("in_process_ms_max"), maximum(process)},
        {QStringLiteral("gui_thread_cpu_ms_median"), median(guiCpu)},
        {QStringLiteral("rss_mb_median"), median(rss)},
        {QStringLiteral("rss_mb_max"), maximum(rss)},
        {QStringLiteral("exit_after_report_ms_median"), median(exit)},
        {QStringLiteral("reports"), lines},
    };
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    QString path = qEnvironmentVariable("ASSAY_BENCH_WORKSPACE");
    if (path.isEmpty())
        path = dir.filePath(QStringLiteral("startup.assay"));
    double generationS = 0;
    if (!QFileInfo::exists(path)) {
        QElapsedTimer clock;
        clock.start();
        generateWorkspace(path);
        generationS = secondsSince(clock);
    }
    qint64 runs = 0;
    qint64 auditEvents = 0;
    {
        const auto workspace = Workspace::open(path);
        runs =
            SqlQuery::scalar(workspace->database(), QStringLiteral("SELECT count(*) FROM runs")).toLongLong();
        auditEvents =
            SqlQuery::scalar(workspace->database(), QStringLiteral("SELECT count(*) FROM audit_log"))
                .toLongLong();
    }
    if (runs != runCount)
        fail(QStringLiteral("%1 holds %2 runs, not %3").arg(path).arg(runs).arg(runCount));
    const QString home = dir.filePath(QStringLiteral("home"));
    QDir().mkpath(home);
    const Launcher launcher(path, home);

    const double loadBefore = loadAverage();
    // One start that is not counted: it brings the binary, its libraries and the file into the
    // page cache, and leaves the settings a returning user has (window geometry, recent files).
    launcher.start();
    const int warmStarts = qEnvironmentVariableIsSet("ASSAY_BENCH_STARTS")
                               ? std::max(1, qEnvironmentVariableIntValue("ASSAY_BENCH_STARTS"))
                               : 5;
    std::vector<Start> warm;
    for (int i = 0; i < warmStarts; ++i)
        warm.push_back(launcher.start());

    // The workspace file alone read from disk: the libraries stay cached, as after a reboot they
    // would not.
    std::vector<Start> fileUncached;
    for (int i = 0; i < 3; ++i) {
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            uncache(path + suffix);
        fileUncached.push_back(launcher.start());
    }

    QJsonObject cold{{QStringLiteral("measured"), false},
                     {QStringLiteral("why_not"), QStringLiteral("set ASSAY_BENCH_DROP_CACHES=1, as root")}};
    if (qEnvironmentVariableIntValue("ASSAY_BENCH_DROP_CACHES")) {
        std::vector<Start> starts;
        for (int i = 0; i < 3 && dropPageCache(); ++i)
            starts.push_back(launcher.start());
        cold = starts.empty() ? QJsonObject{{QStringLiteral("measured"), false},
                                            {QStringLiteral("why_not"),
                                             QStringLiteral("/proc/sys/vm/drop_caches is not writable")}}
                              : summary(starts);
    }

    const double loadAfter = loadAverage();
    const QJsonObject warmSummary = summary(warm);
    const double worstMs = warmSummary.value(QStringLiteral("wall_ms_max")).toDouble();
    const double worstRss = warmSummary.value(QStringLiteral("rss_mb_max")).toDouble();
    const QJsonObject result{
        {QStringLiteral("benchmark"), QStringLiteral("startup")},
        {QStringLiteral("runs"), runs},
        {QStringLiteral("experiments"), 3 + static_cast<int>(std::size(experimentNames))},
        {QStringLiteral("audit_events"), auditEvents},
        {QStringLiteral("workspace_mb"), static_cast<double>(QFileInfo(path).size()) / (1024 * 1024)},
        {QStringLiteral("generation_s"), generationS},
        {QStringLiteral("platform"), QStringLiteral("offscreen")},
        {QStringLiteral("cores"), QThread::idealThreadCount()},
        {QStringLiteral("load_average_before_after"), QJsonArray{loadBefore, loadAfter}},
        {QStringLiteral("warm"), warmSummary},
        {QStringLiteral("workspace_file_uncached"), summary(fileUncached)},
        {QStringLiteral("cold_page_cache"), cold},
        {QStringLiteral("targets_met"),
         QJsonObject{
             {QStringLiteral("first_page_1s"), worstMs <= budgetMs},
             {QStringLiteral("rss_400mb"), worstRss <= budgetRssMb},
         }},
    };
    std::fputs(QJsonDocument(result).toJson(QJsonDocument::Indented).constData(), stdout);
    return 0;
}
