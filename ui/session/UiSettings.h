#pragma once

#include <QByteArray>
#include <QStringList>
#include <QVariant>

#include <memory>

class QSettings;

namespace assay {

// The GUI's preferences, typed, over QSettings. Every key and its default sit in one table in
// UiSettings.cpp, so that a typo cannot create a second key for the same setting. A setting kept
// per table names the table in its key ("tables/auditEvents/columns"); its default is still the
// table's entry.
class UiSettings {
public:
    static constexpr int maxRecentWorkspaces = 8;
    static constexpr int maxFilterHistory = 20;

    // The user's file: <config>/<applicationName>/gui.conf. The application has no organization
    // name (so that the default workspace path matches the CLI's); without one QSettings would
    // file the settings under "Unknown Organization".
    UiSettings();
    // An INI file at a chosen path, for tests.
    explicit UiSettings(const QString& iniPath);
    ~UiSettings();
    UiSettings(const UiSettings&) = delete;
    UiSettings& operator=(const UiSettings&) = delete;

    // Most recent first, without duplicates, at most maxRecentWorkspaces.
    QStringList recentWorkspaces() const;
    void addRecentWorkspace(const QString& path);
    void removeRecentWorkspace(const QString& path);
    void clearRecentWorkspaces();

    QByteArray mainWindowGeometry() const;
    void setMainWindowGeometry(const QByteArray& geometry);
    QByteArray experimentsSplitterState() const;
    void setExperimentsSplitterState(const QByteArray& state);

    // Filters applied in the Experiments page's filter bar: most recent first, without
    // duplicates, at most maxFilterHistory.
    QStringList filterHistory() const;
    void addFilterHistory(const QString& filter);

    // The object name of the page the window showed last ("modelsPage"); the window opens on it.
    QString lastPage() const;
    void setLastPage(const QString& pageName);

    // A table's columns (widths, order, hidden ones, sort) as the table saved them, under the
    // table's object name; empty until it saved any.
    QByteArray columnState(const QString& tableName) const;
    void setColumnState(const QString& tableName, const QByteArray& state);

    // The file the settings live in (Help > About and docs/user-guide.md name it).
    QString fileName() const;
    void sync();

    // The keys and their defaults, for tests that check every setting starts from the table.
    enum class Key {
        RecentWorkspaces,
        MainWindowGeometry,
        ExperimentsSplitterState,
        FilterHistory,
        LastPage,
        ColumnState
    };
    static QString keyName(Key key, const QString& item = {});
    static QVariant defaultValue(Key key);

private:
    QVariant value(Key key, const QString& item = {}) const;
    void setValue(Key key, const QVariant& value, const QString& item = {});

    std::unique_ptr<QSettings> m_settings;
};

} // namespace assay
