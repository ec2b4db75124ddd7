#include "ui/session/UiSettings.h"

#include <QDir>
#include <QSettings>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace assay;

TEST_CASE("Recent workspaces: most recent first, no duplicates, at most eight, persisted", "[settings]") {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("gui.conf"));
    const auto workspace = [&](int i) {
        return dir.filePath(QStringLiteral("w%1.assay").arg(i));
    };
    {
        UiSettings settings(file);
        CHECK(settings.recentWorkspaces().isEmpty());
        for (int i = 0; i < 10; ++i)
            settings.addRecentWorkspace(workspace(i));
        // Opening w5 again moves it to the front instead of listing it twice.
        settings.addRecentWorkspace(workspace(5));
        settings.sync();
    }
    UiSettings reread(file);
    const QStringList recent = reread.recentWorkspaces();
    REQUIRE(recent.size() == UiSettings::maxRecentWorkspaces);
    CHECK(recent.at(0) == workspace(5));
    CHECK(recent.at(1) == workspace(9));
    CHECK(recent.count(workspace(5)) == 1);
    CHECK_FALSE(recent.contains(workspace(0)));

    // A relative spelling of a listed file is the same entry.
    const QString previousDirectory = QDir::currentPath();
    QDir::setCurrent(dir.path());
    reread.addRecentWorkspace(QStringLiteral("./w9.assay"));
    QDir::setCurrent(previousDirectory);
    CHECK(reread.recentWorkspaces().at(0) == workspace(9));
    CHECK(reread.recentWorkspaces().count(workspace(9)) == 1);

    reread.removeRecentWorkspace(workspace(9));
    CHECK_FALSE(reread.recentWorkspaces().contains(workspace(9)));
    reread.clearRecentWorkspaces();
    CHECK(reread.recentWorkspaces().isEmpty());
}

TEST_CASE("Window geometry and splitter state round-trip through the settings file", "[settings]") {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("gui.conf"));
    {
        UiSettings settings(file);
        CHECK(settings.mainWindowGeometry().isEmpty());
        settings.setMainWindowGeometry(QByteArray("geometry"));
        settings.setExperimentsSplitterState(QByteArray("splitter"));
    }
    UiSettings reread(file);
    CHECK(reread.mainWindowGeometry() == QByteArray("geometry"));
    CHECK(reread.experimentsSplitterState() == QByteArray("splitter"));
}

TEST_CASE("Every setting starts from the one table of defaults, and reading writes nothing", "[settings]") {
    using Key = UiSettings::Key;
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("gui.conf"));
    {
        UiSettings settings(file);
        CHECK(settings.recentWorkspaces() == UiSettings::defaultValue(Key::RecentWorkspaces).toStringList());
        CHECK(settings.mainWindowGeometry() ==
              UiSettings::defaultValue(Key::MainWindowGeometry).toByteArray());
        CHECK(settings.experimentsSplitterState() ==
              UiSettings::defaultValue(Key::ExperimentsSplitterState).toByteArray());
        CHECK(settings.filterHistory() == UiSettings::defaultValue(Key::FilterHistory).toStringList());
        CHECK(settings.lastPage() == UiSettings::defaultValue(Key::LastPage).toString());
        CHECK(settings.lastPage() == QLatin1String("experimentsPage"));
        CHECK(settings.columnState(QStringLiteral("auditEvents")) ==
              UiSettings::defaultValue(Key::ColumnState).toByteArray());
        CHECK(settings.fileName() == file);
        settings.sync();
    }
    CHECK(QSettings(file, QSettings::IniFormat).allKeys().isEmpty());
}

TEST_CASE("The last page and each table's columns are kept under their own keys", "[settings]") {
    using Key = UiSettings::Key;
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("gui.conf"));
    {
        UiSettings settings(file);
        settings.setLastPage(QStringLiteral("auditPage"));
        settings.setColumnState(QStringLiteral("auditEvents"), QByteArray("events"));
        settings.setColumnState(QStringLiteral("modelTable"), QByteArray("models"));
    }
    UiSettings reread(file);
    CHECK(reread.lastPage() == QLatin1String("auditPage"));
    CHECK(reread.columnState(QStringLiteral("auditEvents")) == QByteArray("events"));
    CHECK(reread.columnState(QStringLiteral("modelTable")) == QByteArray("models"));
    CHECK(reread.columnState(QStringLiteral("versionTable")).isEmpty());
    const QSettings raw(file, QSettings::IniFormat);
    CHECK(UiSettings::keyName(Key::ColumnState, QStringLiteral("auditEvents")) ==
          QLatin1String("tables/auditEvents/columns"));
    CHECK(raw.value(QStringLiteral("tables/auditEvents/columns")).toByteArray() == QByteArray("events"));
    CHECK(raw.value(UiSettings::keyName(Key::LastPage)).toString() == QLatin1String("auditPage"));
}
