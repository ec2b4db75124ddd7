#include "core/tracking/RunQuery.h"
#include "core/workspace/SqliteLibrary.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WorkspaceSchema.h"
#include "tests/support/TemporaryWorkspace.h"
#include "tests/ui/support/UiTestData.h"
#include "ui/audit/AuditEventModel.h"
#include "ui/audit/AuditPage.h"
#include "ui/explore/ComparePage.h"
#include "ui/explore/ExperimentsPage.h"
#include "ui/explore/RunFilterBar.h"
#include "ui/explore/RunFilterEdit.h"
#include "ui/explore/RunPage.h"
#include "ui/explore/RunTableModel.h"
#include "ui/explore/RunTableView.h"
#include "ui/models/ModelsPage.h"
#include "ui/reviews/ReviewsPage.h"
#include "ui/session/UiSettings.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/workspace/AboutDialog.h"
#include "ui/workspace/KeyboardShortcutsDialog.h"
#include "ui/workspace/MainWindow.h"
#include "ui/workspace/PageCommand.h"
#include "ui/workspace/ShortcutModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <catch2/catch.hpp>

using namespace assay;
using assay::test::TemporaryWorkspace;

namespace {

// A workspace with runs, and a window on it whose settings live in a file the test names, so
// that a second window can read what the first one kept.
struct Desktop {
    UiSettings settings;
    WorkspaceSession session;
    MainWindow window{session, settings};

    Desktop(const QString& settingsFile, const QString& workspacePath)
        : settings(settingsFile) {
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        if (!workspacePath.isEmpty())
            REQUIRE(window.openWorkspace(workspacePath));
    }
    void activate() {
        window.activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&window));
    }
    RunTableView* runView() const { return window.experimentsPage()->runView(); }
    void waitForRuns() const {
        RunTableModel* model = window.experimentsPage()->runModel();
        REQUIRE(test::waitFor([model] { return model->rowCount() > 0; }));
    }
};

struct RunsWorkspace {
    TemporaryWorkspace ws;
    QTemporaryDir dir;
    RunsWorkspace() {
        test::addRuns(ws.workspace(), QStringLiteral("churn"), QStringLiteral("r"), 30, 1'700'000'000'000,
                      true);
    }
    QString settingsFile() const { return dir.filePath(QStringLiteral("gui.conf")); }
    qint64 runId(int index) { return RunQuery(ws.workspace()).page({}, {}, index, 1).value(0).run.id; }
};

// Every menu action with a shortcut, as (menu title path, action).
void menuShortcuts(const QList<QAction*>& actions, QList<QAction*>& found) {
    for (QAction* action : actions) {
        if (action->menu())
            menuShortcuts(action->menu()->actions(), found);
        else if (!action->shortcuts().isEmpty())
            found << action;
    }
}

} // namespace

TEST_CASE("A new window opens on the last page, with the columns and geometry the last one left",
          "[desktop]") {
    RunsWorkspace data;
    int actorWidth = 0;
    QSize size;
    {
        Desktop first(data.settingsFile(), data.ws.path());
        first.waitForRuns();
        RunTableView* runs = first.runView();
        runs->setColumnKeyVisible(QStringLiteral("params.lr"), false);
        runs->setColumnKeyPinned(QStringLiteral("params.model"), true);
        const int nameColumn =
            first.window.experimentsPage()->runModel()->columnOfKey(QStringLiteral("attributes.name"));
        runs->horizontalHeader()->resizeSection(nameColumn, 311);

        first.window.showAudit();
        QHeaderView* events = first.window.auditPage()->eventView()->horizontalHeader();
        actorWidth = events->sectionSize(AuditEventModel::ActorColumn) + 57;
        events->resizeSection(AuditEventModel::ActorColumn, actorWidth);
        // Not smaller than the pages allow; the offscreen screen is 800 × 600.
        first.window.resize(first.window.minimumSizeHint().width() + 13, 581);
        size = first.window.size();
        first.window.close();
    }
    Desktop second(data.settingsFile(), data.ws.path());
    CHECK(second.window.currentPage() == second.window.auditPage());
    CHECK(second.window.auditPage()->eventView()->horizontalHeader()->sectionSize(
              AuditEventModel::ActorColumn) == actorWidth);
    CHECK(second.window.size() == size);
    second.waitForRuns();
    RunTableView* runs = second.runView();
    CHECK_FALSE(runs->isColumnKeyVisible(QStringLiteral("params.lr")));
    CHECK(runs->pinnedColumnKeys().contains(QStringLiteral("params.model")));
    const int nameColumn =
        second.window.experimentsPage()->runModel()->columnOfKey(QStringLiteral("attributes.name"));
    CHECK(runs->columnWidth(nameColumn) == 311);

    SECTION("a page that shows what another page chose is remembered as that page") {
        second.window.showRun(data.runId(0));
        second.window.close();
        Desktop third(data.settingsFile(), data.ws.path());
        CHECK(third.window.currentPage() == third.window.experimentsPage());
    }
    SECTION("Reset Columns forgets the layout, for the next window too") {
        runs->resetColumns();
        second.window.close();
        Desktop third(data.settingsFile(), data.ws.path());
        third.waitForRuns();
        CHECK(third.runView()->isColumnKeyVisible(QStringLiteral("params.lr")));
        CHECK(third.runView()->pinnedColumnKeys() == QStringList{QStringLiteral("attributes.name")});
    }
}

TEST_CASE("Help > Keyboard Shortcuts lists every shortcut, each used once, and every page has one",
          "[desktop]") {
    QTemporaryDir dir;
    Desktop d(dir.filePath(QStringLiteral("gui.conf")), {});
    KeyboardShortcutsDialog* dialog = d.window.showKeyboardShortcuts();
    REQUIRE(dialog);
    CHECK(dialog->isVisible());
    const QList<ShortcutModel::Shortcut>& listed = dialog->model()->shortcuts();
    CHECK(dialog->model()->rowCount() == listed.size());

    QList<QAction*> inMenus;
    menuShortcuts(d.window.menuBar()->actions(), inMenus);
    REQUIRE(inMenus.size() >= 15);
    for (const QAction* action : std::as_const(inMenus)) {
        const QString command = ShortcutModel::plainText(action->text());
        INFO(command.toStdString());
        CHECK(std::any_of(listed.cbegin(), listed.cend(), [&](const ShortcutModel::Shortcut& shortcut) {
            return shortcut.command == command && shortcut.keys == action->shortcuts();
        }));
    }
    // Nothing listed that no action has: each menu row is one of the menu actions.
    CHECK(std::count_if(listed.cbegin(), listed.cend(), [](const ShortcutModel::Shortcut& shortcut) {
              return !shortcut.where.endsWith(QLatin1String(" page"));
          }) == inMenus.size());

    QSet<QKeySequence> used;
    for (const ShortcutModel::Shortcut& shortcut : listed) {
        for (const QKeySequence& key : shortcut.keys) {
            INFO(key.toString().toStdString());
            CHECK_FALSE(used.contains(key));
            used.insert(key);
        }
    }

    const QList<QWidget*> pages = d.window.navigationPages();
    REQUIRE(d.window.pageActions().size() == pages.size());
    for (qsizetype i = 0; i < pages.size(); ++i) {
        QAction* go = d.window.pageActions().at(i);
        CHECK(go->shortcut() == QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1)));
        CHECK(inMenus.contains(go));
    }
    for (const QString& common :
         {QStringLiteral("New Workspace…"), QStringLiteral("Open Workspace…"), QStringLiteral("Find"),
          QStringLiteral("Export…"), QStringLiteral("Reload"), QStringLiteral("Back"),
          QStringLiteral("Forward"), QStringLiteral("Decide…"), QStringLiteral("Keyboard Shortcuts"),
          QStringLiteral("Export Report…"), QStringLiteral("MLflow Tracking Folder (mlruns)…"),
          QStringLiteral("Quit")}) {
        INFO(common.toStdString());
        CHECK(std::any_of(listed.cbegin(), listed.cend(), [&](const ShortcutModel::Shortcut& shortcut) {
            return shortcut.command == common;
        }));
    }
    // Copy on the runs table is the Experiments page's own.
    CHECK(std::any_of(listed.cbegin(), listed.cend(), [](const ShortcutModel::Shortcut& shortcut) {
        return shortcut.where == QLatin1String("Experiments page") &&
               shortcut.keys.contains(QKeySequence::Copy);
    }));

    // The box filters by key as well as by name.
    dialog->filterEdit()->setText(QStringLiteral("ctrl+d"));
    REQUIRE(dialog->proxy()->rowCount() == 1);
    CHECK(dialog->proxy()->index(0, ShortcutModel::CommandColumn).data().toString() ==
          QStringLiteral("Decide…"));
    dialog->filterEdit()->setText(QStringLiteral("no such command"));
    CHECK(dialog->proxy()->rowCount() == 0);
}

TEST_CASE("The shortcuts go to pages, to the page's filter, and back and forth", "[desktop]") {
    RunsWorkspace data;
    Desktop d(data.settingsFile(), data.ws.path());
    d.waitForRuns();
    d.activate();

    QTest::keyClick(&d.window, Qt::Key_4, Qt::ControlModifier);
    CHECK(d.window.currentPage() == d.window.modelsPage());
    QTest::keyClick(&d.window, Qt::Key_7, Qt::ControlModifier);
    CHECK(d.window.currentPage() == d.window.auditPage());
    QTest::keyClick(&d.window, Qt::Key_F, Qt::ControlModifier);
    CHECK(QApplication::focusWidget() == d.window.auditPage()->searchEdit());
    QTest::keyClick(&d.window, Qt::Key_1, Qt::ControlModifier);
    CHECK(d.window.currentPage() == d.window.experimentsPage());
    QTest::keyClick(&d.window, Qt::Key_F, Qt::ControlModifier);
    CHECK(QApplication::focusWidget() == d.window.experimentsPage()->filterBar()->editor());

    // The Run page has nothing to find: the command is off there.
    const qint64 first = data.runId(0);
    const qint64 second = data.runId(1);
    d.window.showRun(first);
    CHECK_FALSE(d.window.findCommand()->action()->isEnabled());
    d.window.showRun(second);
    d.window.showPage(d.window.auditPage());

    // Back shows the runs again in the order they were shown, Forward returns.
    QTest::keyClick(&d.window, Qt::Key_Left, Qt::AltModifier);
    CHECK(d.window.currentPage() == d.window.runPage());
    CHECK(d.window.runPage()->runId() == second);
    QTest::keyClick(&d.window, Qt::Key_Left, Qt::AltModifier);
    CHECK(d.window.runPage()->runId() == first);
    QTest::keyClick(&d.window, Qt::Key_Left, Qt::AltModifier);
    CHECK(d.window.currentPage() == d.window.experimentsPage());
    CHECK(d.window.forwardAction()->isEnabled());
    QTest::keyClick(&d.window, Qt::Key_Right, Qt::AltModifier);
    CHECK(d.window.runPage()->runId() == first);
    QTest::keyClick(&d.window, Qt::Key_Right, Qt::AltModifier);
    QTest::keyClick(&d.window, Qt::Key_Right, Qt::AltModifier);
    CHECK(d.window.currentPage() == d.window.auditPage());
    CHECK_FALSE(d.window.forwardAction()->isEnabled());

    // Going somewhere new drops what was ahead.
    QTest::keyClick(&d.window, Qt::Key_Left, Qt::AltModifier);
    QTest::keyClick(&d.window, Qt::Key_3, Qt::ControlModifier);
    CHECK(d.window.currentPage() == d.window.comparePage());
    CHECK_FALSE(d.window.forwardAction()->isEnabled());

    // Decide… waits for a request on the Reviews page; on the lists it says so.
    QTest::keyClick(&d.window, Qt::Key_5, Qt::ControlModifier);
    CHECK(d.window.currentPage() == d.window.reviewsPage());
    CHECK(d.window.decideCommand()->action()->isEnabled());
    CHECK_FALSE(d.window.decideCommand()->isAvailable());
    QSignalSpy messages(d.window.statusBar(), &QStatusBar::messageChanged);
    QTest::keyClick(&d.window, Qt::Key_D, Qt::ControlModifier);
    REQUIRE_FALSE(messages.isEmpty());
    CHECK(messages.first().at(0).toString() == QStringLiteral("“Decide…” is not available here now."));

    // Another workspace: the places of this one are forgotten.
    TemporaryWorkspace other;
    REQUIRE(d.window.openWorkspace(other.path()));
    CHECK_FALSE(d.window.backAction()->isEnabled());
}

TEST_CASE("Help > About names the versions of Assay, Qt, SQLite and the schema, and copies them",
          "[desktop]") {
    RunsWorkspace data;
    Desktop d(data.settingsFile(), data.ws.path());
    AboutDialog* about = d.window.showAbout();
    REQUIRE(about);
    const auto fact = [about](const char* label) {
        for (const auto& [name, value] : about->facts()) {
            if (name == QLatin1String(label))
                return value;
        }
        return QString();
    };
    CHECK(fact("Assay") == QLatin1String(ASSAY_VERSION));
    CHECK(fact("Qt") ==
          QStringLiteral("%1 (built with %2)").arg(QLatin1String(qVersion()), QLatin1String(QT_VERSION_STR)));
    CHECK(fact("SQLite") == SqliteLibrary::version());
    CHECK(fact("SQLite").startsWith(QLatin1String("3.")));
    CHECK(fact("Workspace schema") == QStringLiteral("version %1 (this Assay writes version %2)")
                                          .arg(data.ws->schemaVersion())
                                          .arg(WorkspaceSchema::currentVersion()));
    CHECK(fact("Journal mode") == QLatin1String("WAL"));
    CHECK(fact("Settings") == QDir::toNativeSeparators(data.settingsFile()));

    about->copyButton()->click();
    const QString copied = QApplication::clipboard()->text();
    CHECK(copied == about->text());
    CHECK(copied.contains(QStringLiteral("SQLite: ") + SqliteLibrary::version()));
    CHECK(copied.contains(QStringLiteral("Qt: ") + QLatin1String(qVersion())));

    d.session.close();
    AboutDialog closed(d.session.workspace(), d.settings.fileName());
    CHECK(closed.facts().at(3).second == QStringLiteral("no workspace open; this Assay writes version %1")
                                             .arg(WorkspaceSchema::currentVersion()));

    // About Qt stays beside it.
    QMenu* help = d.window.menuBar()->actions().last()->menu();
    REQUIRE(help);
    CHECK(std::any_of(help->actions().cbegin(), help->actions().cend(),
                      [](const QAction* action) { return action->menuRole() == QAction::AboutQtRole; }));
}
