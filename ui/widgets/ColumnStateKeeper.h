#pragma once

#include <QHeaderView>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace assay {

class UiSettings;

// Keeps a table's columns (widths, order, hidden ones, sort) across sessions: QHeaderView's own
// state, in the settings under the table's object name. For tables with a fixed set of columns;
// the runs table, whose columns follow the workspace's keys, keeps its layout by key instead.
// Saved state is put back only while the table has as many columns as when it was saved, so a
// table that gained a column in a newer Assay starts from its defaults.
class ColumnStateKeeper : public QObject {
    Q_OBJECT

public:
    // Restores the table's saved state now, or once its model first has columns. parent: an
    // object that outlives the table or is destroyed with it.
    ColumnStateKeeper(QHeaderView* header, const QString& tableName, UiSettings& settings, QObject* parent);

    // Writes a pending change now (the window calls it on close).
    void save();

private:
    void restore();
    void scheduleSave();

    QPointer<QHeaderView> m_header;
    QString m_tableName;
    UiSettings& m_settings;
    QTimer m_saveTimer;
    bool m_restored = false;
};

} // namespace assay
