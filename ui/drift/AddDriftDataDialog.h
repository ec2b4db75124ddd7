#pragma once

#include "core/drift/DriftMonitor.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTableView;

namespace assay {

class DriftDataFileModel;
class DriftTask;
class WorkspaceSession;

// Adds current data to a monitor: one or more CSV files, each cut into the monitor's windows on
// a worker (with progress and Cancel) and written in a transaction of its own. Afterwards it
// says how many windows came in and which recommend retraining. A file that fails stops the run
// and stays listed, with the files after it; those already added leave the list.
class AddDriftDataDialog : public QDialog {
    Q_OBJECT

public:
    // Throws AssayError when there is no such monitor.
    AddDriftDataDialog(WorkspaceSession& session, qint64 monitorId, QWidget* parent = nullptr);
    ~AddDriftDataDialog() override;

    void addFiles(const QStringList& paths);
    DriftDataFileModel* fileModel() const { return m_files; }
    QTableView* fileTable() const { return m_table; }
    QPushButton* okButton() const;
    DriftTask* task() const { return m_task; }
    // What the last run added, in words ("2 windows added from 1 file; …").
    QString summary() const { return m_summary; }

    void accept() override;
    void reject() override;

signals:
    void dataAdded(qint64 monitorId, const QList<qint64>& windowIds);

private:
    void chooseFiles();
    void removeSelected();
    void addNext();
    void fileDone(const QString& path, const QList<qint64>& windowIds);
    void fail(const QString& path, const QString& message);
    void finishRun();
    void updateButtons();

    WorkspaceSession& m_session;
    DriftMonitor m_monitor;
    QList<qint64> m_added; // windows added by this run
    int m_filesAdded = 0;
    QString m_summary;

    QLabel* m_description = nullptr;
    DriftDataFileModel* m_files = nullptr;
    QTableView* m_table = nullptr;
    QPushButton* m_remove = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    DriftTask* m_task = nullptr;
};

} // namespace assay
