#include "UiSettings.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>

#include <array>

namespace assay {
namespace {

struct Entry {
    // With "%1" for settings kept per item: the item's name goes there.
    const char* name;
    QVariant (*defaultValue)();
};

// Indexed by UiSettings::Key.
const std::array<Entry, 6> entries{{
    {"workspaces/recent",
     [] {
         return QVariant(QStringList());
     }},
    {"mainWindow/geometry",
     [] {
         return QVariant(QByteArray());
     }},
    {"experiments/splitterState",
     [] {
         return QVariant(QByteArray());
     }},
    {"experiments/filterHistory",
     [] {
         return QVariant(QStringList());
     }},
    {"mainWindow/lastPage",
     [] {
         return QVariant(QStringLiteral("experimentsPage"));
     }},
    {"tables/%1/columns",
     [] {
         return QVariant(QByteArray());
     }},
}};

const Entry& entry(UiSettings::Key key) {
    return entries.at(static_cast<std::size_t>(key));
}

// Recent files are compared by their absolute path, so that "a.assay" and "./a.assay" are one entry.
QString canonical(const QString& path) {
    return QFileInfo(path).absoluteFilePath();
}

} // namespace

UiSettings::UiSettings()
    : m_settings(std::make_unique<QSettings>(QCoreApplication::applicationName(), QStringLiteral("gui"))) {}

UiSettings::UiSettings(const QString& iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat)) {}

UiSettings::~UiSettings() = default;

QString UiSettings::keyName(Key key, const QString& item) {
    const QString name = QLatin1String(entry(key).name);
    return name.contains(QLatin1String("%1")) ? name.arg(item) : name;
}

QVariant UiSettings::defaultValue(Key key) {
    return entry(key).defaultValue();
}

QVariant UiSettings::value(Key key, const QString& item) const {
    return m_settings->value(keyName(key, item), defaultValue(key));
}

void UiSettings::setValue(Key key, const QVariant& value, const QString& item) {
    m_settings->setValue(keyName(key, item), value);
}

QStringList UiSettings::recentWorkspaces() const {
    return value(Key::RecentWorkspaces).toStringList().mid(0, maxRecentWorkspaces);
}

void UiSettings::addRecentWorkspace(const QString& path) {
    QStringList recent = recentWorkspaces();
    recent.removeAll(canonical(path));
    recent.prepend(canonical(path));
    setValue(Key::RecentWorkspaces, recent.mid(0, maxRecentWorkspaces));
}

void UiSettings::removeRecentWorkspace(const QString& path) {
    QStringList recent = recentWorkspaces();
    recent.removeAll(canonical(path));
    setValue(Key::RecentWorkspaces, recent);
}

void UiSettings::clearRecentWorkspaces() {
    setValue(Key::RecentWorkspaces, QStringList());
}

QByteArray UiSettings::mainWindowGeometry() const {
    return value(Key::MainWindowGeometry).toByteArray();
}

void UiSettings::setMainWindowGeometry(const QByteArray& geometry) {
    setValue(Key::MainWindowGeometry, geometry);
}

QByteArray UiSettings::experimentsSplitterState() const {
    return value(Key::ExperimentsSplitterState).toByteArray();
}

void UiSettings::setExperimentsSplitterState(const QByteArray& state) {
    setValue(Key::ExperimentsSplitterState, state);
}

QStringList UiSettings::filterHistory() const {
    return value(Key::FilterHistory).toStringList().mid(0, maxFilterHistory);
}

void UiSettings::addFilterHistory(const QString& filter) {
    const QString entry = filter.trimmed();
    if (entry.isEmpty())
        return;
    QStringList history = filterHistory();
    history.removeAll(entry);
    history.prepend(entry);
    setValue(Key::FilterHistory, history.mid(0, maxFilterHistory));
}

QString UiSettings::lastPage() const {
    return value(Key::LastPage).toString();
}

void UiSettings::setLastPage(const QString& pageName) {
    setValue(Key::LastPage, pageName);
}

QByteArray UiSettings::columnState(const QString& tableName) const {
    return value(Key::ColumnState, tableName).toByteArray();
}

void UiSettings::setColumnState(const QString& tableName, const QByteArray& state) {
    setValue(Key::ColumnState, state, tableName);
}

QString UiSettings::fileName() const {
    return m_settings->fileName();
}

void UiSettings::sync() {
    m_settings->sync();
}

} // namespace assay
