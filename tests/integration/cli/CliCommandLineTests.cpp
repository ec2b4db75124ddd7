// assay-cli's command line: global options before the command word, each command's own after it.
#include "tests/support/CliRunner.h"

#include <QTemporaryDir>

#include <catch2/catch.hpp>

using assay::test::CliResult;
using assay::test::runCli;

TEST_CASE("--help lists the commands and global options only", "[cli][help]") {
    const CliResult help = runCli({QStringLiteral("--help")});
    CHECK(help.status == 0);
    CHECK(help.out.startsWith(QLatin1String("Usage: assay-cli [options] COMMAND [ARGS]\n")));
    for (const char* command : {"init [FILE]", "demo [FILE]", "log [INPUT]", "runs", "audit verify",
                                "import mlflow PATH", "drift SUBCOMMAND", "user list|add|grant|revoke"})
        CHECK(help.out.contains(QLatin1String("\n  ") + QLatin1String(command) + QLatin1Char(' ')));
    CHECK(help.out.contains(QLatin1String("--workspace <FILE>")));
    // runs' summary names its options; their help lines (option and value) are runs --help's.
    CHECK_FALSE(help.out.contains(QLatin1String("--filter <EXPR>")));
    CHECK_FALSE(help.out.contains(QLatin1String("--reference <FILE>")));
}

TEST_CASE("A command's --help shows its own options and not another's", "[cli][help]") {
    const CliResult runs = runCli({QStringLiteral("runs"), QStringLiteral("--help")});
    CHECK(runs.status == 0);
    CHECK(runs.out.startsWith(QLatin1String("Usage: assay-cli runs [options]\n")));
    for (const char* option : {"--experiment <NAME>", "--filter <EXPR>", "--order-by <COLUMN>", "--limit <N>",
                               "--format <FORMAT>", "--include-deleted", "--workspace <FILE>"})
        CHECK(runs.out.contains(QLatin1String(option)));
    CHECK_FALSE(runs.out.contains(QLatin1String("--reference")));
    CHECK_FALSE(runs.out.contains(QLatin1String("--categorical")));

    const CliResult drift = runCli({QStringLiteral("drift"), QStringLiteral("--help")});
    CHECK(drift.status == 0);
    for (const char* subcommand : {"compute", "monitor", "add FILE...", "status", "windows", "rules"})
        CHECK(drift.out.contains(QLatin1String("\n  ") + QLatin1String(subcommand) + QLatin1Char(' ')));
    const CliResult compute =
        runCli({QStringLiteral("drift"), QStringLiteral("compute"), QStringLiteral("--help")});
    CHECK(compute.status == 0);
    CHECK(compute.out.contains(QLatin1String("--reference <FILE>")));
    CHECK_FALSE(compute.out.contains(QLatin1String("--filter")));
    CHECK_FALSE(compute.out.contains(QLatin1String("--workspace")));

    const CliResult user = runCli({QStringLiteral("user"), QStringLiteral("--help")});
    CHECK(user.status == 0);
    for (const char* subcommand : {"list", "add LOGIN", "grant LOGIN ROLE", "revoke LOGIN ROLE"})
        CHECK(user.out.contains(QLatin1String("\n  ") + QLatin1String(subcommand) + QLatin1Char(' ')));
    const CliResult add = runCli({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--help")});
    CHECK(add.status == 0);
    CHECK(add.out.startsWith(QLatin1String("Usage: assay-cli user add [options] LOGIN\n")));
    CHECK(add.out.contains(QLatin1String("--role <ROLE>")));
    CHECK_FALSE(add.out.contains(QLatin1String("--format")));
}

TEST_CASE("An option of another command is a usage error", "[cli]") {
    const CliResult misplaced =
        runCli({QStringLiteral("runs"), QStringLiteral("--reference"), QStringLiteral("r.csv")});
    CHECK(misplaced.status == 2);
    CHECK(misplaced.err ==
          QLatin1String("assay-cli: Unknown option 'reference'.\nTry 'assay-cli --help'.\n"));
    const CliResult beforeCommand =
        runCli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("runs")});
    CHECK(beforeCommand.status == 2);
    CHECK(beforeCommand.err.contains(QLatin1String("Unknown option 'format'")));
}

TEST_CASE("The workspace option (-w) works before and after the command word", "[cli]") {
    QTemporaryDir dir;
    const QString workspace = dir.filePath(QStringLiteral("w.assay"));
    const QString missing = dir.filePath(QStringLiteral("missing.assay"));
    REQUIRE(runCli({QStringLiteral("init"), workspace}).status == 0);
    const QByteArray line = "{\"experiment\": \"e\", \"run\": \"r1\"}\n";

    const CliResult before =
        runCli({QStringLiteral("-w"), workspace, QStringLiteral("log"), QStringLiteral("-")}, line);
    CHECK(before.status == 0);
    const CliResult after = runCli({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("bob"),
                                    QStringLiteral("--workspace"), workspace});
    CHECK(after.status == 0);
    const CliResult betweenGroupAndSubcommand =
        runCli({QStringLiteral("user"), QStringLiteral("-w"), workspace, QStringLiteral("add"),
                QStringLiteral("vera")});
    CHECK(betweenGroupAndSubcommand.status == 0);

    const QStringList listRuns{QStringLiteral("runs"), QStringLiteral("--format"), QStringLiteral("csv")};
    const CliResult runsBefore = runCli(QStringList{QStringLiteral("-w"), workspace} + listRuns);
    const CliResult runsAfter = runCli(listRuns + QStringList{QStringLiteral("-w"), workspace});
    CHECK(runsBefore.status == 0);
    CHECK(runsBefore.out.contains(QLatin1String("\r\nr1,e,")));
    CHECK(runsAfter.out == runsBefore.out);

    // given twice, the one after the command word wins
    const CliResult both = runCli({QStringLiteral("-w"), missing, QStringLiteral("user"),
                                   QStringLiteral("list"), QStringLiteral("-w"), workspace});
    CHECK(both.status == 0);
    CHECK(both.out.contains(QLatin1String("\nbob")));
    CHECK(both.out.contains(QLatin1String("\nvera")));
    const CliResult onlyMissing =
        runCli({QStringLiteral("-w"), missing, QStringLiteral("user"), QStringLiteral("list")});
    CHECK(onlyMissing.status == 1);
    CHECK(onlyMissing.err.contains(missing));
}
