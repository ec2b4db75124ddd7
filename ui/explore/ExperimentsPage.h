#pragma once

#include "core/tracking/RunScope.h"

#include <QFutureWatcher>
#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QListView;
class QMenu;
class QSplitter;
class QStackedWidget;
class QToolButton;

namespace assay {

class RunGroupPanel;

class ExperimentListModel;
class RunFilterBar;
class RunTableModel;
class RunTableView;
class UiSettings;
class WorkspaceSession;

// The Experiments page: the experiment list on the left (several may be selected) sets the
// scope of the runs table on the right; above the table, the saved views, the column chooser,
// Compare and Export, and the filter bar.
class ExperimentsPage : public QWidget {
    Q_OBJECT

public:
    ExperimentsPage(WorkspaceSession& session, UiSettings& settings, QWidget* parent = nullptr);
    ~ExperimentsPage() override;

    ExperimentListModel* experimentModel() const { return m_experimentModel; }
    RunTableModel* runModel() const { return m_runModel; }
    RunTableView* runView() const { return m_runView; }
    QListView* experimentView() const { return m_experimentView; }
    RunFilterBar* filterBar() const { return m_filterBar; }
    QMenu* columnsMenu() const { return m_columnsMenu; }
    QComboBox* viewCombo() const { return m_viewCombo; }
    QAction* compareAction() const { return m_compareAction; }
    QAction* exportCsvAction() const { return m_exportAction; }
    QAction* copyAction() const { return m_copyAction; }
    QComboBox* groupByCombo() const { return m_groupCombo; }
    RunGroupPanel* groupPanel() const { return m_groupPanel; }

    // The experiments the table shows; empty for all of them.
    QList<qint64> scopeExperimentIds() const { return m_scope.experimentIds; }
    // Applies a filter as if typed and entered (for --filter and tests); false when it does not parse.
    bool applyFilter(const QString& filter);
    // Saves the current filter, columns and sort as a view of the current scope, in the workspace.
    bool saveView(const QString& name);
    bool loadView(const QString& name);
    void deleteCurrentView();
    // Writes every run in scope to path on a worker thread; exportFinished reports the outcome.
    void exportCsv(const QString& path);
    // Whether the tag keys for completion are still loading.
    bool keysLoading() const { return m_keysPending; }

signals:
    void loadFailed(const QString& message);
    // A run was double-clicked or chosen with Enter: the window shows it on the Run page.
    void runActivated(qint64 runId);
    // The user asked to compare the selected runs: the window shows them on the Compare page.
    void compareRequested(const QList<qint64>& runIds);
    void exportFinished(const QString& path, bool ok, const QString& message);

private:
    RunScope effectiveScope() const;
    void showScope();
    void applyGroupCondition();
    void onGroupByChosen(int index);
    void fillGroupByCombo();
    QWidget* createExperimentPane();
    QWidget* createRunPane();
    QWidget* createRunControls();
    void createRunView();
    QStackedWidget* createRunStack();
    QSplitter* createGroupSplitter(QWidget* runs);
    QWidget* createToolBar();
    void createActions();
    void onExperimentSelectionChanged();
    void setRunScope(const QList<qint64>& experimentIds);
    void onFilterApplied(const QString& filter);
    void rememberSelection();
    void restoreSelection();
    void updateRunHeader();
    void updateActions();
    QString emptyStateText() const;
    QString scopeTitle() const;
    void rebuildColumnsMenu();
    void reloadViews();
    void onViewChosen(int index);
    void askToSaveView();
    void askToExportCsv();
    void loadCompletionKeys();
    void onKeysLoaded();

    WorkspaceSession& m_session;
    UiSettings& m_settings;
    RunTableModel* m_runModel = nullptr;
    ExperimentListModel* m_experimentModel = nullptr;
    // The experiments and the user's filter; the table shows effectiveScope(), which adds the
    // chosen group's condition.
    RunScope m_scope;
    QComboBox* m_groupCombo = nullptr;
    RunGroupPanel* m_groupPanel = nullptr;
    QSplitter* m_splitter = nullptr;
    QListView* m_experimentView = nullptr;
    QLabel* m_runHeader = nullptr;
    RunFilterBar* m_filterBar = nullptr;
    QComboBox* m_viewCombo = nullptr;
    QToolButton* m_deleteViewButton = nullptr;
    QMenu* m_columnsMenu = nullptr;
    QStackedWidget* m_runStack = nullptr;
    RunTableView* m_runView = nullptr;
    QLabel* m_emptyState = nullptr;
    QAction* m_compareAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_copyAction = nullptr;
    QAction* m_saveViewAction = nullptr;
    // Tag keys for completion come from a worker with its own connection: at 100,000 runs the
    // key scan is slower than a keystroke. The generation drops answers for an old scope.
    QFutureWatcher<QStringList> m_keyWatcher;
    int m_keyGeneration = 0;
    int m_loadedKeyGeneration = -1;
    QStringList m_tagKeys;
    // From the start of a load until its answer has been taken in (the future ends before that).
    bool m_keysPending = false;
    // The selection across a reload of the list; the path tells a reload from a switch of files.
    QString m_rememberedPath;
    QList<qint64> m_rememberedExperimentIds;
    bool m_restoring = false;
    // Whether a scope of the open workspace was shown yet: the first one loads views and keys.
    bool m_scopeShown = false;
};

} // namespace assay
