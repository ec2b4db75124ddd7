#pragma once

#include "core/audit/AuditFilter.h"
#include "core/audit/IntegrityReport.h"
#include "ui/session/WorkspaceJob.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSplitter;
class QTableView;
class QTimer;

namespace assay {

class AuditChangeModel;
class AuditEventModel;
class BannerLabel;
class IntegrityProblemModel;
class PageTitleLabel;
class WorkspaceJobDialog;
class WorkspaceSession;

// The audit trail for auditors (DESIGN §7): an integrity banner from WorkspaceIntegrity (each
// problem listed; one with a sequence number shows its event), a filter bar (actor, action,
// entity, dates, text), the matching events newest first, and the selected event's fields as
// before → after with its hashes. The filtered events export to CSV or JSON. Every commit appends
// events, so any change reloads the list and checks the integrity again (when the page next
// shows, if it is hidden: the check walks the whole chain). Behind another page of the main
// window, the page reads neither the list nor the filter's choices until it shows: both scan the
// whole trail. The integrity check of a newly opened workspace runs at once all the same.
class AuditPage : public QWidget {
    Q_OBJECT

public:
    explicit AuditPage(WorkspaceSession& session, QWidget* parent = nullptr);

    enum class ExportFormat { Csv, Json };

    // The filter the bar shows; setting it updates the bar and the list.
    AuditFilter filter() const;
    void setFilter(const AuditFilter& filter);
    void clearFilter();
    // Selects event seq and scrolls to it, clearing the filter when it hides the event; false
    // when the trail has no such event.
    bool selectEvent(qint64 seq);
    qint64 selectedSeq() const;
    // Writes the filtered events to path on a worker, behind a progress dialog whose Cancel
    // leaves no file (QSaveFile); exportFinished() follows, and a failure is also shown.
    void exportTo(const QString& path, ExportFormat format);
    const IntegrityReport& integrityReport() const { return m_report; }
    // The check walks and hashes the whole chain (about a second for 150,000 events), so it runs on
    // a worker with a connection of its own; integrityChecked() follows each one.
    bool isCheckingIntegrity() const { return m_integrityWatcher.isRunning(); }

    AuditEventModel* eventModel() const { return m_events; }
    AuditChangeModel* changeModel() const { return m_changes; }
    IntegrityProblemModel* problemModel() const { return m_problems; }
    QTableView* eventView() const { return m_eventView; }
    QListView* problemView() const { return m_problemView; }
    BannerLabel* integrityBanner() const { return m_banner; }
    QComboBox* actorCombo() const { return m_actor; }
    QComboBox* actionCombo() const { return m_action; }
    QLineEdit* entityEdit() const { return m_entity; }
    QDateEdit* fromEdit() const { return m_from; }
    QDateEdit* toEdit() const { return m_to; }
    QLineEdit* searchEdit() const { return m_search; }
    QPushButton* exportCsvButton() const { return m_exportCsv; }
    QPushButton* exportJsonButton() const { return m_exportJson; }
    QLabel* detailHeader() const { return m_detailHeader; }
    QLabel* hashLabel() const { return m_hashes; }

signals:
    void loadFailed(const QString& message);
    void integrityChecked();
    // ok: the file was written; otherwise message says why not (cancelled: the user's choice).
    void exportFinished(const QString& path, bool ok, const QString& message);

protected:
    bool event(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    static WorkspaceJob::Job exportJob(const AuditFilter& filter, ExportFormat format, const QString& path);
    QHBoxLayout* createHeader();
    BannerLabel* createIntegrityViews();
    QWidget* createFilterBar();
    QSplitter* createEventSplitter();
    void connectWorkspace();
    QWidget* createDetail();
    void onWorkspaceChanged();
    void reloadChoices();
    void applyFilter();
    void checkIntegrity();
    void showIntegrity();
    void updateTitle();
    void showSelected();
    void chooseExport(ExportFormat format);

    WorkspaceSession& m_session;
    AuditEventModel* m_events;
    AuditChangeModel* m_changes;
    IntegrityProblemModel* m_problems;
    IntegrityReport m_report;
    bool m_integrityStale = false; // commits came while the page was hidden
    bool m_integrityAgain = false; // commits came while a check ran
    bool m_choicesStale = false;   // the actors and actions, read when the page next shows
    QFutureWatcher<IntegrityReport> m_integrityWatcher;

    PageTitleLabel* m_title = nullptr;
    BannerLabel* m_banner = nullptr;
    QListView* m_problemView = nullptr;
    QComboBox* m_actor = nullptr;
    QComboBox* m_action = nullptr;
    QLineEdit* m_entity = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QLineEdit* m_search = nullptr;
    QPushButton* m_clear = nullptr;
    QPushButton* m_exportCsv = nullptr;
    QPushButton* m_exportJson = nullptr;
    QPointer<WorkspaceJobDialog> m_export; // the export under way
    QTimer* m_typing = nullptr;
    QTableView* m_eventView = nullptr;
    QLabel* m_detailHeader = nullptr;
    QTableView* m_changeView = nullptr;
    QLabel* m_hashes = nullptr;
};

} // namespace assay
