// assay-cli import mlflow through the built binary.
#include "tests/support/CliRunner.h"
#include "tests/support/MlflowStoreWriter.h"
#include "tests/support/TemporaryWorkspace.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using assay::test::MlflowStoreWriter;
using assay::test::sha256OfFile;

using assay::test::CliResult;
using assay::test::runCli;

namespace {

// A small mlruns/ folder: one experiment, two runs, one bad metric line.
QString writeStore(const QTemporaryDir& dir) {
    const QString root = dir.filePath(QStringLiteral("mlruns"));
    MlflowStoreWriter::write(
        root + QStringLiteral("/0/meta.yaml"),
        MlflowStoreWriter::experimentMeta(QStringLiteral("0"), QStringLiteral("Default")));
    for (const char* uid : {"a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1", "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2"}) {
        const QString run = root + QStringLiteral("/0/") + QLatin1String(uid);
        MlflowStoreWriter::write(run + QStringLiteral("/meta.yaml"),
                                 MlflowStoreWriter::runMeta(QLatin1String(uid), QStringLiteral("0"), 3,
                                                            1700000000000, 1700000001000,
                                                            QStringLiteral("run")));
        MlflowStoreWriter::write(run + QStringLiteral("/params/lr"), "0.01");
        MlflowStoreWriter::write(run + QStringLiteral("/metrics/loss"),
                                 "1700000000001 0.5 0\n1700000000002 0.25 1\n1700000000003 oops 2\n");
    }
    return root;
}

} // namespace

TEST_CASE("import mlflow brings a file store in, reports skipped lines, and adds nothing the second time",
          "[cli][mlflow]") {
    QTemporaryDir dir;
    const QString store = writeStore(dir);
    const QString workspace = dir.filePath(QStringLiteral("w.assay"));

    const CliResult first =
        runCli({QStringLiteral("import"), QStringLiteral("mlflow"), store, QStringLiteral("-w"), workspace});
    REQUIRE(first.status == 0);
    CHECK(first.out.contains(QLatin1String("(MLflow file store)")));
    CHECK(first.out.contains(QLatin1String("experiments: 1 added, 0 updated")));
    CHECK(first.out.contains(QLatin1String("runs: 2 added, 0 updated")));
    CHECK(first.out.contains(QLatin1String("metric points: 4 added")));
    CHECK(first.out.contains(QLatin1String("skipped: 2 items")));
    const QString canonical = QFileInfo(store).canonicalFilePath();
    CHECK(first.err.contains(
        QStringLiteral("skipped: %1/0/a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1/metrics/loss:3: the value "
                       "\"oops\" is not a number")
            .arg(canonical)));
    CHECK(first.err.count(QLatin1String("skipped: ")) == 2);

    const CliResult second =
        runCli({QStringLiteral("import"), QStringLiteral("mlflow"), store, QStringLiteral("-w"), workspace});
    REQUIRE(second.status == 0);
    CHECK(second.out.contains(QLatin1String("runs: 0 added, 0 updated")));
    CHECK(second.out.contains(QLatin1String("metric points: 0 added")));

    const CliResult runs = runCli({QStringLiteral("runs"), QStringLiteral("-w"), workspace,
                                   QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(runs.status == 0);
    const QJsonArray rows = QJsonDocument::fromJson(runs.out.toUtf8()).array();
    REQUIRE(rows.size() == 2);
    QStringList uids;
    for (const QJsonValue& row : rows)
        uids << row.toObject().value(QStringLiteral("run_id")).toString();
    uids.sort();
    CHECK(uids == QStringList{QStringLiteral("a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1"),
                              QStringLiteral("b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2")});
    CHECK(
        runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("-w"), workspace}).status ==
        0);
}

TEST_CASE("import mlflow reads an MLflow SQLite database", "[cli][mlflow]") {
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("mlflow.db"));
    REQUIRE(QFile::copy(QStringLiteral(ASSAY_TEST_FIXTURES "/mlflow/mlflow-1.2-with-metrics.db"), source));
    QFile::setPermissions(source, QFile::ReadOwner | QFile::WriteOwner);
    const QString workspace = dir.filePath(QStringLiteral("w.assay"));
    const CliResult result =
        runCli({QStringLiteral("import"), QStringLiteral("mlflow"), source, QStringLiteral("-w"), workspace});
    REQUIRE(result.status == 0);
    CHECK(result.out.contains(QLatin1String("schema revision 7ac759974ad8")));
    CHECK(result.out.contains(QLatin1String("runs: 26 added")));
    CHECK(result.out.contains(QLatin1String("metric points: 404 added")));
    CHECK(result.err.isEmpty());
}

TEST_CASE("import mlflow refuses what is not an MLflow store, and changes nothing", "[cli][mlflow]") {
    QTemporaryDir dir;
    const QString other = dir.filePath(QStringLiteral("other.db"));
    REQUIRE(assay::test::runCommand(QStringLiteral("sqlite3"),
                                    {other, QStringLiteral("CREATE TABLE t (x);")}) == 0);
    const QByteArray before = sha256OfFile(other);
    const QString workspace = dir.filePath(QStringLiteral("w.assay"));
    const CliResult refused =
        runCli({QStringLiteral("import"), QStringLiteral("mlflow"), other, QStringLiteral("-w"), workspace});
    CHECK(refused.status == 1);
    CHECK(refused.err.contains(QLatin1String("is not an MLflow tracking database")));
    CHECK(refused.err.count(QLatin1Char('\n')) == 1); // one line
    CHECK(sha256OfFile(other) == before);
    CHECK_FALSE(QFileInfo::exists(workspace)); // refused before a workspace was made

    const CliResult usage = runCli({QStringLiteral("import"), QStringLiteral("wandb"), other});
    CHECK(usage.status == 2);
    CHECK(usage.err.contains(QLatin1String("import mlflow PATH")));
}
