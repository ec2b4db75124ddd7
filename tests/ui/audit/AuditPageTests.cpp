#include "core/audit/AuditTrail.h"
#include "core/identity/Identity.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/TemporaryWorkspace.h"
#include "tests/ui/support/MainWindowFixture.h"
#include "tests/ui/support/UiTestData.h"
#include "ui/audit/AuditChangeModel.h"
#include "ui/audit/AuditEventModel.h"
#include "ui/audit/AuditPage.h"
#include "ui/audit/IntegrityProblemModel.h"
#include "ui/explore/ExperimentsPage.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/BannerLabel.h"
#include "ui/widgets/WorkspaceJobDialog.h"
#include "ui/workspace/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::TemporaryWorkspace;

namespace {

void record(Workspace& workspace, const QString& action, const QString& entity, const QJsonObject& payload) {
    workspace.write([&](WriteTransaction& tx) { tx.audit(action, entity, payload); });
}

// What someone with the sqlite3 shell can do, on the file: drop the guard and edit a row.
void tamper(const QString& path) {
    const QString name = QStringLiteral("tamper");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        REQUIRE(db.open());
        QSqlQuery query(db);
        REQUIRE(query.exec(QStringLiteral("DROP TRIGGER audit_log_no_update")));
        REQUIRE(query.exec(QStringLiteral("UPDATE audit_log SET actor = 'mallory' WHERE seq = 3")));
    }
    QSqlDatabase::removeDatabase(name);
}

// Four events after the workspace's own, a day apart: by tester, tester, val, val.
struct AuditFixture {
    TemporaryWorkspace ws;
    qint64 base = 0;
    qint64 day0 = 0;

    AuditFixture() {
        ws->write([](WriteTransaction& tx) {
            Identity::addUser(tx, QStringLiteral("val"), QStringLiteral("Val"), {Role::Validator});
        });
        base = AuditTrail(ws.workspace()).lastSeq();
        const std::unique_ptr<Workspace> val = ws.reopen(QStringLiteral("val"));
        day0 = ws.now += 86'400'000;
        record(ws.workspace(), QStringLiteral("model.register"), QStringLiteral("model:churn"),
               {{QStringLiteral("owner"), QStringLiteral("ada")}, {QStringLiteral("tier"), 2}});
        ws.now += 86'400'000;
        record(ws.workspace(), QStringLiteral("drift.monitor.create"), QStringLiteral("drift:7"),
               {{QStringLiteral("model"), QStringLiteral("churn")}});
        ws.now += 86'400'000;
        record(*val, QStringLiteral("model.owner"), QStringLiteral("model:churn"),
               {{QStringLiteral("owner"), QStringLiteral("bea")}, {QStringLiteral("tier"), 2}});
        ws.now += 86'400'000;
        record(*val, QStringLiteral("drift.compute"), QStringLiteral("drift:7"),
               {{QStringLiteral("note"), QStringLiteral("PSI above 0.2")}});
    }
    qint64 at(int i) const { return base + i; }
};

struct PageFixture : AuditFixture {
    WorkspaceSession session;
    std::unique_ptr<AuditPage> page;

    explicit PageFixture(bool tampered = false) {
        if (tampered)
            tamper(ws.path());
        session.setWorkspace(ws.reopen());
        page = std::make_unique<AuditPage>(session);
        page->resize(1200, 700);
        waitForIntegrity();
    }
    // The integrity check runs on a worker.
    void waitForIntegrity() const {
        REQUIRE(test::waitFor([&] { return !page->isCheckingIntegrity(); }));
        QCoreApplication::processEvents(); // the watcher's finished() delivers the report
    }
    // Exports on the page's worker and waits for the outcome; true when the file was written.
    bool exportTo(const QString& path, AuditPage::ExportFormat format) const {
        QSignalSpy finished(page.get(), &AuditPage::exportFinished);
        page->exportTo(path, format);
        REQUIRE(test::waitFor([&] { return !finished.isEmpty(); }));
        return finished.first().at(1).toBool();
    }
    QList<qint64> shown() const {
        QList<qint64> seqs;
        for (int row = 0; row < page->eventModel()->rowCount(); ++row)
            seqs << page->eventModel()->event(row).seq;
        return seqs;
    }
};

} // namespace

TEST_CASE("The Audit page filters events by each criterion", "[ui][audit]") {
    PageFixture f;
    QAbstractItemModelTester tester(f.page->eventModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester changes(f.page->changeModel(),
                                     QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(f.shown().size() == f.at(4));
    CHECK(f.shown().first() == f.at(4));
    CHECK(
        f.page->findChild<QLabel*>(QStringLiteral("auditTitle"))->text().contains(QString::number(f.at(4))));

    QComboBox* actor = f.page->actorCombo();
    actor->setCurrentIndex(actor->findData(QStringLiteral("val")));
    CHECK(f.shown() == QList<qint64>{f.at(4), f.at(3)});
    actor->setCurrentIndex(0);

    QComboBox* action = f.page->actionCombo();
    REQUIRE(action->findData(QStringLiteral("drift.")) > 0); // the group entry
    action->setCurrentIndex(action->findData(QStringLiteral("drift.")));
    CHECK(f.shown() == QList<qint64>{f.at(4), f.at(2)});
    action->setCurrentIndex(action->findData(QStringLiteral("model.owner")));
    CHECK(f.shown() == QList<qint64>{f.at(3)});
    action->setCurrentIndex(0);

    // Typed filters apply after a pause.
    f.page->entityEdit()->setText(QStringLiteral("model:CHURN"));
    CHECK(QTest::qWaitFor([&] { return f.shown() == QList<qint64>{f.at(3), f.at(1)}; }));
    f.page->entityEdit()->clear();
    f.page->searchEdit()->setText(QStringLiteral("psi above"));
    CHECK(QTest::qWaitFor([&] { return f.shown() == QList<qint64>{f.at(4)}; }));
    f.page->searchEdit()->clear();
    CHECK(QTest::qWaitFor([&] { return f.shown().size() == f.at(4); }));

    AuditFilter dates;
    dates.from = f.day0 + 86'400'000;   // the second day ...
    dates.to = f.day0 + 2 * 86'400'000; // ... through the third, whole days
    f.page->setFilter(dates);
    CHECK(f.shown() == QList<qint64>{f.at(3), f.at(2)});
    CHECK(f.page->fromEdit()->date() == QDateTime::fromMSecsSinceEpoch(*dates.from).date());
    CHECK(f.page->findChild<QLabel*>(QStringLiteral("auditTitle"))->text().contains(QStringLiteral("2 of")));

    f.page->findChild<QPushButton*>(QStringLiteral("clearAuditFilter"))->click();
    CHECK(f.shown().size() == f.at(4));
}

TEST_CASE("The Audit page shows an event's fields before and after, with its hashes", "[ui][audit]") {
    PageFixture f;
    REQUIRE(f.page->selectEvent(f.at(3)));
    CHECK(f.page->selectedSeq() == f.at(3));
    const AuditChangeModel* changes = f.page->changeModel();
    REQUIRE(changes->rowCount() == 2);
    const auto cell = [changes](int row, int column) {
        return changes->index(row, column).data().toString();
    };
    CHECK(cell(0, AuditChangeModel::FieldColumn) == QStringLiteral("owner"));
    CHECK(cell(0, AuditChangeModel::BeforeColumn) == QStringLiteral("ada"));
    CHECK(cell(0, AuditChangeModel::AfterColumn) == QStringLiteral("bea"));
    CHECK(changes->index(0, AuditChangeModel::AfterColumn).data(Qt::FontRole).value<QFont>().bold());
    CHECK(cell(1, AuditChangeModel::BeforeColumn) == QStringLiteral("2"));
    CHECK_FALSE(changes->index(1, AuditChangeModel::AfterColumn).data(Qt::FontRole).value<QFont>().bold());
    const AuditEvent event = *AuditTrail(*f.session.workspace()).event(f.at(3));
    CHECK(f.page->hashLabel()->text().remove(QLatin1Char(' ')).contains(QString::fromLatin1(event.hash)));
    CHECK(f.page->hashLabel()->text().remove(QLatin1Char(' ')).contains(QString::fromLatin1(event.prevHash)));
    CHECK(f.page->detailHeader()->text().contains(QStringLiteral("model.owner")));

    // The entity's first event: nothing before.
    REQUIRE(f.page->selectEvent(f.at(1)));
    CHECK(cell(0, AuditChangeModel::BeforeColumn) == QStringLiteral("—"));
}

TEST_CASE("A mouse click on an event shows its details, as the keyboard does", "[ui][audit]") {
    PageFixture f;
    f.page->show();
    REQUIRE(QTest::qWaitForWindowExposed(f.page.get()));
    auto* view = f.page->findChild<QTableView*>(QStringLiteral("auditEvents"));
    REQUIRE(view);
    const int row = f.page->eventModel()->rowOf(f.at(3));
    REQUIRE(row >= 0);
    const QRect cell = view->visualRect(f.page->eventModel()->index(row, AuditEventModel::ActionColumn));
    REQUIRE(view->viewport()->rect().contains(cell.center()));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    CHECK(f.page->selectedSeq() == f.at(3));
    CHECK(f.page->detailHeader()->text().contains(QStringLiteral("model.owner")));
    const AuditEvent event = *AuditTrail(*f.session.workspace()).event(f.at(3));
    CHECK(f.page->hashLabel()->text().remove(QLatin1Char(' ')).contains(QString::fromLatin1(event.hash)));
    CHECK(f.page->changeModel()->rowCount() == 2);

    // Down moves to the next row and shows it too.
    QTest::keyClick(view, Qt::Key_Down);
    CHECK(f.page->selectedSeq() != f.at(3));
    CHECK(f.page->detailHeader()->text().contains(QStringLiteral("Event %1").arg(f.page->selectedSeq())));
}

TEST_CASE("The Audit page exports the filtered events as CSV and JSON", "[ui][audit]") {
    PageFixture f;
    AuditFilter byVal;
    byVal.actor = QStringLiteral("val");
    f.page->setFilter(byVal);
    QTemporaryDir dir;
    const QString csvPath = dir.filePath(QStringLiteral("audit.csv"));
    REQUIRE(f.exportTo(csvPath, AuditPage::ExportFormat::Csv));
    QFile csv(csvPath);
    REQUIRE(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().split('\n');
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].startsWith("seq,time,at,actor,action,entity,payload"));
    CHECK(lines[1].startsWith(QByteArray::number(f.at(4)) + ','));
    CHECK(lines[2].contains(",val,model.owner,model:churn,"));

    const QString jsonPath = dir.filePath(QStringLiteral("audit.json"));
    REQUIRE(f.exportTo(jsonPath, AuditPage::ExportFormat::Json));
    QFile json(jsonPath);
    REQUIRE(json.open(QIODevice::ReadOnly));
    const QJsonArray events = QJsonDocument::fromJson(json.readAll()).array();
    REQUIRE(events.size() == 2);
    CHECK(events[1].toObject()[QStringLiteral("seq")].toInteger() == f.at(3));
    CHECK(events[1].toObject()[QStringLiteral("payload")].toObject()[QStringLiteral("owner")] ==
          QStringLiteral("bea"));

    // A folder that does not exist: nothing written, and the user is told.
    CHECK_FALSE(f.exportTo(dir.filePath(QStringLiteral("missing/audit.csv")), AuditPage::ExportFormat::Csv));
    CHECK(f.page->findChild<QMessageBox*>(QStringLiteral("errorMessage")) != nullptr);
}

TEST_CASE("A cancelled audit export writes no file and leaves the workspace as it was", "[ui][audit]") {
    PageFixture f;
    // Several of the export's pages, so that the worker looks at Cancel more than once.
    f.ws->write([](WriteTransaction& tx) {
        for (int i = 0; i < 5000; ++i)
            tx.audit(QStringLiteral("view.save"), QStringLiteral("view:%1").arg(i),
                     {{QStringLiteral("i"), i}});
    });
    const AuditTrail trail(f.ws.workspace());
    const qint64 lastSeq = trail.lastSeq();
    const qint64 count = trail.count({});
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.csv"));

    QSignalSpy finished(f.page.get(), &AuditPage::exportFinished);
    f.page->exportTo(path, AuditPage::ExportFormat::Csv);
    auto* progress = f.page->findChild<WorkspaceJobDialog*>();
    REQUIRE(progress);
    // Shown only once the export has taken half a second; its Cancel works before that too.
    CHECK(progress->minimumDuration() == WorkspaceJobDialog::minimumShowMs);
    auto* cancel = progress->findChild<QPushButton*>();
    REQUIRE(cancel);
    cancel->click();
    REQUIRE(test::waitFor([&] { return !finished.isEmpty(); }));
    CHECK_FALSE(finished.first().at(1).toBool());
    CHECK(finished.first().at(2).toString().contains(QLatin1String("cancelled")));
    CHECK(f.page->findChild<QMessageBox*>(QStringLiteral("errorMessage")) == nullptr); // not an error
    // No file, not even QSaveFile's temporary one; and nothing written to the workspace.
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    CHECK(trail.lastSeq() == lastSeq);
    CHECK(trail.count({}) == count);

    // The same export, not cancelled, writes every event.
    finished.clear();
    REQUIRE(f.exportTo(path, AuditPage::ExportFormat::Csv));
    QFile csv(path);
    REQUIRE(csv.open(QIODevice::ReadOnly));
    CHECK(csv.readAll().count('\n') == count + 1);
}

TEST_CASE("The Audit page loads events a page at a time and reloads after commits", "[ui][audit]") {
    PageFixture f;
    f.session.workspace()->write([](WriteTransaction& tx) {
        for (int i = 0; i < AuditEventModel::pageSize + 50; ++i)
            tx.audit(QStringLiteral("bulk.event"), QStringLiteral("bulk:%1").arg(i), {});
    });
    // A model of its own: the page's view fetches what it has room for.
    AuditEventModel own(f.session);
    AuditEventModel* model = &own;
    const qint64 last = AuditTrail(*f.session.workspace()).lastSeq();
    CHECK(model->rowCount() == AuditEventModel::pageSize);
    CHECK(model->event(0).seq == last);
    CHECK(model->matchCount() == last);
    REQUIRE(model->canFetchMore({}));
    model->fetchMore({});
    CHECK(model->rowCount() == last);
    CHECK_FALSE(model->canFetchMore({}));
    // Created now: the tester itself fetches more.
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // A commit reloads the list, keeping the rows loaded, the newest on top.
    f.session.workspace()->write(
        [](WriteTransaction& tx) { tx.audit(QStringLiteral("late.event"), QStringLiteral("late:1"), {}); });
    CHECK(model->rowCount() == last); // as many as were loaded; the oldest is one fetch away
    model->fetchMore({});
    CHECK(model->rowCount() == last + 1);
    CHECK(model->event(0).action == QStringLiteral("late.event"));
    CHECK(f.page->eventModel()->event(0).action == QStringLiteral("late.event"));
    // The new action is offered at once.
    CHECK(f.page->actionCombo()->findData(QStringLiteral("bulk.event")) >= 0);
}

TEST_CASE("The Audit page's banner says whether the trail verifies", "[ui][audit]") {
    SECTION("intact") {
        PageFixture f;
        CHECK(f.page->integrityBanner()->kind() == BannerLabel::Kind::Success);
        CHECK(f.page->integrityBanner()->text().contains(QStringLiteral("through sequence %1").arg(f.at(4))));
        CHECK(f.page->problemView()->isHidden());
        CHECK(f.page->problemModel()->rowCount() == 0);
        // A commit while the page is hidden is verified when it shows.
        record(*f.session.workspace(), QStringLiteral("late.event"), QStringLiteral("late:1"), {});
        f.page->show();
        REQUIRE(QTest::qWaitForWindowExposed(f.page.get()));
        CHECK(f.page->integrityBanner()->text().startsWith(QStringLiteral("Checking")));
        REQUIRE(test::waitFor([&] {
            return f.page->integrityBanner()->text().contains(
                QStringLiteral("through sequence %1").arg(f.at(5)));
        }));
    }
    SECTION("tampered") {
        PageFixture f(true);
        QAbstractItemModelTester tester(f.page->problemModel(),
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        CHECK(f.page->integrityBanner()->kind() == BannerLabel::Kind::Alert);
        CHECK(f.page->integrityBanner()->text().contains(QStringLiteral("Broken at sequence 3")));
        CHECK_FALSE(f.page->problemView()->isHidden());
        REQUIRE(f.page->problemModel()->rowCount() >= 1);
        CHECK(f.page->problemModel()->index(0).data().toString().startsWith(QStringLiteral("Sequence 3:")));

        // A click on the problem shows its event, even when the filter hid it.
        AuditFilter other;
        other.actor = QStringLiteral("val");
        f.page->setFilter(other);
        f.page->show();
        REQUIRE(QTest::qWaitForWindowExposed(f.page.get()));
        QListView* problems = f.page->problemView();
        QTest::mouseClick(problems->viewport(), Qt::LeftButton, {},
                          problems->visualRect(f.page->problemModel()->index(0)).center());
        CHECK(f.page->selectedSeq() == 3);
        CHECK(f.page->eventModel()->filter().isEmpty());
        CHECK(f.page->eventModel()->event(f.page->eventView()->currentIndex().row()).actor ==
              QStringLiteral("mallory"));
    }
}

TEST_CASE("The main window checks a workspace's integrity when it opens it", "[ui][audit]") {
    test::MainWindowFixture w;
    MainWindow& window = w.window;
    AuditFixture intact;
    REQUIRE(window.openWorkspace(intact.ws.path()));
    REQUIRE(w.waitForStatus(QStringLiteral("Audit trail verified")));
    CHECK(window.findChild<QMessageBox*>(QStringLiteral("integrityWarning")) == nullptr);

    AuditFixture tampered;
    tamper(tampered.ws.path());
    REQUIRE(window.openWorkspace(tampered.ws.path()));
    REQUIRE(w.waitForStatus(QStringLiteral("Broken at sequence 3")));
    auto* warning = window.findChild<QMessageBox*>(QStringLiteral("integrityWarning"));
    REQUIRE(warning != nullptr);
    CHECK(warning->isVisible());
    CHECK_FALSE(warning->isModal());
    CHECK(warning->informativeText().contains(QStringLiteral("Sequence 3:")));
    CHECK(window.currentPage() != static_cast<QWidget*>(window.auditPage()));
    warning->findChild<QPushButton*>(QStringLiteral("showAuditButton"))->click();
    CHECK(window.currentPage() == static_cast<QWidget*>(window.auditPage()));
    CHECK(window.auditPage()->selectedSeq() == 3);
}

TEST_CASE("Behind another page of the main window, the Audit page reads the trail only once it shows",
          "[ui][audit]") {
    test::MainWindowFixture w;
    MainWindow& window = w.window;
    AuditFixture f;
    REQUIRE(window.openWorkspace(f.ws.path()));
    AuditPage* page = window.auditPage();
    REQUIRE(window.currentPage() != static_cast<QWidget*>(page));

    // The integrity check of the file runs at once; the list, its count and the filter's choices,
    // each a scan of the whole trail, wait.
    REQUIRE(w.waitForStatus(QStringLiteral("Audit trail verified")));
    CHECK(page->eventModel()->isStale());
    CHECK(page->eventModel()->rowCount() == 0);
    CHECK(page->actorCombo()->count() == 1); // "Anyone" alone
    record(*w.session.workspace(), QStringLiteral("late.event"), QStringLiteral("late:1"), {});
    CHECK(page->eventModel()->rowCount() == 0);

    window.showPage(page);
    CHECK_FALSE(page->eventModel()->isStale());
    REQUIRE(page->eventModel()->rowCount() == f.at(5));
    CHECK(page->eventModel()->event(0).action == QStringLiteral("late.event"));
    CHECK(page->actorCombo()->findData(QStringLiteral("val")) > 0);
    CHECK(page->findChild<QLabel*>(QStringLiteral("auditTitle"))->text().contains(QString::number(f.at(5))));

    // Hidden again, a commit waits for the page; asked for an event, the page reads it at once.
    window.showPage(window.experimentsPage());
    record(*w.session.workspace(), QStringLiteral("later.event"), QStringLiteral("late:2"), {});
    CHECK(page->eventModel()->event(0).action == QStringLiteral("late.event"));
    window.showAudit(f.at(6));
    CHECK(page->selectedSeq() == f.at(6));
    CHECK(page->eventModel()->event(0).action == QStringLiteral("later.event"));
}
