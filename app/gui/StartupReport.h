#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

class QTableView;

namespace assay {

// assay --report-startup: how long the GUI took from its process's start to the main window
// showing the runs table's first page, and its resident memory then. Prints one JSON line on
// stdout and quits. The start-up benchmark (tests/bench/StartupBench.cpp) runs the binary with
// it; the checkpoints say where the time went.
class StartupReport : public QObject {
    Q_OBJECT

public:
    // sinceMain was started as main() began: the process's age is read once, here.
    explicit StartupReport(const QElapsedTimer& sinceMain);

    // Records the time since the process started under name.
    void mark(const QString& name);
    // Reports once table has painted rows of its model (the first page loaded and drawn), or
    // after timeoutMs without rows, with rows_visible 0 and exit status 1.
    void reportWhenPainted(QTableView* table, int timeoutMs);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    double msSinceProcessStart() const;
    int rowsVisible() const;
    void report();

    QElapsedTimer m_sinceMain;
    double m_mainMs = 0; // the process's age when main() began
    QJsonObject m_checkpoints;
    QPointer<QTableView> m_table;
    bool m_reported = false;
};

} // namespace assay
