#include "tests/ui/support/GovernanceDialogData.h"
#include "tests/ui/support/MainWindowFixture.h"
#include "ui/report/GovernanceReportWriter.h"
#include "ui/session/UiSettings.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/WorkspaceJobDialog.h"
#include "ui/workspace/MainWindow.h"

#include <QAction>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::GovernanceWorkspace;
using assay::test::MainWindowFixture;

namespace {

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

TEST_CASE("File > Export Report… writes the report of the version in view", "[mainwindow][report]") {
    GovernanceWorkspace data;
    data.executePromotion();
    MainWindowFixture ui;
    MainWindow& window = ui.window;
    WorkspaceSession& session = ui.session;
    QTemporaryDir& dir = ui.dir;
    CHECK_FALSE(window.exportReportAction()->isEnabled());
    data.openAs(session, QStringLiteral("tester"));

    QMenu* file = window.menuBar()->actions().value(0)->menu();
    REQUIRE(file);
    CHECK(file->actions().contains(window.exportReportAction()));
    CHECK(window.exportReportAction()->text() == QStringLiteral("Export &Report…"));
    REQUIRE(window.exportReportAction()->isEnabled());

    window.showModel(data.modelId, 1);
    QString suggested;
    QString answer = dir.filePath(QStringLiteral("report.html"));
    window.setReportPathChooser([&](const QString& name) {
        suggested = name;
        return answer;
    });
    QSignalSpy exported(&window, &MainWindow::reportExported);
    window.exportReportAction()->trigger();
    REQUIRE(exported.wait(30000));
    CHECK(suggested == QStringLiteral("credit-scoring-v1-report.pdf"));
    CHECK(exported.at(0).at(0).toString() == answer);

    const QString html = QString::fromUtf8(readAll(answer));
    CHECK(html.contains(QStringLiteral("Governance report: credit-scoring v1")));
    for (const char* signer : {"olga", "val"})
        CHECK(html.contains(QLatin1String(signer)));
    // The footer's hash is the SHA-256 of exactly what lies between the content markers.
    const qsizetype begin = html.indexOf(GovernanceReportWriter::contentBegin());
    const qsizetype end = html.indexOf(GovernanceReportWriter::contentEnd());
    REQUIRE(begin > 0);
    REQUIRE(end > begin);
    const QString content = html.mid(begin + GovernanceReportWriter::contentBegin().size(),
                                     end - begin - GovernanceReportWriter::contentBegin().size());
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(content.toUtf8(), QCryptographicHash::Sha256).toHex());
    CHECK(exported.at(0).at(1).toString() == hash);
    CHECK(html.mid(end).contains(QStringLiteral("content SHA-256 ") + hash));

    answer = dir.filePath(QStringLiteral("report.pdf"));
    window.exportReportAction()->trigger();
    REQUIRE(exported.wait(30000));
    CHECK(exported.at(1).at(1).toString() == hash); // same data, same content hash
    CHECK(readAll(answer).startsWith("%PDF-"));

    // A path that cannot be written leaves no file and says why.
    answer = dir.filePath(QStringLiteral("missing/report.pdf"));
    window.exportReportAction()->trigger();
    REQUIRE(QTest::qWaitFor([&] { return window.findChild<QMessageBox*>(QStringLiteral("errorMessage")); },
                            30000));
    CHECK(window.findChild<QMessageBox*>(QStringLiteral("errorMessage"))
              ->text()
              .contains(QStringLiteral("Cannot write")));
    CHECK(exported.size() == 2);
    CHECK_FALSE(QFile::exists(answer));
}

TEST_CASE("Cancel stops a report export before anything is written", "[mainwindow][report]") {
    GovernanceWorkspace data;
    data.executePromotion();
    MainWindowFixture ui;
    MainWindow& window = ui.window;
    WorkspaceSession& session = ui.session;
    QTemporaryDir& dir = ui.dir;
    data.openAs(session, QStringLiteral("tester"));
    window.showModel(data.modelId, 1);
    const QString answer = dir.filePath(QStringLiteral("report.pdf"));
    window.setReportPathChooser([&](const QString&) { return answer; });
    QSignalSpy exported(&window, &MainWindow::reportExported);

    window.exportReportAction()->trigger();
    QPointer<WorkspaceJobDialog> progress = window.findChild<WorkspaceJobDialog*>();
    REQUIRE(progress);
    auto* cancel = progress->findChild<QPushButton*>();
    REQUIRE(cancel);
    cancel->click();
    REQUIRE(QTest::qWaitFor([&] { return progress.isNull(); }, 30000));
    CHECK(exported.isEmpty());
    CHECK_FALSE(QFile::exists(answer));
    CHECK(QDir(dir.path()).entryList({QStringLiteral("report*")}, QDir::Files | QDir::Hidden).isEmpty());
    CHECK(window.statusBar()->currentMessage().contains(QLatin1String("cancelled")));
    CHECK(window.findChild<QMessageBox*>(QStringLiteral("errorMessage")) == nullptr);
    CHECK(window.exportReportAction()->isEnabled());
}
