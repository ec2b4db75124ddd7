#include "ExperimentsPage.h"

#include "ExperimentItemDelegate.h"
#include "ExperimentListModel.h"
#include "RunCsvExport.h"
#include "RunFilterBar.h"
#include "RunGroupPanel.h"
#include "RunTableModel.h"
#include "RunTableView.h"
#include "core/base/AssayError.h"
#include "core/tracking/RunQuery.h"
#include "core/tracking/RunSort.h"
#include "core/tracking/SavedViews.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "ui/session/UiSettings.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/FlowLayout.h"
#include "ui/widgets/PageTitleLabel.h"
#include "ui/widgets/SelectionKeeper.h"
#include "ui/widgets/WorkspaceJobDialog.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <memory>

namespace assay {
namespace {

constexpr int experimentPaneWidth = 220;

QToolButton* toolButton(QAction* action) {
    auto* button = new QToolButton;
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(true);
    return button;
}

} // namespace

ExperimentsPage::ExperimentsPage(WorkspaceSession& session, UiSettings& settings, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_settings(settings)
    // The runs model first: on a switch of workspace it must reset its scope before the
    // experiment list's reset selects a row and sets the scope again (slots run in connection order).
    , m_runModel(new RunTableModel(session, this))
    , m_experimentModel(new ExperimentListModel(session, this)) {
    createActions();
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(createExperimentPane());
    m_splitter->addWidget(createRunPane());
    m_splitter->setStretchFactor(1, 1);
    if (!m_splitter->restoreState(m_settings.experimentsSplitterState()))
        m_splitter->setSizes({experimentPaneWidth, 1000});
    connect(m_splitter, &QSplitter::splitterMoved, this,
            [this] { m_settings.setExperimentsSplitterState(m_splitter->saveState()); });

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_experimentModel, &QAbstractItemModel::modelAboutToBeReset, this,
            &ExperimentsPage::rememberSelection);
    connect(m_experimentModel, &QAbstractItemModel::modelReset, this, &ExperimentsPage::restoreSelection);
    connect(m_runModel, &QAbstractItemModel::modelReset, this, &ExperimentsPage::updateRunHeader);
    connect(m_runModel, &QAbstractItemModel::modelReset, this, &ExperimentsPage::updateActions);
    // The metric and param keys are the model's columns, read with every reload.
    connect(m_runModel, &QAbstractItemModel::modelReset, this,
            [this] { m_filterBar->setKeys(m_runModel->metricKeys(), m_runModel->paramKeys(), m_tagKeys); });
    connect(m_runModel, &RunTableModel::loadFailed, this, &ExperimentsPage::loadFailed);
    connect(m_experimentModel, &ExperimentListModel::loadFailed, this, &ExperimentsPage::loadFailed);
    connect(&m_session, &WorkspaceSession::changed, this, [this](const ChangeSet& changes) {
        if (changes.touches(EntityKind::SavedView))
            reloadViews();
        if (changes.touches(EntityKind::Tag) || changes.touches(EntityKind::Run))
            loadCompletionKeys();
    });
    connect(&m_keyWatcher, &QFutureWatcher<QStringList>::finished, this, &ExperimentsPage::onKeysLoaded);
    restoreSelection();
}

ExperimentsPage::~ExperimentsPage() {
    // The worker reads through its own connection; it must finish before the page goes.
    m_keyWatcher.waitForFinished();
}

void ExperimentsPage::createActions() {
    m_compareAction = new QAction(tr("&Compare"), this);
    m_compareAction->setObjectName(QStringLiteral("compareRuns"));
    m_compareAction->setToolTip(tr("Compare the selected runs (select two or more)"));
    m_compareAction->setIcon(QIcon::fromTheme(QStringLiteral("view-dual")));
    connect(m_compareAction, &QAction::triggered, this, [this] {
        const QList<qint64> ids = m_runView->selectedRunIds();
        if (ids.size() >= 2)
            emit compareRequested(ids);
    });

    m_exportAction = new QAction(tr("Export Runs as &CSV…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportRunsCsv"));
    m_exportAction->setToolTip(tr("Write every run in scope, with all params and metrics, to a CSV file"));
    m_exportAction->setIcon(QIcon::fromTheme(QStringLiteral("document-save-as")));
    connect(m_exportAction, &QAction::triggered, this, &ExperimentsPage::askToExportCsv);

    m_copyAction = new QAction(tr("Copy as TSV"), this);
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetShortcut);
    m_copyAction->setToolTip(tr("Copy the selected runs, visible columns only, as tab-separated text"));

    m_saveViewAction = new QAction(tr("Save View…"), this);
    m_saveViewAction->setObjectName(QStringLiteral("saveView"));
    m_saveViewAction->setToolTip(tr("Save the filter, the columns and the sort for everyone who opens this "
                                    "workspace"));
    connect(m_saveViewAction, &QAction::triggered, this, &ExperimentsPage::askToSaveView);
}

QWidget* ExperimentsPage::createExperimentPane() {
    m_experimentView = new QListView;
    m_experimentView->setObjectName(QStringLiteral("experimentList"));
    m_experimentView->setModel(m_experimentModel);
    m_experimentView->setItemDelegate(new ExperimentItemDelegate(m_experimentView));
    // Ctrl- or Shift-click several experiments to see their runs in one table.
    m_experimentView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_experimentView->setUniformItemSizes(true);
    m_experimentView->setMinimumWidth(160);
    m_experimentView->setToolTip(tr("Ctrl+click to show the runs of several experiments together"));
    connect(m_experimentView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ExperimentsPage::onExperimentSelectionChanged);
    return m_experimentView;
}

QWidget* ExperimentsPage::createToolBar() {
    // Groups of controls that wrap onto a second line in a narrow window, rather than being cut.
    auto* bar = new QWidget;
    bar->setObjectName(QStringLiteral("runToolBar"));
    auto* layout = new FlowLayout(bar, 18);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* viewLabel = new QLabel(tr("&View"));
    m_viewCombo = new QComboBox;
    m_viewCombo->setObjectName(QStringLiteral("viewCombo"));
    m_viewCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_viewCombo->setMinimumContentsLength(12);
    m_viewCombo->setToolTip(tr("Saved views of this experiment, shared through the workspace"));
    viewLabel->setBuddy(m_viewCombo);
    connect(m_viewCombo, &QComboBox::activated, this, &ExperimentsPage::onViewChosen);
    m_deleteViewButton = new QToolButton;
    m_deleteViewButton->setText(tr("Delete"));
    m_deleteViewButton->setToolTip(tr("Delete the selected saved view"));
    m_deleteViewButton->setAutoRaise(true);
    connect(m_deleteViewButton, &QToolButton::clicked, this, &ExperimentsPage::deleteCurrentView);

    auto* columnsButton = new QToolButton;
    columnsButton->setObjectName(QStringLiteral("columnsButton"));
    columnsButton->setText(tr("Columns"));
    columnsButton->setToolTip(tr("Choose the columns: attributes, params, and metrics as latest, minimum or "
                                 "maximum value. Drag headers to reorder; right-click a header to pin it."));
    columnsButton->setPopupMode(QToolButton::InstantPopup);
    columnsButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    columnsButton->setAutoRaise(true);
    m_columnsMenu = new QMenu(columnsButton);
    columnsButton->setMenu(m_columnsMenu);
    connect(m_columnsMenu, &QMenu::aboutToShow, this, &ExperimentsPage::rebuildColumnsMenu);

    m_groupCombo = new QComboBox;
    m_groupCombo->setObjectName(QStringLiteral("groupByCombo"));
    m_groupCombo->setToolTip(tr("Group the runs by a param or tag: each group shows its run count and best "
                                "metric, and choosing one shows only its runs"));
    m_groupCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_groupCombo, &QComboBox::currentIndexChanged, this, &ExperimentsPage::onGroupByChosen);

    layout->addGroup({viewLabel, m_viewCombo, toolButton(m_saveViewAction), m_deleteViewButton});
    layout->addGroup({columnsButton});
    layout->addGroup({new QLabel(tr("Group by:")), m_groupCombo});
    layout->addGroup({toolButton(m_compareAction), toolButton(m_exportAction)});
    return bar;
}

QWidget* ExperimentsPage::createRunPane() {
    auto* pane = new QWidget;
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createRunControls());
    createRunView();
    QStackedWidget* runStack = createRunStack();
    layout->addWidget(createGroupSplitter(runStack), 1);
    return pane;
}

// Above the table: its title, the tool bar and the filter bar.
QWidget* ExperimentsPage::createRunControls() {
    auto* top = new QWidget;
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(10, 6, 10, 6);
    topLayout->setSpacing(6);
    m_runHeader = new PageTitleLabel(QStringLiteral("runHeader"));
    topLayout->addWidget(m_runHeader);
    topLayout->addWidget(createToolBar());
    m_filterBar = new RunFilterBar(m_settings);
    m_filterBar->setObjectName(QStringLiteral("filterBar"));
    connect(m_filterBar, &RunFilterBar::filterApplied, this, &ExperimentsPage::onFilterApplied);
    topLayout->addWidget(m_filterBar);
    return top;
}

void ExperimentsPage::createRunView() {
    m_runView = new RunTableView;
    m_runView->setObjectName(QStringLiteral("runTable"));
    m_runView->setRunModel(m_runModel);
    new SelectionKeeper(m_runView, RunTableModel::RunIdRole);
    m_runView->restoreColumnLayout(m_settings.columnState(m_runView->objectName()));
    connect(m_runView, &RunTableView::columnLayoutChanged, this,
            [this] { m_settings.setColumnState(m_runView->objectName(), m_runView->saveColumnLayout()); });
    m_runView->addAction(m_copyAction);
    connect(m_copyAction, &QAction::triggered, m_runView, &RunTableView::copySelection);
    m_runView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_runView, &QWidget::customContextMenuRequested, this, [this](const QPoint& position) {
        QMenu menu(this);
        const QModelIndex index = m_runView->indexAt(position);
        QAction* open = menu.addAction(tr("Open Run"));
        open->setEnabled(index.isValid());
        connect(open, &QAction::triggered, this,
                [this, index] { emit runActivated(m_runModel->runIdAt(index.row())); });
        menu.addAction(m_compareAction);
        menu.addSeparator();
        menu.addAction(m_copyAction);
        menu.addAction(m_exportAction);
        menu.exec(m_runView->viewport()->mapToGlobal(position));
    });
    connect(m_runView, &RunTableView::runActivated, this, &ExperimentsPage::runActivated);
    connect(m_runView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ExperimentsPage::updateActions);
}

// The run table, or in its place a sentence saying why it is empty.
QStackedWidget* ExperimentsPage::createRunStack() {
    m_emptyState = new QLabel;
    m_emptyState->setObjectName(QStringLiteral("runEmptyState"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setMargin(24);
    m_emptyState->setForegroundRole(QPalette::PlaceholderText);
    m_runStack = new QStackedWidget;
    m_runStack->addWidget(m_runView);
    m_runStack->addWidget(m_emptyState);
    return m_runStack;
}

QSplitter* ExperimentsPage::createGroupSplitter(QWidget* runs) {
    m_groupPanel = new RunGroupPanel(m_session);
    m_groupPanel->setObjectName(QStringLiteral("groupPanel"));
    m_groupPanel->hide();
    connect(m_groupPanel, &RunGroupPanel::groupConditionChanged, this, &ExperimentsPage::applyGroupCondition);
    auto* groupSplitter = new QSplitter(Qt::Horizontal);
    groupSplitter->addWidget(m_groupPanel);
    groupSplitter->addWidget(runs);
    groupSplitter->setStretchFactor(1, 1);
    groupSplitter->setSizes({260, 900});
    return groupSplitter;
}

void ExperimentsPage::onExperimentSelectionChanged() {
    if (m_restoring)
        return;
    QList<qint64> ids;
    bool all = false;
    const QModelIndexList rows = m_experimentView->selectionModel()->selectedRows();
    for (const QModelIndex& row : rows) {
        const RunScope scope = m_experimentModel->scopeAt(row);
        if (scope.experimentIds.isEmpty())
            all = true;
        ids << scope.experimentIds;
    }
    // "All experiments" among the selection, or nothing selected, means every experiment.
    if (all || rows.isEmpty())
        ids.clear();
    std::sort(ids.begin(), ids.end());
    setRunScope(ids);
}

void ExperimentsPage::setRunScope(const QList<qint64>& experimentIds) {
    const bool changed = experimentIds != m_scope.experimentIds || !m_scopeShown;
    m_scopeShown = m_session.isOpen();
    m_scope.experimentIds = experimentIds;
    m_scope.filter = m_filterBar->appliedFilter();
    showScope();
    // Within one experiment its name on every row is noise; the columns that differ matter more.
    m_runView->setColumnKeyHiddenByDefault(QStringLiteral("attributes.experiment"),
                                           experimentIds.size() == 1);
    updateRunHeader();
    if (changed) {
        reloadViews();
        loadCompletionKeys();
    }
}

bool ExperimentsPage::applyFilter(const QString& filter) {
    m_filterBar->setText(filter);
    return m_filterBar->apply();
}

void ExperimentsPage::onFilterApplied(const QString& filter) {
    m_scope.filter = filter;
    showScope();
    updateRunHeader();
}

RunScope ExperimentsPage::effectiveScope() const {
    RunScope scope = m_scope;
    const QString group =
        m_groupCombo->currentData().toString().isEmpty() ? QString() : m_groupPanel->groupCondition();
    if (!group.isEmpty())
        scope.filter =
            scope.filter.trimmed().isEmpty() ? group : QStringLiteral("(%1) AND %2").arg(scope.filter, group);
    return scope;
}

void ExperimentsPage::showScope() {
    m_groupPanel->setScope(m_scope);
    applyGroupCondition();
}

void ExperimentsPage::applyGroupCondition() {
    m_runModel->setScope(effectiveScope());
    updateRunHeader();
}

void ExperimentsPage::fillGroupByCombo() {
    const QString current = m_groupCombo->currentData().toString();
    QSignalBlocker blocker(m_groupCombo);
    m_groupCombo->clear();
    m_groupCombo->addItem(tr("Nothing"), QString());
    for (const QString& key : m_runModel->paramKeys())
        m_groupCombo->addItem(QStringLiteral("params.") + key, QStringLiteral("param:") + key);
    for (const QString& key : m_tagKeys)
        m_groupCombo->addItem(QStringLiteral("tags.") + key, QStringLiteral("tag:") + key);
    m_groupCombo->setCurrentIndex(std::max(0, m_groupCombo->findData(current)));
    m_groupPanel->setMetricKeys(m_runModel->metricKeys());
}

void ExperimentsPage::onGroupByChosen(int index) {
    const QString choice = m_groupCombo->itemData(index).toString();
    if (choice.isEmpty()) {
        m_groupPanel->hide();
        m_groupPanel->setGrouping(RunGrouping::Kind::Param, {});
    } else {
        const bool param = choice.startsWith(QLatin1String("param:"));
        m_groupPanel->setScope(m_scope);
        m_groupPanel->setGrouping(param ? RunGrouping::Kind::Param : RunGrouping::Kind::Tag,
                                  choice.mid(choice.indexOf(QLatin1Char(':')) + 1));
        m_groupPanel->show();
    }
    showScope();
}

void ExperimentsPage::rememberSelection() {
    m_rememberedPath = m_session.workspace() ? m_session.workspace()->path() : QString();
    m_rememberedExperimentIds = m_scope.experimentIds;
    // The list reloads when experiments change or another file opens: views and keys may differ.
    m_scopeShown = false;
}

void ExperimentsPage::restoreSelection() {
    const bool sameWorkspace = m_session.workspace() && m_session.workspace()->path() == m_rememberedPath;
    QList<int> rows;
    if (sameWorkspace) {
        for (qint64 id : m_rememberedExperimentIds) {
            const int row = m_experimentModel->rowOf(id);
            if (row > 0)
                rows << row;
        }
    }
    if (rows.isEmpty())
        rows << 0;
    m_restoring = true;
    QItemSelection selection;
    for (int row : rows)
        selection.select(m_experimentModel->index(row), m_experimentModel->index(row));
    m_experimentView->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    m_experimentView->selectionModel()->setCurrentIndex(m_experimentModel->index(rows.first()),
                                                        QItemSelectionModel::NoUpdate);
    m_restoring = false;
    // With no rows (no workspace) there is no selection to announce a change.
    onExperimentSelectionChanged();
}

QString ExperimentsPage::scopeTitle() const {
    const QModelIndexList rows = m_experimentView->selectionModel()->selectedRows();
    if (m_scope.experimentIds.size() > 1)
        return tr("%n experiments", nullptr, static_cast<int>(m_scope.experimentIds.size()));
    return m_experimentModel->scopeTitle(rows.isEmpty() ? m_experimentModel->index(0) : rows.first());
}

void ExperimentsPage::updateRunHeader() {
    const qint64 total = m_runModel->totalCount();
    const QString title = scopeTitle();
    const QString count = QLocale().toString(total);
    // A group chosen in the panel narrows the table as a filter does, and says so.
    const QString group =
        m_groupCombo->currentData().toString().isEmpty() ? QString() : m_groupPanel->groupCondition();
    QString text;
    if (!m_scope.filter.isEmpty() || !group.isEmpty())
        text = total == 1 ? tr("1 matching run in %1").arg(title)
                          : tr("%1 matching runs in %2").arg(count, title);
    else
        text = total == 1 ? tr("1 run in %1").arg(title) : tr("%1 runs in %2").arg(count, title);
    if (!group.isEmpty())
        text += tr(" · group %1").arg(group);
    if (!m_session.isOpen())
        m_runHeader->clear();
    else
        m_runHeader->setText(text);
    m_runHeader->setToolTip(group.isEmpty() ? QString()
                                            : tr("Only the runs of the group chosen on the left are shown; "
                                                 "set Group by to Nothing to see them all."));
    m_emptyState->setText(emptyStateText());
    m_runStack->setCurrentWidget(total > 0 ? static_cast<QWidget*>(m_runView) : m_emptyState);
}

void ExperimentsPage::updateActions() {
    const bool open = m_session.isOpen();
    m_compareAction->setEnabled(m_runView->selectionModel()->selectedRows().size() >= 2);
    m_copyAction->setEnabled(m_runView->selectionModel()->hasSelection());
    m_exportAction->setEnabled(open && m_runModel->totalCount() > 0);
    m_saveViewAction->setEnabled(open);
    m_viewCombo->setEnabled(open);
    m_deleteViewButton->setEnabled(open && m_viewCombo->currentIndex() > 0);
}

QString ExperimentsPage::emptyStateText() const {
    if (!m_session.isOpen())
        return tr("No workspace is open.\nOpen or create one from the File menu.");
    if (!m_scope.filter.isEmpty())
        return tr("No runs in %1 match the filter.\nPress Esc in the filter bar to clear it.")
            .arg(scopeTitle());
    if (m_experimentModel->rowCount() <= 1)
        return tr("This workspace has no runs yet.\nLog runs with “assay-cli log”, or choose Fill with "
                  "Demo Data in the File menu to look around.");
    return tr("No runs in %1 yet.").arg(scopeTitle());
}

void ExperimentsPage::rebuildColumnsMenu() {
    m_columnsMenu->clear();
    QMenu* minimum = nullptr;
    QMenu* maximum = nullptr;
    QString section;
    for (const QString& key : m_runView->columnKeys()) {
        const int column = m_runModel->columnOfKey(key);
        const QString group =
            m_runModel->headerData(column, Qt::Horizontal, RunTableModel::ColumnGroupRole).toString();
        QMenu* menu = m_columnsMenu;
        if (group == QLatin1String("metrics.min")) {
            if (!minimum)
                minimum = new QMenu(tr("Metric Minimum"), m_columnsMenu);
            menu = minimum;
        } else if (group == QLatin1String("metrics.max")) {
            if (!maximum)
                maximum = new QMenu(tr("Metric Maximum"), m_columnsMenu);
            menu = maximum;
        } else if (group != section) {
            section = group;
            m_columnsMenu->addSection(group == QLatin1String("attributes") ? tr("Attributes")
                                      : group == QLatin1String("metrics")  ? tr("Metrics (latest value)")
                                                                           : tr("Params"));
        }
        QAction* action = menu->addAction(m_runModel->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(m_runView->isColumnKeyVisible(key));
        action->setData(key);
        connect(action, &QAction::toggled, this,
                [this, key](bool on) { m_runView->setColumnKeyVisible(key, on); });
    }
    if (minimum || maximum) {
        m_columnsMenu->addSection(tr("Metric Extremes"));
        if (minimum)
            m_columnsMenu->addMenu(minimum);
        if (maximum)
            m_columnsMenu->addMenu(maximum);
    }
    m_columnsMenu->addSeparator();
    m_columnsMenu->addAction(tr("Reset Columns"), m_runView, &RunTableView::resetColumns);
}

void ExperimentsPage::reloadViews() {
    const QString current = m_viewCombo->currentIndex() > 0 ? m_viewCombo->currentText() : QString();
    m_viewCombo->clear();
    m_viewCombo->addItem(tr("Unsaved view"));
    if (m_session.isOpen()) {
        try {
            for (const SavedView& view : SavedViews(*m_session.workspace()).forScope(m_scope.experimentIds))
                m_viewCombo->addItem(view.name, view.id);
        } catch (const AssayError& error) {
            emit loadFailed(error.message());
        }
    }
    const int index = current.isEmpty() ? 0 : m_viewCombo->findText(current);
    m_viewCombo->setCurrentIndex(std::max(0, index));
    updateActions();
}

void ExperimentsPage::onViewChosen(int index) {
    if (index > 0)
        loadView(m_viewCombo->itemText(index));
    updateActions();
}

bool ExperimentsPage::saveView(const QString& name) {
    if (!m_session.isOpen())
        return false;
    SavedView view;
    view.experimentIds = m_scope.experimentIds;
    view.name = name.trimmed();
    view.filter = m_filterBar->appliedFilter();
    view.columns = m_runView->visibleColumnKeys();
    view.sort = RunTableModel::sortText(m_runModel->runSort());
    try {
        m_session.workspace()->write([&](WriteTransaction& tx) { SavedViews::save(tx, view); });
    } catch (const AssayError& error) {
        emit loadFailed(error.message());
        return false;
    }
    reloadViews();
    m_viewCombo->setCurrentIndex(std::max(0, m_viewCombo->findText(view.name)));
    updateActions();
    return true;
}

bool ExperimentsPage::loadView(const QString& name) {
    if (!m_session.isOpen())
        return false;
    std::optional<SavedView> view;
    try {
        view = SavedViews(*m_session.workspace()).byName(m_scope.experimentIds, name);
    } catch (const AssayError& error) {
        emit loadFailed(error.message());
        return false;
    }
    if (!view)
        return false;
    // The filter first: the columns and the sort key must exist in the filtered scope.
    m_filterBar->applyFilter(view->filter);
    if (!view->columns.isEmpty())
        m_runView->setVisibleColumnKeys(view->columns);
    m_runModel->setRunSort(RunSort::parse(view->sort).value_or(RunSort{}));
    m_viewCombo->setCurrentIndex(std::max(0, m_viewCombo->findText(view->name)));
    updateActions();
    return true;
}

void ExperimentsPage::deleteCurrentView() {
    const QVariant id = m_viewCombo->currentData();
    if (!m_session.isOpen() || !id.isValid())
        return;
    try {
        m_session.workspace()->write([&](WriteTransaction& tx) { SavedViews::remove(tx, id.toLongLong()); });
    } catch (const AssayError& error) {
        emit loadFailed(error.message());
    }
    m_viewCombo->setCurrentIndex(0);
    reloadViews();
}

void ExperimentsPage::askToSaveView() {
    bool ok = false;
    const QString current = m_viewCombo->currentIndex() > 0 ? m_viewCombo->currentText() : QString();
    const QString name = QInputDialog::getText(
        this, tr("Save View"), tr("Name of the view (shared with everyone using this workspace):"),
        QLineEdit::Normal, current, &ok);
    if (ok && !name.trimmed().isEmpty())
        saveView(name);
}

void ExperimentsPage::askToExportCsv() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Runs as CSV"),
                                                      QStringLiteral("runs.csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCsv(path);
}

void ExperimentsPage::exportCsv(const QString& path) {
    if (!m_session.isOpen())
        return;
    const RunScope scope = effectiveScope(); // what the table shows, group included
    const RunSort sort = m_runModel->runSort();
    auto* dialog = new WorkspaceJobDialog(
        tr("Export Runs"), tr("Writing runs to %1…").arg(path), tr("Saving…"), m_session.workspace()->path(),
        {},
        [scope, sort, path](Workspace& workspace, const WorkspaceJob::Progress& progress) {
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                throw AssayError(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
            const qint64 written =
                RunCsvExport::write(workspace, scope, sort, file, [&](qint64 done, qint64 total) {
                    return progress(static_cast<int>(done), static_cast<int>(total));
                });
            if (!file.commit())
                throw AssayError(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
            return WorkspaceJobResult{QStringLiteral("%1 runs written.").arg(written), {}};
        },
        this);
    connect(dialog, &WorkspaceJobDialog::succeeded, this,
            [this, path](const QString&, const WorkspaceJobResult& result) {
                emit exportFinished(path, true, result.summary);
            });
    connect(dialog, &WorkspaceJobDialog::failed, this, [this, path](const QString& message, bool cancelled) {
        if (!cancelled)
            emit loadFailed(message);
        emit exportFinished(path, false, message);
    });
}

void ExperimentsPage::loadCompletionKeys() {
    // The metric and param keys are the model's columns; the tag keys come from a worker.
    ++m_keyGeneration;
    if (!m_session.isOpen() || m_keyWatcher.isRunning())
        return;
    RunScope scope;
    scope.experimentIds = m_scope.experimentIds;
    const QString path = m_session.workspace()->path();
    m_loadedKeyGeneration = m_keyGeneration;
    m_keysPending = true;
    m_keyWatcher.setFuture(QtConcurrent::run([path, scope]() -> QStringList {
        try {
            const std::unique_ptr<Workspace> workspace = Workspace::open(path);
            return RunQuery(*workspace).tagKeys(scope);
        } catch (const AssayError&) {
            // Completion is a convenience: without tag keys the filter still works.
            return {};
        }
    }));
}

void ExperimentsPage::onKeysLoaded() {
    if (m_loadedKeyGeneration != m_keyGeneration) {
        // The scope changed while the worker ran: ask again for the scope now shown.
        --m_keyGeneration;
        loadCompletionKeys();
        return;
    }
    m_keysPending = false;
    m_tagKeys = m_keyWatcher.result();
    m_filterBar->setKeys(m_runModel->metricKeys(), m_runModel->paramKeys(), m_tagKeys);
    fillGroupByCombo();
}

} // namespace assay
