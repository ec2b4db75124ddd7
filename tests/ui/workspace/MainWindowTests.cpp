#include "core/audit/AuditFilter.h"
#include "core/audit/AuditTrail.h"
#include "core/audit/WorkspaceIntegrity.h"
#include "core/demo/DemoWorkspace.h"
#include "core/drift/DriftMonitors.h"
#include "core/governance/PromotionRequests.h"
#include "core/identity/Identity.h"
#include "core/registry/Registry.h"
#include "core/tracking/RunQuery.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/support/MlflowStoreWriter.h"
#include "tests/support/TemporaryWorkspace.h"
#include "tests/ui/support/MainWindowFixture.h"
#include "tests/ui/support/UiTestData.h"
#include "ui/drift/DriftPage.h"
#include "ui/explore/ExperimentListModel.h"
#include "ui/explore/ExperimentsPage.h"
#include "ui/explore/RunTableModel.h"
#include "ui/session/UiSettings.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/workspace/MainWindow.h"
#include "ui/workspace/UserTableModel.h"
#include "ui/workspace/UsersDialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <catch2/catch.hpp>

using namespace assay;
using assay::test::TemporaryWorkspace;

namespace {

using Window = test::MainWindowFixture;

// A demo workspace, filled once through core and shared by the tests that only read it.
const QString& demoWorkspacePath() {
    static QTemporaryDir dir;
    static const QString path = [] {
        const QString file = dir.filePath(QStringLiteral("demo.assay"));
        WorkspaceOptions options;
        options.createIfMissing = true;
        options.actor = QStringLiteral("alice");
        DemoWorkspace::populate(*Workspace::open(file, options));
        return file;
    }();
    return path;
}

} // namespace

TEST_CASE("The main window shows a demo workspace's runs, path, journal mode and acting user",
          "[mainwindow]") {
    Window w;
    qputenv("ASSAY_USER", "alice");
    REQUIRE(w.window.openWorkspace(demoWorkspacePath()));
    qunsetenv("ASSAY_USER");

    CHECK(w.window.windowTitle() == QStringLiteral("demo.assay — Assay"));
    CHECK(w.label("workspacePathLabel").contains(demoWorkspacePath()));
    CHECK(w.label("journalModeLabel") == QLatin1String("WAL"));
    // alice created the demo (admin, and a reviewer so that her inbox is not empty) and is one of
    // its data scientists.
    CHECK(w.label("actingUserLabel") ==
          QStringLiteral("Acting as alice · Admin, Data scientist, Validator, Risk officer"));

    QTableView* table = w.runTable();
    REQUIRE(table);
    CHECK(table->isVisible());
    CHECK(table->model()->rowCount() > 0);
    const qint64 total = RunQuery(*w.session.workspace()).count({});
    CHECK(w.label("runHeader") == QStringLiteral("%1 runs in all experiments").arg(total));
    // Every demo experiment plus the "All" row.
    CHECK(w.experimentList()->model()->rowCount() == 4);

    SECTION("selecting an experiment narrows the table and its header") {
        const auto churn =
            Tracking(*w.session.workspace()).experimentByName(QStringLiteral("churn-prediction"));
        REQUIRE(churn);
        auto* experiments = w.window.experimentsPage()->experimentModel();
        w.experimentList()->setCurrentIndex(experiments->index(experiments->rowOf(churn->id)));
        CHECK(w.label("runHeader") == QStringLiteral("%1 runs in churn-prediction").arg(churn->runCount));
        auto* runs = w.window.experimentsPage()->runModel();
        CHECK(runs->totalCount() == churn->runCount);
        for (int row = 0; row < runs->rowCount(); ++row)
            REQUIRE(runs->index(row, RunTableModel::ExperimentColumn).data().toString() == churn->name);
    }
    SECTION("clicking a metric header sorts the runs by it") {
        auto* runs = w.window.experimentsPage()->runModel();
        int column = -1;
        for (int c = 0; c < runs->columnCount(); ++c) {
            if (runs->headerData(c, Qt::Horizontal, RunTableModel::ColumnKeyRole).toString() ==
                QLatin1String("metrics.val_loss"))
                column = c;
        }
        REQUIRE(column >= 0);
        table->sortByColumn(column, Qt::AscendingOrder);
        CHECK(runs->runSort().field == RunSort::Field::Metric);
        CHECK(runs->runSort().key == QLatin1String("val_loss"));
        const double first = runs->index(0, column).data().toString().toDouble();
        const double second = runs->index(1, column).data().toString().toDouble();
        CHECK(first <= second);
    }
}

TEST_CASE("A refused file is explained in a message box and the open workspace stays", "[mainwindow]") {
    Window w;
    TemporaryWorkspace good;
    REQUIRE(w.window.openWorkspace(good.path()));
    const QString notAWorkspace = w.dir.filePath(QStringLiteral("notes.assay"));
    QFile file(notAWorkspace);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("just some notes, not SQLite\n");
    file.close();

    CHECK_FALSE(w.window.openWorkspace(notAWorkspace));
    QMessageBox* box = w.messageBox("errorMessage");
    REQUIRE(box);
    CHECK(box->isVisible());
    CHECK(box->text().contains(QLatin1String("is not an Assay workspace")));
    CHECK(w.session.workspace()->path() == good.path());
    CHECK(w.window.windowTitle() == QStringLiteral("test.assay — Assay"));
    CHECK_FALSE(w.settings.recentWorkspaces().contains(notAWorkspace));
    box->close();
}

TEST_CASE("Opened workspaces go to the front of File > Open Recent", "[mainwindow]") {
    Window w;
    TemporaryWorkspace first;
    TemporaryWorkspace second;
    REQUIRE(w.window.openWorkspace(first.path()));
    REQUIRE(w.window.openWorkspace(second.path()));
    CHECK(w.settings.recentWorkspaces() == QStringList{second.path(), first.path()});
    // The menu is rebuilt from a queued call (its own actions may be what triggered the change).
    const auto recentPaths = [&] {
        QStringList paths;
        for (QAction* action : w.window.recentMenu()->actions()) {
            if (action->data().isValid())
                paths << action->data().toString();
        }
        return paths;
    };
    REQUIRE(test::waitFor([&] { return recentPaths().size() == 2; }, 5000));
    CHECK(recentPaths() == QStringList{second.path(), first.path()});

    // Choosing an entry opens it.
    w.window.recentMenu()->actions().at(1)->trigger();
    CHECK(w.session.workspace()->path() == first.path());
}

TEST_CASE("Fill with Demo Data runs in the background and the tables show the new runs", "[mainwindow]") {
    Window w;
    TemporaryWorkspace empty;
    REQUIRE(w.window.openWorkspace(empty.path()));
    auto* runs = w.window.experimentsPage()->runModel();
    REQUIRE(runs->rowCount() == 0);
    REQUIRE(w.window.fillDemoAction()->isEnabled());

    w.window.fillDemoAction()->trigger();
    // No second fill while one is under way.
    CHECK_FALSE(w.window.fillDemoAction()->isEnabled());
    // Runs may show before the job ends: the session notices each of the worker's commits.
    REQUIRE(test::waitFor([&] { return w.window.fillDemoAction()->isEnabled(); }, 60'000));
    CHECK(runs->totalCount() >= DemoWorkspace::totalRuns());
    CHECK(w.window.experimentsPage()->experimentModel()->rowCount() == 4);
    CHECK(w.label("runHeader").startsWith(QStringLiteral("%1 runs").arg(runs->totalCount())));
    CHECK_FALSE(w.messageBox("errorMessage"));
}

TEST_CASE("At first start the default workspace is created and demo data is offered", "[mainwindow]") {
    // Test mode moves the default workspace out of the user's data folder.
    QStandardPaths::setTestModeEnabled(true);
    const QString path = Workspace::defaultPath();
    QFile::remove(path);
    {
        Window w;
        w.window.openAtStartup({});
        REQUIRE(w.session.isOpen());
        CHECK(w.session.workspace()->path() == path);
        QMessageBox* question = w.messageBox("demoDataQuestion");
        REQUIRE(question);
        CHECK(question->isVisible());
        question->button(QMessageBox::Yes)->click();
        auto* runs = w.window.experimentsPage()->runModel();
        REQUIRE(test::waitFor([&] { return runs->rowCount() > 0; }, 60'000));
    }
    {
        // The second start finds data there and asks nothing.
        Window w;
        w.window.openAtStartup({});
        CHECK(w.session.isOpen());
        CHECK_FALSE(w.messageBox("demoDataQuestion"));
    }
    QFile::remove(path);
    QStandardPaths::setTestModeEnabled(false);
}

TEST_CASE("The demo option creates, fills and opens the demo workspace without asking", "[mainwindow]") {
    QStandardPaths::setTestModeEnabled(true);
    const QString path = DemoWorkspace::defaultPath();
    QFile::remove(path);
    {
        Window w;
        w.window.openDemoWorkspace();
        REQUIRE(w.session.isOpen());
        CHECK(w.session.workspace()->path() == path);
        CHECK_FALSE(w.messageBox("demoDataQuestion"));
        auto* runs = w.window.experimentsPage()->runModel();
        REQUIRE(test::waitFor([&] { return runs->totalCount() == DemoWorkspace::totalRuns(); }, 60'000));
    }
    {
        // The second time it opens what is there and fills nothing.
        Window w;
        w.window.openDemoWorkspace();
        REQUIRE(w.session.isOpen());
        CHECK(w.window.experimentsPage()->runModel()->totalCount() == DemoWorkspace::totalRuns());
        CHECK_FALSE(w.window.findChild<QProgressDialog*>());
    }
    QFile::remove(path);
    QStandardPaths::setTestModeEnabled(false);
}

TEST_CASE("File > Import > MLflow brings a store in and shows what came over", "[mainwindow][mlflow]") {
    Window w;
    TemporaryWorkspace ws;
    const QString path = ws.path();
    ws.close();
    REQUIRE(w.window.openWorkspace(path));
    QTemporaryDir source;
    const QString mlruns = source.filePath(QStringLiteral("mlruns"));
    test::MlflowStoreWriter::write(
        mlruns + QStringLiteral("/0/meta.yaml"),
        test::MlflowStoreWriter::experimentMeta(QStringLiteral("0"), QStringLiteral("Default")));
    test::MlflowStoreWriter::write(
        mlruns + QStringLiteral("/0/cccccccccccccccccccccccccccccccc/meta.yaml"),
        test::MlflowStoreWriter::runMeta(QStringLiteral("cccccccccccccccccccccccccccccccc"),
                                         QStringLiteral("0"), 3, 1'700'000'000'000, 1'700'000'100'000,
                                         QStringLiteral("from-mlflow")));
    w.window.importMlflowStore(mlruns);
    REQUIRE(test::waitFor([&] { return w.messageBox("importSummary") != nullptr; }, 60'000));
    CHECK(w.messageBox("importSummary")->text().contains(QLatin1String("runs: 1 added")));
    auto* runs = w.window.experimentsPage()->runModel();
    REQUIRE(test::waitFor([&] { return runs->rowCount() == 1; }));
    CHECK(runs->index(0, RunTableModel::NameColumn).data().toString() == QLatin1String("from-mlflow"));
}

TEST_CASE("Without a workspace the window says so instead of showing an empty table", "[mainwindow]") {
    Window w;
    CHECK(w.window.windowTitle() == QLatin1String("Assay"));
    CHECK(w.label("workspacePathLabel") == QLatin1String("No workspace open"));
    CHECK_FALSE(w.window.fillDemoAction()->isEnabled());
    auto* empty = w.window.findChild<QLabel*>(QStringLiteral("runEmptyState"));
    REQUIRE(empty);
    CHECK(empty->isVisible());
    CHECK_FALSE(w.runTable()->isVisible());
}

TEST_CASE("The window refreshes when another process logs runs to its workspace", "[mainwindow]") {
    Window w;
    TemporaryWorkspace ws;
    const QString path = ws.path();
    REQUIRE(w.window.openWorkspace(path));
    auto* runs = w.window.experimentsPage()->runModel();
    CHECK(runs->totalCount() == 0);
    // As assay-cli would, through a connection of its own.
    test::addRuns(ws.workspace(), QStringLiteral("from-cli"), QStringLiteral("c"), 3, 1'700'000'000'000,
                  false);
    REQUIRE(test::waitFor([&] { return runs->totalCount() == 3; }, 5'000));
}

TEST_CASE("Workspace > Users and Roles… opens the users dialog — the status bar shows the actor's roles",
          "[mainwindow][users]") {
    Window w;
    const QList<QAction*> menus = w.window.menuBar()->actions();
    REQUIRE(menus.size() == 7);
    CHECK(menus.at(0)->text() == QLatin1String("&File"));
    CHECK(menus.at(3)->menu() == w.window.workspaceMenu());
    CHECK(menus.at(3)->text() == QLatin1String("&Workspace"));
    CHECK(menus.at(6)->text() == QLatin1String("&Help"));
    REQUIRE(w.window.workspaceMenu()->actions().contains(w.window.usersAction()));
    CHECK_FALSE(w.window.usersAction()->isEnabled());

    TemporaryWorkspace ws(QStringLiteral("ada"));
    ws->write(
        [](WriteTransaction& tx) { Identity::addUser(tx, QStringLiteral("bob"), {}, {Role::Analyst}); });
    qputenv("ASSAY_USER", "ada");
    REQUIRE(w.window.openWorkspace(ws.path()));
    qunsetenv("ASSAY_USER");
    CHECK(w.label("actingUserLabel") == QStringLiteral("Acting as ada · Admin"));
    REQUIRE(w.window.usersAction()->isEnabled());

    w.window.usersAction()->trigger();
    auto* dialog = w.window.findChild<UsersDialog*>();
    REQUIRE(dialog);
    CHECK(dialog->isVisible());
    CHECK(dialog->model()->rowCount() == 2);
    // A second time brings the same dialog forward.
    w.window.usersAction()->trigger();
    CHECK(w.window.findChildren<UsersDialog*>().size() == 1);

    // Granting herself a role through the dialog's table updates the status bar.
    UserTableModel* model = dialog->model();
    REQUIRE(model->setData(
        model->index(model->rowOf(QStringLiteral("ada")), UserTableModel::columnOf(Role::Validator)),
        Qt::Checked, Qt::CheckStateRole));
    CHECK(w.label("actingUserLabel") == QStringLiteral("Acting as ada · Admin, Validator"));

    SECTION("closing the workspace closes the dialog and disables the action") {
        w.session.close();
        CHECK_FALSE(w.window.usersAction()->isEnabled());
        REQUIRE(test::waitFor([&] { return w.window.findChild<UsersDialog*>() == nullptr; }, 5'000));
    }
    SECTION("someone who is not a user of the workspace acts with no role") {
        qputenv("ASSAY_USER", "mallory");
        REQUIRE(w.window.openWorkspace(ws.path()));
        qunsetenv("ASSAY_USER");
        CHECK(w.label("actingUserLabel") == QStringLiteral("Acting as mallory · no role"));
        CHECK(dialog->noticeLabel()->text() ==
              QLatin1String("Only an admin can change users and roles; you are mallory (no role)."));
    }
}

TEST_CASE("Archive for Auditors writes a read-only copy that opens as an archive", "[mainwindow]") {
    Window w;
    TemporaryWorkspace source;
    REQUIRE(w.window.openWorkspace(source.path()));
    REQUIRE(w.window.archiveAction()->isEnabled());
    const QString archive = w.dir.filePath(QStringLiteral("for-auditors.assay"));
    w.window.archiveTo(archive);
    REQUIRE(test::waitFor([&] { return w.window.archiveAction()->isEnabled(); }, 30'000));
    CHECK_FALSE(w.messageBox("errorMessage"));
    REQUIRE(QFileInfo::exists(archive));

    REQUIRE(w.window.openWorkspace(archive));
    CHECK(w.session.workspace()->isArchive());
    CHECK(w.label("journalModeLabel") == QLatin1String("Read-only archive"));
    CHECK_FALSE(w.window.archiveAction()->isEnabled());
    CHECK_THROWS_WITH(w.session.workspace()->write([](WriteTransaction& tx) {
        tx.audit(QStringLiteral("test.write"), QStringLiteral("workspace"), {});
    }),
                      Catch::Contains("read-only archive for auditors"));
}

TEST_CASE("Back Up writes a copy of the workspace on a worker and says where", "[mainwindow]") {
    Window w;
    TemporaryWorkspace source;
    source->write([](WriteTransaction& tx) {
        tx.audit(QStringLiteral("test.before_backup"), QStringLiteral("workspace"), {});
    });
    REQUIRE(w.window.openWorkspace(source.path()));
    REQUIRE(w.window.backupAction()->isEnabled());
    const QString backup = w.dir.filePath(QStringLiteral("nightly.assay"));
    w.window.backUpTo(backup);
    CHECK_FALSE(w.window.backupAction()->isEnabled()); // one job at a time
    REQUIRE(test::waitFor([&] { return w.window.backupAction()->isEnabled(); }, 30'000));
    CHECK_FALSE(w.messageBox("errorMessage"));
    CHECK(w.window.statusBar()->currentMessage().contains(QLatin1String("Backed up to")));

    const auto copy = Workspace::open(backup);
    CHECK_FALSE(copy->isArchive());
    CHECK(WorkspaceIntegrity::check(*copy).isIntact());
    // The copy ends where the source stood; the source then recorded the backup.
    CHECK(AuditTrail(*copy).events(AuditFilter{}, 1).value(0).action == QLatin1String("test.before_backup"));
    CHECK(AuditTrail(source.workspace()).events(AuditFilter{}, 1).value(0).action ==
          QLatin1String("workspace.backup"));
}

TEST_CASE("On a network share the status bar says so and names the journal mode", "[mainwindow][shared]") {
    Window w;
    TemporaryWorkspace source;
    const QString path = source.path();
    source.close();
    WorkspaceOptions share;
    share.networkFileSystem = true; // what statfs reports for NFS, SMB or CIFS
    w.session.open(path, share);
    CHECK(w.label("journalModeLabel") == QStringLiteral("Network share · rollback journal"));
    CHECK(w.window.findChild<QLabel*>(QStringLiteral("journalModeLabel"))
              ->toolTip()
              .contains(QLatin1String("rollback journal with full sync")));

    w.session.open(path);
    CHECK(w.label("journalModeLabel") == QLatin1String("WAL"));
}

TEST_CASE("Export Report… offers the model version in view, whichever page shows it",
          "[mainwindow][report]") {
    Window w;
    qputenv("ASSAY_USER", "alice");
    REQUIRE(w.window.openWorkspace(demoWorkspacePath()));
    qunsetenv("ASSAY_USER");
    const Registry registry(*w.session.workspace());
    const std::optional<RegisteredModel> credit = registry.modelByName(QStringLiteral("credit-default-pd"));
    REQUIRE(credit);
    QStringList suggested;
    w.window.setReportPathChooser([&](const QString& name) {
        suggested << name;
        return QString(); // cancelled: nothing is written
    });

    SECTION("the Drift page: the monitor's version") {
        w.window.showDrift(credit->id);
        REQUIRE(w.window.currentPage() == w.window.driftPage());
        const std::optional<DriftMonitor> monitor =
            DriftMonitors(*w.session.workspace()).monitor(w.window.driftPage()->monitorId());
        REQUIRE(monitor);
        const ModelVersion version = *registry.versionById(monitor->versionId);
        w.window.exportReportAction()->trigger();
        CHECK(suggested ==
              QStringList{QStringLiteral("credit-default-pd-v%1-report.pdf").arg(version.version)});
    }
    SECTION("the request page: the candidate") {
        const PromotionRequests requests(*w.session.workspace());
        const QList<PromotionRequest> all = requests.requests(credit->id);
        REQUIRE_FALSE(all.isEmpty());
        w.window.showRequest(all.first().id);
        w.window.exportReportAction()->trigger();
        CHECK(suggested ==
              QStringList{QStringLiteral("credit-default-pd-v%1-report.pdf").arg(all.first().version)});
    }
    SECTION("a page about no version asks which") {
        w.window.showPage(w.window.experimentsPage());
        w.window.exportReportAction()->trigger();
        CHECK(suggested.isEmpty());
        auto* chooser = w.window.findChild<QInputDialog*>(QStringLiteral("driftChoice"));
        REQUIRE(chooser);
        chooser->close();
    }
}

namespace {

// Every visible widget of kind T below parent, with its rectangle in parent's coordinates.
template <class T>
QList<std::pair<QWidget*, QRect>> shownRects(QWidget* parent) {
    QList<std::pair<QWidget*, QRect>> rects;
    for (T* widget : parent->findChildren<T*>()) {
        if (widget->isVisibleTo(parent))
            rects.append({widget, QRect(widget->mapTo(parent, QPoint(0, 0)), widget->size())});
    }
    return rects;
}

// No two of the bar's labels, fields and buttons overlap, and each lies inside the bar.
void requireApartAndInside(QWidget* bar) {
    QList<std::pair<QWidget*, QRect>> rects = shownRects<QLabel>(bar);
    rects += shownRects<QComboBox>(bar);
    rects += shownRects<QLineEdit>(bar);
    rects += shownRects<QAbstractButton>(bar);
    rects += shownRects<QDateEdit>(bar);
    // A combo's or a date edit's own line edit lies inside it.
    rects.removeIf([](const std::pair<QWidget*, QRect>& r) {
        return qobject_cast<QComboBox*>(r.first->parentWidget()) ||
               qobject_cast<QDateEdit*>(r.first->parentWidget()) ||
               qobject_cast<QLineEdit*>(r.first->parentWidget());
    });
    REQUIRE(rects.size() >= 4);
    for (qsizetype i = 0; i < rects.size(); ++i) {
        INFO(rects[i].first->objectName().toStdString() << " " << rects[i].first->metaObject()->className());
        CHECK(bar->rect().contains(rects[i].second));
        for (qsizetype j = i + 1; j < rects.size(); ++j)
            CHECK_FALSE(rects[i].second.intersects(rects[j].second));
    }
}

} // namespace

TEST_CASE("At 1024 × 700 every page keeps its controls apart, whole and in view", "[mainwindow][layout]") {
    Window w;
    qputenv("ASSAY_USER", "alice");
    REQUIRE(w.window.openWorkspace(demoWorkspacePath()));
    qunsetenv("ASSAY_USER");
    w.window.resize(1024, 700);
    QTest::qWait(50); // the layouts settle, lines that wrap included

    SECTION("the Experiments toolbar: no command cut short") {
        w.window.showPage(w.window.experimentsPage());
        QTest::qWait(50);
        auto* bar = w.window.findChild<QWidget*>(QStringLiteral("runToolBar"));
        REQUIRE(bar);
        requireApartAndInside(bar);
        for (QToolButton* button : bar->findChildren<QToolButton*>())
            CHECK(button->width() >= button->sizeHint().width());
    }
    SECTION("the Audit filter bar: fields apart, labels beside them") {
        w.window.showAudit();
        QTest::qWait(50);
        auto* bar = w.window.findChild<QWidget*>(QStringLiteral("auditFilterBar"));
        REQUIRE(bar);
        requireApartAndInside(bar);
    }
    SECTION("the Drift page: the latest, drifted weeks in view") {
        const std::optional<RegisteredModel> credit =
            Registry(*w.session.workspace()).modelByName(QStringLiteral("credit-default-pd"));
        REQUIRE(credit);
        w.window.showDrift(credit->id);
        QTest::qWait(50);
        auto* heatmap = w.window.findChild<QTableView*>(QStringLiteral("driftHeatmap"));
        REQUIRE(heatmap);
        REQUIRE(heatmap->currentIndex().isValid());
        const int last = heatmap->model()->columnCount() - 1;
        CHECK(heatmap->currentIndex().column() == last);
        const QRect cell = heatmap->visualRect(heatmap->currentIndex());
        CHECK(heatmap->viewport()->rect().contains(cell));
    }
}

TEST_CASE("Each page in the navigation has a picture of its own", "[mainwindow]") {
    Window w;
    auto* navigation = w.window.findChild<QListWidget*>(QStringLiteral("navigation"));
    REQUIRE(navigation);
    REQUIRE(navigation->count() >= 7);
    QList<QImage> pictures;
    for (int row = 0; row < navigation->count(); ++row)
        pictures << navigation->item(row)->icon().pixmap(32).toImage();
    for (int i = 0; i < pictures.size(); ++i) {
        for (int j = i + 1; j < pictures.size(); ++j) {
            INFO(navigation->item(i)->text().toStdString()
                 << " and " << navigation->item(j)->text().toStdString());
            CHECK(pictures[i] != pictures[j]);
        }
    }
}
