// assay_shared_writer: one of the processes the shared-workspace tests start on one file (see
// SharedWriter). Prints one JSON line (SharedWriterReport) and exits 1 if an error stopped it.
#include "SharedWriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using assay::test::SharedWriter;

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("The workspace to write to."));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("Act as LOGIN."),
                                  QStringLiteral("LOGIN"));
    const QCommandLineOption writes(QStringLiteral("writes"), QStringLiteral("How many writes."),
                                    QStringLiteral("N"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Shuffles the kinds of write."),
                                  QStringLiteral("SEED"), QStringLiteral("1"));
    const QCommandLineOption journal(QStringLiteral("journal"),
                                     QStringLiteral("wal, or rollback as on a network filesystem."),
                                     QStringLiteral("MODE"), QStringLiteral("wal"));
    const QCommandLineOption refresh(QStringLiteral("refresh"),
                                     QStringLiteral("Reread after other processes' commits, as a GUI does."));
    const QCommandLineOption startAt(QStringLiteral("start-at"),
                                     QStringLiteral("Begin writing at MS since the epoch."),
                                     QStringLiteral("MS"), QStringLiteral("0"));
    parser.addOptions({user, writes, seed, journal, refresh, startAt});
    parser.process(app);
    if (parser.positionalArguments().size() != 1 || !parser.isSet(user) || !parser.isSet(writes)) {
        std::fputs("usage: assay_shared_writer WORKSPACE --user LOGIN --writes N [--seed S] "
                   "[--journal wal|rollback] [--refresh] [--start-at MS]\n",
                   stderr);
        return 2;
    }
    SharedWriter::Options options;
    options.path = parser.positionalArguments().constFirst();
    options.login = parser.value(user);
    options.writes = parser.value(writes).toInt();
    options.seed = parser.value(seed).toUInt();
    options.networkFileSystem = parser.value(journal) == QLatin1String("rollback");
    options.refresh = parser.isSet(refresh);
    options.startAt = parser.value(startAt).toLongLong();
    const assay::test::SharedWriterReport report = SharedWriter(options).run();
    std::fputs(report.toJson().append('\n').constData(), stdout);
    std::fflush(stdout);
    return report.error.isEmpty() ? 0 : 1;
}
