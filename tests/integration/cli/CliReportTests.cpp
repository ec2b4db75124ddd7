// assay-cli report through the built binary, on the demo workspace, checked with poppler's
// pdftotext and pdfinfo (Debian's poppler-utils).
#include "tests/support/CliRunner.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using assay::test::CliResult;
using assay::test::runCli;

namespace {

const QString model = QStringLiteral("credit-default-pd");

const QString& demoWorkspace() {
    static QTemporaryDir dir;
    static const QString path = [] {
        const QString file = dir.filePath(QStringLiteral("demo.assay"));
        REQUIRE(runCli({QStringLiteral("demo"), file}).status == 0);
        return file;
    }();
    return path;
}

CliResult report(const QString& out, const QString& version = QStringLiteral("3")) {
    return runCli({QStringLiteral("-w"), demoWorkspace(), QStringLiteral("report"), QStringLiteral("--model"),
                   model, QStringLiteral("--version"), version, QStringLiteral("--out"), out});
}

// Everyone who signed a decision on a request for version 3, as the CLI lists them.
QSet<QString> signersOfVersion3() {
    const CliResult listed =
        runCli({QStringLiteral("-w"), demoWorkspace(), QStringLiteral("model"), QStringLiteral("requests"),
                QStringLiteral("--model"), model, QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(listed.status == 0);
    QSet<QString> signers;
    for (const QJsonValue request : QJsonDocument::fromJson(listed.out.toUtf8()).array()) {
        if (request[QStringLiteral("version")].toInt() != 3)
            continue;
        for (const QJsonValue decision : request[QStringLiteral("decisions")].toArray())
            signers.insert(decision[QStringLiteral("decided_by")].toString());
    }
    return signers;
}

// A poppler tool's standard output; fails the test when it does not run.
QString poppler(const QString& tool, const QStringList& arguments) {
    QProcess process;
    process.start(tool, arguments);
    REQUIRE(process.waitForFinished(60'000));
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    REQUIRE(process.exitCode() == 0);
    return QString::fromUtf8(process.readAllStandardOutput());
}

// assay-cli's own lines on stderr; Qt may add a warning of its own (an unset XDG_RUNTIME_DIR
// under the offscreen platform), which is not the command's reason.
QStringList reasons(const QString& err) {
    return err.split(QLatin1Char('\n')).filter(QRegularExpression(QStringLiteral("^assay-cli: ")));
}

QString footerHash(const QString& text) {
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("content SHA-256\\s+([0-9a-f]{64})")).match(text);
    return match.captured(1);
}

} // namespace

TEST_CASE("report writes the demo champion's governance report as a PDF", "[cli][report]") {
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("champion.pdf"));
    const CliResult written = report(pdf);
    REQUIRE(written.status == 0);
    CHECK_FALSE(written.err.contains(QStringLiteral("assay-cli:")));

    const QString text =
        poppler(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    CHECK(text.contains(QStringLiteral("Governance report: credit-default-pd v3")));
    CHECK(text.contains(QStringLiteral("Tier 1")));
    const QSet<QString> signers = signersOfVersion3();
    CHECK(signers.size() == 3); // model owner, validator and risk officer of Tier 1
    for (const QString& signer : signers)
        CHECK(text.contains(signer));
    CHECK(text.contains(QStringLiteral("Verified")));
    // The approval's condition, its owner and due date, and the finding it raised.
    const QString flat = poppler(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).simplified();
    CHECK(flat.contains(QStringLiteral("Approved with"))); // "conditions" wraps in its cell
    CHECK(flat.contains(QStringLiteral("Back-test PD calibration on the latest quarter's defaults")));
    CHECK(flat.contains(QStringLiteral("(owner cchen, due")));
    CHECK(flat.contains(QStringLiteral("Finding raised by a condition")));
    // A closed request's gates as its signers saw them, not as computed today.
    CHECK(flat.contains(QStringLiteral("saw it when signing")));
    CHECK_FALSE(flat.contains(QStringLiteral("Gate (as computed now)")));

    // Every page carries the footer with the content hash, and it is the one the CLI printed.
    const QString hash = footerHash(written.out);
    REQUIRE(hash.size() == 64);
    const QString info = poppler(QStringLiteral("pdfinfo"), {pdf});
    const QRegularExpressionMatch pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
    REQUIRE(pages.hasMatch());
    const int pageCount = pages.captured(1).toInt();
    // Five A4 pages for the demo champion, in this order: the overview, its 14-section card and
    // the Tier 1 assessment; its evidence file and request, with the gates as each of its three
    // signers saw them, the required evidence, the signed decisions with their conditions and the
    // finding a condition raised; the comparison with v2 and its metric chart, the drift status
    // and twelve weekly windows; the drift chart and the model's audit excerpt of about 30 events.
    CHECK(pageCount == 5);
    CHECK(text.count(hash) == pageCount);
    CHECK(text.count(QStringLiteral("page %1 of %1").arg(pageCount)) == 1);
}

TEST_CASE("report writes HTML whose footer hash is that of its content", "[cli][report]") {
    QTemporaryDir dir;
    const QString htmlPath = dir.filePath(QStringLiteral("champion.html"));
    const CliResult written = report(htmlPath);
    REQUIRE(written.status == 0);
    QFile file(htmlPath);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray html = file.readAll();
    const QByteArray begin = "<!--assay-report-content-begin-->";
    const QByteArray end = "<!--assay-report-content-end-->";
    const qsizetype from = html.indexOf(begin) + begin.size();
    const qsizetype to = html.indexOf(end);
    REQUIRE(from > begin.size());
    REQUIRE(to > from);
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(html.mid(from, to - from), QCryptographicHash::Sha256).toHex());
    CHECK(footerHash(QString::fromUtf8(html.mid(to))) == hash);
    CHECK(footerHash(written.out) == hash);

    // The same data renders the same content: the PDF's hash is the HTML's.
    const CliResult pdf = report(dir.filePath(QStringLiteral("champion.pdf")));
    REQUIRE(pdf.status == 0);
    CHECK(footerHash(pdf.out) == hash);
}

TEST_CASE("report refuses an unknown model or version and an unwritable path in one line", "[cli][report]") {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("r.pdf"));
    const CliResult version = report(out, QStringLiteral("99"));
    CHECK(version.status == 1);
    CHECK(reasons(version.err) ==
          QStringList{QStringLiteral("assay-cli: Model \"credit-default-pd\" has no version 99.")});
    const CliResult unknown =
        runCli({QStringLiteral("-w"), demoWorkspace(), QStringLiteral("report"), QStringLiteral("--model"),
                QStringLiteral("nope"), QStringLiteral("--version"), QStringLiteral("1"),
                QStringLiteral("--out"), out});
    CHECK(unknown.status == 1);
    CHECK(reasons(unknown.err) ==
          QStringList{QStringLiteral("assay-cli: There is no model named \"nope\".")});
    CHECK_FALSE(QFile::exists(out));

    const QString unwritable = dir.filePath(QStringLiteral("no-such-folder/r.pdf"));
    const CliResult denied = report(unwritable);
    CHECK(denied.status == 1);
    const QStringList deniedReasons = reasons(denied.err);
    REQUIRE(deniedReasons.size() == 1);
    CHECK(deniedReasons.first().startsWith(QStringLiteral("assay-cli: Cannot write ") + unwritable));
    CHECK_FALSE(QFile::exists(unwritable));

    const CliResult missing = runCli(
        {QStringLiteral("-w"), demoWorkspace(), QStringLiteral("report"), QStringLiteral("--model"), model});
    CHECK(missing.status == 2);
}
