#include "ComparePage.h"

#include "CompareCurveChart.h"
#include "CompareMetricModel.h"
#include "CompareParamModel.h"
#include "CompareRunReader.h"
#include "CompareScatterChart.h"
#include "ModelCsvWriter.h"
#include "ParallelCoordinatesView.h"
#include "RunHeaderStyle.h"
#include "core/base/AssayError.h"
#include "core/workspace/ChangeSet.h"
#include "core/workspace/Workspace.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/FlowLayout.h"
#include "ui/widgets/PageTitleLabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSlider>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace assay {
namespace {

constexpr int legendWidth = 210;
constexpr int defaultParallelParams = 6;
constexpr int defaultParallelMetrics = 3;

QTableView* compareTable(QAbstractItemModel* model, const QString& objectName) {
    auto* view = new QTableView;
    view->setObjectName(objectName);
    view->setModel(model);
    view->setWordWrap(false);
    view->setAlternatingRowColors(true);
    view->horizontalHeader()->setDefaultSectionSize(120);
    view->horizontalHeader()->setMinimumSectionSize(60);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return view;
}

QHBoxLayout* toolbarLayout(QWidget* owner) {
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(8, 6, 8, 6);
    bar->setSpacing(10);
    Q_UNUSED(owner);
    return bar;
}

QString columnLabel(const QString& column) {
    const QString key = column.section(QLatin1Char('.'), 1);
    return column.startsWith(QLatin1String("params.")) ? ComparePage::tr("%1 (param)").arg(key)
                                                       : ComparePage::tr("%1 (metric)").arg(key);
}

bool writeFile(const QString& path, const QByteArray& content) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QStringList compareColumns(const QStringList& paramKeys, const QStringList& metricKeys) {
    QStringList columns;
    for (const QString& key : paramKeys)
        columns.append(QStringLiteral("params.") + key);
    for (const QString& key : metricKeys)
        columns.append(QStringLiteral("metrics.") + key);
    return columns;
}

// Keeps the metric across a reload; otherwise starts with a loss, what people watch first.
QString defaultCurveMetric(const QStringList& metricKeys, const QString& previousMetric) {
    QString metric = metricKeys.contains(previousMetric) ? previousMetric : QString();
    for (const QString& key : metricKeys) {
        if (metric.isEmpty() && key.contains(QLatin1String("loss"), Qt::CaseInsensitive))
            metric = key;
    }
    if (metric.isEmpty() && !metricKeys.isEmpty())
        metric = metricKeys.first();
    return metric;
}

// Parallel coordinates: by default the params that differ and the first few metrics.
QStringList defaultParallelColumns(const QStringList& differing, const QStringList& metricKeys) {
    QStringList chosen = differing.mid(0, defaultParallelParams);
    for (const QString& key : metricKeys.mid(0, defaultParallelMetrics))
        chosen.append(QStringLiteral("metrics.") + key);
    return chosen;
}

// The differing numeric param most runs have: a param only a few runs log makes an empty plot.
QString defaultScatterX(const QList<CompareRun>& runs, const QStringList& columns,
                        const QStringList& differing) {
    QString x = differing.isEmpty() ? columns.value(0) : differing.first();
    qsizetype most = -1;
    for (const QString& column : differing) {
        if (!CompareRunReader::isNumeric(runs, column))
            continue;
        const auto having = std::count_if(
            runs.cbegin(), runs.cend(), [&](const CompareRun& run) { return run.valueOf(column).isValid(); });
        if (having > most) {
            most = having;
            x = column;
        }
    }
    return x;
}

} // namespace

ComparePage::ComparePage(WorkspaceSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_paramModel(new CompareParamModel(this))
    , m_metricModel(new CompareMetricModel(this))
    , m_legendModel(new QStandardItemModel(this))
    , m_axisModel(new QStandardItemModel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_title = new PageTitleLabel(QStringLiteral("compareTitle"));
    m_title->setContentsMargins(12, 10, 12, 6);
    layout->addWidget(m_title);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("compareTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createParamsTab(), tr("Parameters"));
    m_tabs->addTab(createMetricsTab(), tr("Metrics"));
    m_tabs->addTab(createCurvesTab(), tr("Curves"));
    m_tabs->addTab(createParallelTab(), tr("Parallel coordinates"));
    m_tabs->addTab(createScatterTab(), tr("Scatter"));

    m_emptyState = new QLabel(tr("No runs to compare.\nSelect two or more runs on the Experiments page and "
                                 "choose Compare."));
    m_emptyState->setObjectName(QStringLiteral("compareEmptyState"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setForegroundRole(QPalette::PlaceholderText);
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(m_tabs);
    layout->addWidget(m_stack, 1);

    connect(&m_session, &WorkspaceSession::workspaceChanged, this, &ComparePage::clear);
    connect(&m_session, &WorkspaceSession::changed, this, &ComparePage::onChanged);
    connect(m_axisModel, &QStandardItemModel::itemChanged, this, &ComparePage::onAxisItemChanged);
    clear();
}

QWidget* ComparePage::createParamsTab() {
    auto* pane = new QWidget;
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    QHBoxLayout* bar = toolbarLayout(pane);
    m_onlyDifferences = new QCheckBox(tr("Only differences"));
    m_onlyDifferences->setObjectName(QStringLiteral("onlyDifferences"));
    m_onlyDifferences->setChecked(true);
    m_paramModel->setOnlyDifferences(true);
    connect(m_onlyDifferences, &QCheckBox::toggled, m_paramModel, &CompareParamModel::setOnlyDifferences);
    auto* exportButton = new QPushButton(tr("Export CSV…"));
    connect(exportButton, &QPushButton::clicked, this, [this] { chooseCsv(false); });
    bar->addWidget(m_onlyDifferences);
    bar->addStretch(1);
    bar->addWidget(exportButton);
    layout->addLayout(bar);
    layout->addWidget(compareTable(m_paramModel, QStringLiteral("compareParams")), 1);
    return pane;
}

QWidget* ComparePage::createMetricsTab() {
    auto* pane = new QWidget;
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    QHBoxLayout* bar = toolbarLayout(pane);
    auto* hint = new QLabel(tr("Latest values; the best of each metric is bold and tinted. "
                               "Click a metric's name to flip which way is better."));
    hint->setForegroundRole(QPalette::PlaceholderText);
    hint->setWordWrap(true);
    auto* exportButton = new QPushButton(tr("Export CSV…"));
    connect(exportButton, &QPushButton::clicked, this, [this] { chooseCsv(true); });
    bar->addWidget(hint, 1);
    bar->addWidget(exportButton);
    layout->addLayout(bar);
    m_metricView = compareTable(m_metricModel, QStringLiteral("compareMetrics"));
    QHeaderView* rows = m_metricView->verticalHeader();
    rows->setSectionsClickable(true);
    connect(rows, &QHeaderView::sectionClicked, m_metricModel, &CompareMetricModel::flipDirection);
    rows->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(rows, &QHeaderView::customContextMenuRequested, this, [this, rows](const QPoint& pos) {
        const int row = rows->logicalIndexAt(pos);
        if (row < 0)
            return;
        const QString key = m_metricModel->keyAt(row);
        QMenu menu;
        QAction* lower = menu.addAction(tr("Lower is better"));
        QAction* higher = menu.addAction(tr("Higher is better"));
        lower->setCheckable(true);
        higher->setCheckable(true);
        lower->setChecked(m_metricModel->lowerIsBetter(key));
        higher->setChecked(!m_metricModel->lowerIsBetter(key));
        QAction* chosen = menu.exec(rows->mapToGlobal(pos));
        if (chosen)
            m_metricModel->setLowerIsBetter(key, chosen == lower);
    });
    layout->addWidget(m_metricView, 1);
    return pane;
}

QListView* ComparePage::createLegendView() {
    auto* view = new QListView;
    view->setObjectName(QStringLiteral("compareLegend"));
    view->setModel(m_legendModel);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionMode(QAbstractItemView::NoSelection);
    view->setUniformItemSizes(true);
    view->setToolTip(tr("Click a run to hide or show it on the charts."));
    connect(view, &QListView::clicked, this, &ComparePage::onLegendClicked);
    return view;
}

QWidget* ComparePage::withLegend(QWidget* chart) {
    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(chart);
    auto* side = new QWidget;
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(4, 0, 4, 4);
    auto* buttons = new QHBoxLayout;
    auto* all = new QToolButton;
    all->setText(tr("Show all"));
    auto* none = new QToolButton;
    none->setText(tr("Hide all"));
    connect(all, &QToolButton::clicked, this, [this] { setAllVisible(true); });
    connect(none, &QToolButton::clicked, this, [this] { setAllVisible(false); });
    buttons->addWidget(all);
    buttons->addWidget(none);
    buttons->addStretch(1);
    sideLayout->addLayout(buttons);
    sideLayout->addWidget(createLegendView(), 1);
    side->setMinimumWidth(150);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 1);
    splitter->setSizes({800, legendWidth});
    return splitter;
}

QWidget* ComparePage::createCurvesTab() {
    auto* pane = new QWidget;
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createCurveToolBar());
    layout->addWidget(withLegend(createCurveChartPane()), 1);
    connectCurveControls();
    m_readout->setText(tr("<i>Move the pointer over the chart to read each run's value.</i>"));
    return pane;
}

QWidget* ComparePage::createCurveToolBar() {
    // Many controls: they wrap onto a second line in a narrow window rather than widening it.
    auto* barWidget = new QWidget;
    barWidget->setObjectName(QStringLiteral("curveToolBar"));
    auto* bar = new FlowLayout(barWidget, 12);
    bar->setContentsMargins(8, 6, 8, 6);
    m_curveMetric = new QComboBox;
    m_curveMetric->setObjectName(QStringLiteral("curveMetric"));
    m_curveMetric->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_xAxis = new QComboBox;
    m_xAxis->setObjectName(QStringLiteral("curveXAxis"));
    m_xAxis->addItem(tr("Step"), static_cast<int>(SeriesWindow::Axis::Step));
    m_xAxis->addItem(tr("Wall time"), static_cast<int>(SeriesWindow::Axis::WallTime));
    m_xAxis->addItem(tr("Relative time"), static_cast<int>(SeriesWindow::Axis::RelativeTime));
    m_smoothing = new QSlider(Qt::Horizontal);
    m_smoothing->setObjectName(QStringLiteral("curveSmoothing"));
    m_smoothing->setRange(0, 99);
    m_smoothing->setFixedWidth(140);
    m_smoothingValue = new QLabel(QStringLiteral("0.00"));
    m_smoothingValue->setMinimumWidth(
        m_smoothingValue->fontMetrics().horizontalAdvance(QStringLiteral("0.00 ")));
    m_logScale = new QCheckBox(tr("Log scale"));
    m_logScale->setObjectName(QStringLiteral("curveLogScale"));
    m_ignoreOutliers = new QCheckBox(tr("Ignore outliers"));
    m_ignoreOutliers->setObjectName(QStringLiteral("curveIgnoreOutliers"));
    m_ignoreOutliers->setChecked(true);
    m_ignoreOutliers->setToolTip(tr("Scale the y axis to the 1st–99th percentile of the values drawn."));
    auto* exportButton = new QPushButton(tr("Export PNG…"));
    connect(exportButton, &QPushButton::clicked, this, [this] { choosePng(CurvesTab); });
    m_progress = new QLabel;
    m_progress->setObjectName(QStringLiteral("curveProgress"));
    m_progress->setForegroundRole(QPalette::PlaceholderText);
    bar->addGroup({new QLabel(tr("Metric:")), m_curveMetric});
    bar->addGroup({new QLabel(tr("X axis:")), m_xAxis});
    bar->addGroup({new QLabel(tr("Smoothing:")), m_smoothing, m_smoothingValue});
    bar->addGroup({m_logScale, m_ignoreOutliers});
    bar->addGroup({m_progress, exportButton});
    return barWidget;
}

QWidget* ComparePage::createCurveChartPane() {
    m_curves = new CompareCurveChart(m_session);
    m_curves->setObjectName(QStringLiteral("curveChart"));
    m_readout = new QLabel;
    m_readout->setObjectName(QStringLiteral("curveReadout"));
    m_readout->setTextFormat(Qt::RichText);
    m_readout->setWordWrap(true);
    m_readout->setContentsMargins(8, 2, 8, 4);
    m_readout->setMinimumHeight(m_readout->fontMetrics().height() * 2 + 6);
    m_readout->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto* chartPane = new QWidget;
    auto* chartLayout = new QVBoxLayout(chartPane);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->setSpacing(0);
    chartLayout->addWidget(m_curves, 1);
    chartLayout->addWidget(m_readout);
    return chartPane;
}

void ComparePage::connectCurveControls() {
    connect(m_curveMetric, &QComboBox::currentTextChanged, m_curves, &CompareCurveChart::setMetric);
    connect(m_xAxis, &QComboBox::currentIndexChanged, this,
            [this] { m_curves->setXAxis(static_cast<SeriesWindow::Axis>(m_xAxis->currentData().toInt())); });
    connect(m_smoothing, &QSlider::valueChanged, this, [this](int value) {
        m_smoothingValue->setText(QString::number(value / 100.0, 'f', 2));
        m_curves->setSmoothing(value / 100.0);
    });
    connect(m_logScale, &QCheckBox::toggled, m_curves, &CompareCurveChart::setLogScale);
    connect(m_ignoreOutliers, &QCheckBox::toggled, m_curves, &CompareCurveChart::setIgnoreOutliers);
    connect(m_curves, &CompareCurveChart::readoutChanged, this, [this](const QString& text) {
        m_readout->setText(
            text.isEmpty() ? tr("<i>Move the pointer over the chart to read each run's value.</i>") : text);
    });
    connect(m_curves, &CompareCurveChart::progressChanged, this, [this](int done, int total) {
        m_progress->setText(done < total ? tr("Loading curves… %1 of %2").arg(done).arg(total) : QString());
    });
}

QWidget* ComparePage::createParallelTab() {
    auto* pane = new QWidget;
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    QHBoxLayout* bar = toolbarLayout(pane);
    auto* hint = new QLabel(tr("Tick the params and metrics to draw as axes."));
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto* exportButton = new QPushButton(tr("Export PNG…"));
    connect(exportButton, &QPushButton::clicked, this, [this] { choosePng(ParallelTab); });
    bar->addWidget(hint, 1);
    bar->addWidget(exportButton);
    layout->addLayout(bar);

    auto* axes = new QListView;
    axes->setObjectName(QStringLiteral("parallelAxes"));
    axes->setModel(m_axisModel);
    axes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    axes->setMinimumWidth(200);
    m_parallel = new ParallelCoordinatesView;
    m_parallel->setObjectName(QStringLiteral("parallelView"));
    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(axes);
    splitter->addWidget(withLegend(m_parallel));
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 900});
    layout->addWidget(splitter, 1);
    return pane;
}

QWidget* ComparePage::createScatterTab() {
    auto* pane = new QWidget;
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    QHBoxLayout* bar = toolbarLayout(pane);
    m_scatterX = new QComboBox;
    m_scatterX->setObjectName(QStringLiteral("scatterX"));
    m_scatterY = new QComboBox;
    m_scatterY->setObjectName(QStringLiteral("scatterY"));
    for (QComboBox* box : {m_scatterX, m_scatterY}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        connect(box, &QComboBox::currentIndexChanged, this, &ComparePage::updateScatter);
    }
    auto* exportButton = new QPushButton(tr("Export PNG…"));
    connect(exportButton, &QPushButton::clicked, this, [this] { choosePng(ScatterTab); });
    bar->addWidget(new QLabel(tr("X:")));
    bar->addWidget(m_scatterX);
    bar->addWidget(new QLabel(tr("Y:")));
    bar->addWidget(m_scatterY);
    bar->addStretch(1);
    bar->addWidget(exportButton);
    layout->addLayout(bar);
    m_scatter = new CompareScatterChart;
    m_scatter->setObjectName(QStringLiteral("scatterChart"));
    layout->addWidget(withLegend(m_scatter), 1);
    return pane;
}

QList<qint64> ComparePage::runIds() const {
    QList<qint64> ids;
    for (const CompareRun& run : m_runs)
        ids.append(run.run.id);
    return ids;
}

void ComparePage::clear() {
    m_requested.clear();
    m_runs.clear();
    m_paramModel->setRuns({});
    m_metricModel->setRuns({});
    m_legendModel->clear();
    m_axisModel->clear();
    m_curves->clear();
    m_parallel->setRuns({});
    m_parallel->setColumns({});
    m_scatter->setRuns({});
    m_curveMetric->clear();
    m_scatterX->clear();
    m_scatterY->clear();
    m_title->setText(tr("Compare"));
    m_stack->setCurrentWidget(m_emptyState);
}

void ComparePage::setRuns(const QList<qint64>& runIds) {
    m_requested = runIds;
    reload();
}

void ComparePage::onChanged(const ChangeSet& changes) {
    if (m_requested.isEmpty())
        return;
    if (changes.touches(EntityKind::Run) || changes.touches(EntityKind::Param) ||
        changes.touches(EntityKind::Metric) || changes.touches(EntityKind::Experiment))
        reload();
}

void ComparePage::reload() {
    const Workspace* workspace = m_session.workspace();
    if (!workspace || m_requested.isEmpty()) {
        clear();
        return;
    }
    const QList<qint64> requested = m_requested;
    const QString previousMetric = m_curveMetric->currentText();
    try {
        m_runs = CompareRunReader::read(*workspace, requested);
    } catch (const AssayError& error) {
        emit loadFailed(error.message());
        return;
    }
    m_title->setText(m_runs.size() == 1 ? tr("Comparing 1 run") : tr("Comparing %1 runs").arg(m_runs.size()));
    m_paramModel->setRuns(m_runs);
    m_metricModel->setRuns(m_runs);
    m_metricView->resizeColumnsToContents();
    fillLegend();

    const QStringList paramKeys = CompareRunReader::paramKeys(m_runs);
    const QStringList metricKeys = CompareRunReader::metricKeys(m_runs);
    const QStringList columns = compareColumns(paramKeys, metricKeys);
    const QString metric = showCurves(metricKeys, previousMetric);
    const QStringList differing = differingParamColumns();
    showParallel(columns, defaultParallelColumns(differing, metricKeys));
    showScatter(columns, differing, metricKeys, metric);
    updateScatter();
    m_stack->setCurrentWidget(m_tabs);
}

void ComparePage::fillLegend() {
    m_legendModel->clear();
    for (const CompareRun& run : m_runs) {
        auto* item = new QStandardItem(RunHeaderStyle::colorDot(run.color), run.label());
        // Not user-checkable: a click anywhere on the entry toggles it (onLegendClicked); the box
        // only shows the state.
        item->setFlags(Qt::ItemIsEnabled);
        item->setData(Qt::Checked, Qt::CheckStateRole);
        item->setData(run.run.id, RunIdRole);
        item->setToolTip(QStringLiteral("%1\n%2").arg(run.run.uid, run.experimentName));
        m_legendModel->appendRow(item);
    }
}

QString ComparePage::showCurves(const QStringList& metricKeys, const QString& previousMetric) {
    m_curves->setRuns(m_runs);
    {
        const QSignalBlocker blocker(m_curveMetric);
        m_curveMetric->clear();
        m_curveMetric->addItems(metricKeys);
    }
    const QString metric = defaultCurveMetric(metricKeys, previousMetric);
    m_curveMetric->setCurrentText(metric);
    m_curves->setMetric(metric);
    return metric;
}

QStringList ComparePage::differingParamColumns() const {
    QStringList differing;
    for (int row = 0; row < m_paramModel->rowCount(); ++row) {
        if (m_paramModel->index(row, 0).data(CompareParamModel::DiffersRole).toBool())
            differing.append(QStringLiteral("params.") + m_paramModel->keyAt(row));
    }
    return differing;
}

void ComparePage::showParallel(const QStringList& columns, const QStringList& chosen) {
    {
        const QSignalBlocker blocker(m_axisModel);
        m_axisModel->clear();
        for (const QString& column : columns) {
            auto* item = new QStandardItem(columnLabel(column));
            item->setData(column, Qt::UserRole);
            item->setCheckable(true);
            item->setCheckState(chosen.contains(column) ? Qt::Checked : Qt::Unchecked);
            m_axisModel->appendRow(item);
        }
    }
    m_parallel->setRuns(m_runs);
    m_parallel->setColumns(chosen);
}

// Scatter: a param that differs against the curves' metric.
void ComparePage::showScatter(const QStringList& columns, const QStringList& differing,
                              const QStringList& metricKeys, const QString& metric) {
    m_scatter->setRuns(m_runs);
    const QSignalBlocker bx(m_scatterX);
    const QSignalBlocker by(m_scatterY);
    m_scatterX->clear();
    m_scatterY->clear();
    for (const QString& column : columns) {
        m_scatterX->addItem(columnLabel(column), column);
        m_scatterY->addItem(columnLabel(column), column);
    }
    const QString x = defaultScatterX(m_runs, columns, differing);
    const QString y = metricKeys.isEmpty() ? columns.value(1) : QStringLiteral("metrics.") + metric;
    m_scatterX->setCurrentIndex(m_scatterX->findData(x));
    m_scatterY->setCurrentIndex(m_scatterY->findData(y));
}

void ComparePage::onLegendClicked(const QModelIndex& index) {
    toggleRun(index.data(RunIdRole).toLongLong());
}

void ComparePage::toggleRun(qint64 runId) {
    for (int row = 0; row < m_legendModel->rowCount(); ++row) {
        QStandardItem* item = m_legendModel->item(row);
        if (item->data(RunIdRole).toLongLong() != runId)
            continue;
        const bool visible = item->data(Qt::CheckStateRole).toInt() != Qt::Checked;
        item->setData(visible ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole);
        item->setForeground(visible ? palette().brush(QPalette::Text)
                                    : palette().brush(QPalette::PlaceholderText));
        applyVisibility(runId, visible);
        return;
    }
}

void ComparePage::setAllVisible(bool visible) {
    for (int row = 0; row < m_legendModel->rowCount(); ++row) {
        QStandardItem* item = m_legendModel->item(row);
        item->setData(visible ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole);
        item->setForeground(visible ? palette().brush(QPalette::Text)
                                    : palette().brush(QPalette::PlaceholderText));
        applyVisibility(item->data(RunIdRole).toLongLong(), visible);
    }
}

void ComparePage::applyVisibility(qint64 runId, bool visible) {
    m_curves->setRunVisible(runId, visible);
    m_parallel->setRunVisible(runId, visible);
    m_scatter->setRunVisible(runId, visible);
}

void ComparePage::setParallelColumns(const QStringList& columns) {
    const QSignalBlocker blocker(m_axisModel);
    for (int row = 0; row < m_axisModel->rowCount(); ++row) {
        QStandardItem* item = m_axisModel->item(row);
        item->setCheckState(columns.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                  : Qt::Unchecked);
    }
    m_parallel->setColumns(columns);
}

void ComparePage::onAxisItemChanged(QStandardItem*) {
    QStringList columns;
    for (int row = 0; row < m_axisModel->rowCount(); ++row) {
        const QStandardItem* item = m_axisModel->item(row);
        if (item->checkState() == Qt::Checked)
            columns.append(item->data(Qt::UserRole).toString());
    }
    m_parallel->setColumns(columns);
}

void ComparePage::updateScatter() {
    m_scatter->setColumns(m_scatterX->currentData().toString(), m_scatterY->currentData().toString());
    // A rebuilt scatter starts with every run shown; bring the legend's choices back.
    for (int row = 0; row < m_legendModel->rowCount(); ++row) {
        const QStandardItem* item = m_legendModel->item(row);
        m_scatter->setRunVisible(item->data(RunIdRole).toLongLong(),
                                 item->data(Qt::CheckStateRole).toInt() == Qt::Checked);
    }
}

bool ComparePage::exportParamsCsv(const QString& path) const {
    return writeFile(path, ModelCsvWriter::write(*m_paramModel, tr("param")));
}

bool ComparePage::exportMetricsCsv(const QString& path) const {
    return writeFile(path, ModelCsvWriter::write(*m_metricModel, tr("metric")));
}

bool ComparePage::exportChartPng(int tab, const QString& path) {
    QWidget* chart = tab == CurvesTab     ? static_cast<QWidget*>(m_curves)
                     : tab == ParallelTab ? static_cast<QWidget*>(m_parallel)
                     : tab == ScatterTab  ? static_cast<QWidget*>(m_scatter)
                                          : nullptr;
    return chart && chart->grab().save(path, "PNG");
}

void ComparePage::chooseCsv(bool metrics) {
    const QString path = QFileDialog::getSaveFileName(
        this, metrics ? tr("Export Metrics") : tr("Export Parameters"),
        metrics ? QStringLiteral("metrics.csv") : QStringLiteral("params.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (!(metrics ? exportMetricsCsv(path) : exportParamsCsv(path)))
        QMessageBox::warning(this, tr("Cannot export"), tr("Cannot write %1.").arg(path));
}

void ComparePage::choosePng(int tab) {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"), QStringLiteral("chart.png"),
                                                      tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!exportChartPng(tab, path))
        QMessageBox::warning(this, tr("Cannot export"), tr("Cannot write %1.").arg(path));
}

} // namespace assay
