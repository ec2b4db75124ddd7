// assay-cli through the built binary, as pipelines and users run it.
#include "tests/support/CliRunner.h"
#include "tests/support/TemporaryWorkspace.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using assay::test::runCommand;

using assay::test::CliResult;
using assay::test::runCli;

namespace {

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content) {
    const QString path = dir.filePath(name);
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(content);
    return path;
}

// A demo workspace made once for the read-only tests below.
const QString& demoWorkspace() {
    static QTemporaryDir dir;
    static const QString path = [] {
        const QString file = dir.filePath(QStringLiteral("demo.assay"));
        const CliResult made = runCli({QStringLiteral("demo"), file});
        REQUIRE(made.status == 0);
        return file;
    }();
    return path;
}

} // namespace

TEST_CASE("init creates a workspace once", "[cli]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.assay"));
    const CliResult first = runCli({QStringLiteral("init"), path});
    CHECK(first.status == 0);
    CHECK(first.out.contains(path));
    const CliResult second = runCli({QStringLiteral("init"), path});
    CHECK(second.status == 1);
    CHECK(second.err.contains(QLatin1String("already exists")));
}

TEST_CASE("runs lists the demo workspace as json, csv and table", "[cli]") {
    const QString workspace = demoWorkspace();
    const CliResult json = runCli({QStringLiteral("runs"), QStringLiteral("-w"), workspace,
                                   QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(json.status == 0);
    const QJsonArray all = QJsonDocument::fromJson(json.out.toUtf8()).array();
    CHECK(all.size() >= 300);
    CHECK(all.first().toObject().value(QStringLiteral("params")).toObject().size() >= 10);

    const CliResult churn =
        runCli({QStringLiteral("runs"), QStringLiteral("-w"), workspace, QStringLiteral("--experiment"),
                QStringLiteral("churn-prediction"), QStringLiteral("--format"), QStringLiteral("csv")});
    REQUIRE(churn.status == 0);
    const QStringList lines = churn.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    CHECK(lines.first().startsWith(
        QLatin1String("run_id,experiment,name,status,user,start_time,end_time,params.")));
    CHECK(lines.size() == 1 + 134); // header, 130 runs and 4 sweep parents
    for (qsizetype i = 1; i < lines.size(); ++i)
        CHECK(lines[i].section(QLatin1Char(','), 1, 1) == QLatin1String("churn-prediction"));

    const CliResult table = runCli({QStringLiteral("runs"), QStringLiteral("-w"), workspace,
                                    QStringLiteral("--limit"), QStringLiteral("5")});
    REQUIRE(table.status == 0);
    CHECK(table.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size() == 6);
    CHECK(table.out.startsWith(QLatin1String("run_id")));
}

TEST_CASE("runs --order-by sorts by a metric", "[cli]") {
    const CliResult best =
        runCli({QStringLiteral("runs"), QStringLiteral("-w"), demoWorkspace(), QStringLiteral("--order-by"),
                QStringLiteral("metrics.val_auc DESC"), QStringLiteral("--format"), QStringLiteral("json"),
                QStringLiteral("--limit"), QStringLiteral("20")});
    REQUIRE(best.status == 0);
    const QJsonArray runs = QJsonDocument::fromJson(best.out.toUtf8()).array();
    REQUIRE(runs.size() == 20);
    double previous = 2.0;
    for (const QJsonValue& run : runs) {
        const double auc = run.toObject()
                               .value(QStringLiteral("metrics"))
                               .toObject()
                               .value(QStringLiteral("val_auc"))
                               .toDouble();
        CHECK(auc <= previous);
        previous = auc;
    }
}

TEST_CASE("log is atomic: a bad line writes nothing and names its line", "[cli]") {
    QTemporaryDir dir;
    const QString workspace = dir.filePath(QStringLiteral("w.assay"));
    REQUIRE(runCli({QStringLiteral("init"), workspace}).status == 0);
    const QString bad = writeFile(
        dir, QStringLiteral("bad.jsonl"),
        "{\"experiment\": \"e\", \"name\": \"one\"}\n{\"experiment\": \"e\", \"metrics\": {\"m\": [[0]]}}\n");
    const CliResult rejected = runCli({QStringLiteral("log"), QStringLiteral("-w"), workspace, bad});
    CHECK(rejected.status == 1);
    CHECK(rejected.err.contains(bad + QStringLiteral(":2: metrics.m[0] must be [step, value]")));
    CHECK(runCli({QStringLiteral("runs"), QStringLiteral("-w"), workspace, QStringLiteral("--format"),
                  QStringLiteral("json")})
              .out.trimmed() == QLatin1String("[\n]"));

    const CliResult accepted =
        runCli({QStringLiteral("log"), QStringLiteral("-w"), workspace},
               "{\"experiment\": \"e\", \"run\": \"abc\", \"metrics\": {\"m\": [[0, 1.5]]}}\n");
    CHECK(accepted.status == 0);
    CHECK(accepted.out.contains(QLatin1String("1 runs created")));
    const QJsonArray runs =
        QJsonDocument::fromJson(runCli({QStringLiteral("runs"), QStringLiteral("-w"), workspace,
                                        QStringLiteral("--format"), QStringLiteral("json")})
                                    .out.toUtf8())
            .array();
    REQUIRE(runs.size() == 1);
    CHECK(runs.first().toObject().value(QStringLiteral("run_id")).toString() == QLatin1String("abc"));
    CHECK(runs.first().toObject().value(QStringLiteral("user")).toString() == QLatin1String("ci-bot"));
}

TEST_CASE("audit verify exits 1 naming the first broken sequence number", "[cli][audit]") {
    QTemporaryDir dir;
    const QString workspace = dir.filePath(QStringLiteral("w.assay"));
    REQUIRE(runCli({QStringLiteral("init"), workspace}).status == 0);
    REQUIRE(runCli({QStringLiteral("log"), QStringLiteral("-w"), workspace},
                   "{\"experiment\": \"e\", \"params\": {\"a\": 1}, \"tags\": {\"t\": \"x\"}}\n")
                .status == 0);
    const CliResult intact =
        runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("-w"), workspace});
    CHECK(intact.status == 0);
    CHECK(intact.out.contains(QLatin1String("intact")));

    REQUIRE(runCommand(
                QStringLiteral("sqlite3"),
                {workspace, QStringLiteral("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = "
                                           "'mallory' WHERE seq = 3;")}) == 0);
    const CliResult broken =
        runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("-w"), workspace});
    CHECK(broken.status == 1);
    CHECK(broken.err.contains(QLatin1String("BROKEN at sequence 3")));
}

TEST_CASE("Usage errors and refused files give a one-line reason", "[cli]") {
    QTemporaryDir dir;
    const CliResult unknown = runCli({QStringLiteral("frobnicate")});
    CHECK(unknown.status == 2);
    CHECK(unknown.err.contains(QLatin1String("unknown command \"frobnicate\"")));

    const QString notes = writeFile(dir, QStringLiteral("notes.txt"), "hello\n");
    const CliResult refused = runCli({QStringLiteral("runs"), QStringLiteral("-w"), notes});
    CHECK(refused.status == 1);
    CHECK(refused.err.contains(notes + QStringLiteral(" is not an Assay workspace")));
    CHECK(refused.err.count(QLatin1Char('\n')) == 1);

    const CliResult format = runCli({QStringLiteral("runs"), QStringLiteral("-w"), demoWorkspace(),
                                     QStringLiteral("--format"), QStringLiteral("xml")});
    CHECK(format.status == 2);
    CHECK(format.err.contains(QLatin1String("--format must be table, json or csv")));
}

TEST_CASE("The version option prints the version", "[cli]") {
    const CliResult version = runCli({QStringLiteral("--version")});
    CHECK(version.status == 0);
    CHECK(version.out.contains(QLatin1String(ASSAY_VERSION)));
}

TEST_CASE("audit verify checks every decision's signature", "[cli][governance]") {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("demo.assay"));
    REQUIRE(runCli({QStringLiteral("demo"), file}).status == 0);
    const CliResult intact =
        runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("-w"), file});
    CHECK(intact.status == 0);
    CHECK(intact.out.contains(QStringLiteral("decision signatures verified")));

    // A verdict changed with the sqlite3 shell no longer matches its signature.
    REQUIRE(runCommand(
                QStringLiteral("sqlite3"),
                {file, QStringLiteral("UPDATE decisions SET comment = 'Rubber-stamped' WHERE id = 3")}) == 0);
    const CliResult tampered =
        runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("-w"), file});
    CHECK(tampered.status == 1);
    CHECK(tampered.err.contains(QStringLiteral("decision 3 by")));
    CHECK(tampered.err.contains(QStringLiteral("INVALID")));
}

TEST_CASE("An archive is a read-only copy that verifies on its own", "[cli][audit]") {
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("demo.assay"));
    REQUIRE(runCli({QStringLiteral("demo"), source}).status == 0);
    const QString archive = dir.filePath(QStringLiteral("for-auditors.assay"));
    const CliResult made =
        runCli({QStringLiteral("archive"), QStringLiteral("-w"), source, QStringLiteral("--out"), archive});
    REQUIRE(made.status == 0);
    CHECK_FALSE(QFileInfo(archive).permissions() &
                (QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther));

    const QByteArray before = assay::test::sha256OfFile(archive);
    const CliResult verified =
        runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("-w"), archive});
    CHECK(verified.status == 0);
    CHECK(verified.out.contains(QLatin1String("decision signatures verified")));
    CHECK(verified.out.contains(QLatin1String("intact")));
    // Even as root, who ignores file permissions, the archive refuses changes.
    const CliResult refused = runCli({QStringLiteral("log"), QStringLiteral("-w"), archive},
                                     "{\"experiment\": \"e\", \"run\": \"late\"}\n");
    CHECK(refused.status == 1);
    CHECK(refused.err.contains(QLatin1String("is a read-only archive for auditors")));
    CHECK(assay::test::sha256OfFile(archive) == before);

    // The source recorded the archiving, and still verifies; a second archive needs a new file.
    const CliResult sourceVerified =
        runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("-w"), source});
    CHECK(sourceVerified.status == 0);
    const CliResult again =
        runCli({QStringLiteral("archive"), QStringLiteral("-w"), source, QStringLiteral("--out"), archive});
    CHECK(again.status == 1);
    CHECK(again.err.contains(QLatin1String("already exists")));
}

TEST_CASE("backup copies the workspace into a file that opens, checks and verifies", "[cli][backup]") {
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("demo.assay"));
    REQUIRE(runCli({QStringLiteral("demo"), source}).status == 0);
    const QString backup = dir.filePath(QStringLiteral("nightly.assay"));
    const CliResult made =
        runCli({QStringLiteral("backup"), QStringLiteral("-w"), source, QStringLiteral("--out"), backup});
    REQUIRE(made.status == 0);
    CHECK(made.out.contains(QLatin1String("Backed up")));
    CHECK(made.out.contains(backup));

    QByteArray check;
    REQUIRE(runCommand(QStringLiteral("sqlite3"), {backup, QStringLiteral("PRAGMA integrity_check")},
                       &check) == 0);
    CHECK(check.trimmed() == "ok");
    const CliResult verified =
        runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("-w"), backup});
    CHECK(verified.status == 0);
    CHECK(verified.out.contains(QLatin1String("intact")));
    const CliResult runs = runCli({QStringLiteral("runs"), QStringLiteral("-w"), backup});
    CHECK(runs.status == 0);
    CHECK(runs.out == runCli({QStringLiteral("runs"), QStringLiteral("-w"), source}).out);

    const CliResult again =
        runCli({QStringLiteral("backup"), QStringLiteral("-w"), source, QStringLiteral("--out"), backup});
    CHECK(again.status == 1);
    CHECK(again.err.contains(QLatin1String("already exists")));
    CHECK(runCli({QStringLiteral("backup"), QStringLiteral("-w"), source, QStringLiteral("--out"), backup,
                  QStringLiteral("--replace")})
              .status == 0);
    const CliResult noOut = runCli({QStringLiteral("backup"), QStringLiteral("-w"), source});
    CHECK(noOut.status != 0);
    CHECK(noOut.err.contains(QLatin1String("--out FILE")));
}
