#pragma once

#include "UiTestData.h"
#include "ui/session/UiSettings.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/workspace/MainWindow.h"

#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

namespace assay::test {

// A main window with its own settings file, shown on the offscreen platform.
struct MainWindowFixture {
    QTemporaryDir dir;
    UiSettings settings{dir.filePath(QStringLiteral("gui.conf"))};
    WorkspaceSession session;
    MainWindow window{session, settings};

    MainWindowFixture() {
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
    }

    QTableView* runTable() const { return window.findChild<QTableView*>(QStringLiteral("runTable")); }
    QListView* experimentList() const {
        return window.findChild<QListView*>(QStringLiteral("experimentList"));
    }
    QString label(const char* name) const { return window.findChild<QLabel*>(QLatin1String(name))->text(); }
    QMessageBox* messageBox(const char* name) const {
        return window.findChild<QMessageBox*>(QLatin1String(name));
    }
    // Waits until the status bar's message contains text.
    bool waitForStatus(const QString& text) const {
        return waitFor([&] { return window.statusBar()->currentMessage().contains(text); });
    }
};

} // namespace assay::test
