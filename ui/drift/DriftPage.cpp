#include "DriftPage.h"

#include "DriftDatasetChart.h"
#include "DriftDistributionChart.h"
#include "DriftHeatmapDelegate.h"
#include "DriftHeatmapModel.h"
#include "DriftPerformanceChart.h"
#include "DriftScoreChart.h"
#include "core/base/AssayError.h"
#include "core/drift/DriftMethod.h"
#include "core/drift/DriftMonitors.h"
#include "core/registry/Registry.h"
#include "core/workspace/ChangeSet.h"
#include "core/workspace/Workspace.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/BannerLabel.h"
#include "ui/widgets/DriftStyle.h"
#include "ui/widgets/FlowLayout.h"
#include "ui/widgets/PageTitleLabel.h"

#include <QComboBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace assay {
namespace {

QString periodText(const DriftMonitor& monitor) {
    switch (monitor.period) {
    case DriftPeriod::Day:
        return DriftPage::tr("daily windows on “%1”").arg(monitor.timestampColumn);
    case DriftPeriod::Week:
        return DriftPage::tr("weekly windows on “%1”").arg(monitor.timestampColumn);
    case DriftPeriod::Month:
        return DriftPage::tr("monthly windows on “%1”").arg(monitor.timestampColumn);
    case DriftPeriod::File:
        break;
    }
    return DriftPage::tr("one window per file");
}

// The thresholds of the methods the monitor's features use: "KS p-value ≤ 0.05, PSI ≥ 0.1".
QString thresholdsText(const DriftMonitor& monitor) {
    QStringList methods;
    int own = 0;
    for (const DriftFeature& feature : monitor.features) {
        if (!methods.contains(feature.method))
            methods << feature.method;
        own += feature.threshold ? 1 : 0;
    }
    QStringList parts;
    for (const QString& method : std::as_const(methods)) {
        const QString comparison = method == QLatin1String("ks")   ? QStringLiteral("≤")
                                   : DriftMethod::isPValue(method) ? QStringLiteral("<")
                                                                   : QStringLiteral("≥");
        parts << QStringLiteral("%1 %2 %3")
                     .arg(DriftMethod::label(method), comparison,
                          DriftStyle::score(DriftMethod::threshold(method, monitor.thresholds)));
    }
    parts << DriftPage::tr("dataset drift from %1% of features")
                 .arg(monitor.thresholds.datasetShare * 100, 0, 'g', 3);
    if (own > 0)
        parts << (own == 1 ? DriftPage::tr("1 feature with its own threshold")
                           : DriftPage::tr("%1 features with their own thresholds").arg(own));
    return parts.join(QStringLiteral(", "));
}

QString legendText() {
    const auto swatch = [](DriftStyle::Level level) {
        return QStringLiteral("<span style=\"color:%1\">■</span> %2")
            .arg(DriftStyle::fill(level).name(), DriftStyle::name(level));
    };
    return DriftPage::tr(
               "%1 &nbsp; %2 &nbsp; %3 &nbsp;·&nbsp; ★ key feature &nbsp;·&nbsp; cells show the score "
               "(p-value or distance); hover for details")
        .arg(swatch(DriftStyle::Level::Stable), swatch(DriftStyle::Level::Near),
             swatch(DriftStyle::Level::Drifted));
}

QLabel* note(const QString& objectName) {
    auto* label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

DriftPage::DriftPage(WorkspaceSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_heatmapModel(new DriftHeatmapModel(session, this)) {
    m_emptyState = new QLabel;
    m_emptyState->setObjectName(QStringLiteral("driftEmptyState"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setMargin(24);
    m_emptyState->setForegroundRole(QPalette::PlaceholderText);
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(createContent());

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createHeader());
    layout->addWidget(m_stack, 1);

    connect(m_models, &QComboBox::currentIndexChanged, this, [this] {
        reloadMonitors(0);
        loadMonitor();
    });
    connect(m_monitors, &QComboBox::currentIndexChanged, this, &DriftPage::loadMonitor);
    connect(m_heatmap->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { showCell(current); });
    connect(m_heatmapModel, &DriftHeatmapModel::loadFailed, this, &DriftPage::loadFailed);
    connect(m_newMonitor, &QPushButton::clicked, this, [this] { emit newMonitorRequested(modelId()); });
    connect(m_addData, &QPushButton::clicked, this, [this] { emit addDataRequested(monitorId()); });
    connect(m_rules, &QPushButton::clicked, this, [this] { emit rulesRequested(monitorId()); });
    connect(&m_session, &WorkspaceSession::workspaceChanged, this, [this] { showMonitor(0); });
    connect(&m_session, &WorkspaceSession::changed, this, &DriftPage::onChanged);
    showMonitor(0);
}

QWidget* DriftPage::createHeader() {
    auto* title = new PageTitleLabel(QStringLiteral("driftTitle"), 1.25);
    title->setText(tr("Drift"));
    m_models = new QComboBox;
    m_models->setObjectName(QStringLiteral("driftModelCombo"));
    m_models->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_models->setMinimumContentsLength(16);
    m_monitors = new QComboBox;
    m_monitors->setObjectName(QStringLiteral("driftMonitorCombo"));
    m_monitors->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_monitors->setMinimumContentsLength(16);
    m_newMonitor = new QPushButton(tr("New Monitor…"));
    m_newMonitor->setObjectName(QStringLiteral("newMonitorButton"));
    m_newMonitor->setToolTip(
        tr("Watch a version of this model: its reference data, features and thresholds"));
    m_addData = new QPushButton(tr("Add Data…"));
    m_addData->setObjectName(QStringLiteral("addDriftDataButton"));
    m_addData->setToolTip(tr("Compare a file of current data with the monitor's reference"));
    m_rules = new QPushButton(tr("Thresholds…"));
    m_rules->setObjectName(QStringLiteral("driftRulesButton"));
    m_rules->setToolTip(tr("Change the monitor's thresholds, methods and key features"));
    auto* modelLabel = new QLabel(tr("&Model:"));
    modelLabel->setBuddy(m_models);
    auto* monitorLabel = new QLabel(tr("M&onitor:"));
    monitorLabel->setBuddy(m_monitors);

    // Wraps onto a second line in a narrow window rather than widening the page past it.
    auto* rowWidget = new QWidget;
    rowWidget->setObjectName(QStringLiteral("driftHeaderBar"));
    auto* row = new FlowLayout(rowWidget, 16);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(title);
    row->addGroup({modelLabel, m_models});
    row->addGroup({monitorLabel, m_monitors});
    row->addGroup({m_newMonitor, m_addData, m_rules});
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("driftMonitorSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner = new BannerLabel(BannerLabel::Kind::Info, QStringLiteral("driftStatusBanner"));

    auto* header = new QWidget;
    auto* layout = new QVBoxLayout(header);
    layout->setContentsMargins(12, 10, 12, 6);
    layout->setSpacing(6);
    layout->addWidget(rowWidget);
    layout->addWidget(m_summary);
    layout->addWidget(m_banner);
    return header;
}

QWidget* DriftPage::createContent() {
    m_heatmap = new QTableView;
    m_heatmap->setObjectName(QStringLiteral("driftHeatmap"));
    m_heatmap->setModel(m_heatmapModel);
    m_heatmap->setItemDelegate(new DriftHeatmapDelegate(m_heatmap));
    m_heatmap->setSelectionMode(QAbstractItemView::SingleSelection);
    m_heatmap->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_heatmap->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_heatmap->setShowGrid(false);
    m_heatmap->setWordWrap(false);
    m_heatmap->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_heatmap->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_heatmap->verticalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_heatmap->setToolTip(QString());
    m_heatmap->viewport()->installEventFilter(this); // keeps the selected week in view on resizes
    auto* legend = note(QStringLiteral("driftHeatmapLegend"));
    legend->setTextFormat(Qt::RichText);
    legend->setText(legendText());
    auto* heatmapPane = new QWidget;
    auto* heatmapLayout = new QVBoxLayout(heatmapPane);
    heatmapLayout->setContentsMargins(0, 0, 0, 0);
    heatmapLayout->setSpacing(4);
    heatmapLayout->addWidget(m_heatmap, 1);
    heatmapLayout->addWidget(legend);

    m_score = new DriftScoreChart;
    m_distribution = new DriftDistributionChart;
    m_dataset = new DriftDatasetChart;
    m_performance = new DriftPerformanceChart;
    m_performanceNote = note(QStringLiteral("driftPerformanceNote"));

    m_top = new QSplitter(Qt::Horizontal);
    QSplitter* top = m_top;
    top->setChildrenCollapsible(false);
    top->addWidget(heatmapPane);
    top->addWidget(m_score);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    m_bottom = new QSplitter(Qt::Horizontal);
    QSplitter* bottom = m_bottom;
    bottom->setChildrenCollapsible(false);
    bottom->addWidget(m_distribution);
    bottom->addWidget(m_dataset);
    bottom->addWidget(m_performance);
    auto* split = new QSplitter(Qt::Vertical);
    split->setChildrenCollapsible(false);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 0, 12, 8);
    layout->setSpacing(4);
    layout->addWidget(split, 1);
    layout->addWidget(m_performanceNote);
    return content;
}

qint64 DriftPage::modelId() const {
    return m_models->currentData().toLongLong();
}

qint64 DriftPage::monitorId() const {
    return m_monitors->currentData().toLongLong();
}

void DriftPage::showMonitor(qint64 modelId, qint64 monitorId) {
    reloadModels(modelId);
    reloadMonitors(monitorId);
    loadMonitor();
}

void DriftPage::onChanged(const ChangeSet& changes) {
    if (!changes.touches(EntityKind::DriftMonitor) && !changes.touches(EntityKind::RegisteredModel) &&
        !changes.touches(EntityKind::ModelVersion))
        return;
    const qint64 model = modelId();
    const qint64 monitor = monitorId();
    reloadModels(model);
    reloadMonitors(monitor);
    // Another monitor or model than the one shown: only the combos' counts may have moved.
    if (modelId() == model && monitorId() == monitor && monitor != 0 &&
        !changes.touches(EntityKind::DriftMonitor, model))
        return;
    loadMonitor();
}

// Models with monitors first, so that the ones there is something to see of are at hand.
void DriftPage::reloadModels(qint64 keepModelId) {
    const QSignalBlocker blocker(m_models);
    m_models->clear();
    const Workspace* workspace = m_session.workspace();
    if (!workspace)
        return;
    struct Entry {
        RegisteredModel model;
        int monitors = 0;
    };
    QList<Entry> entries;
    try {
        const DriftMonitors monitors(*workspace);
        for (const RegisteredModel& model : Registry(*workspace).models())
            entries.append({model, int(monitors.monitors(model.id).size())});
    } catch (const AssayError& error) {
        emit loadFailed(error.message());
        return;
    }
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        if ((a.monitors > 0) != (b.monitors > 0))
            return a.monitors > 0;
        return a.model.name.compare(b.model.name, Qt::CaseInsensitive) < 0;
    });
    for (const Entry& entry : std::as_const(entries)) {
        const QString count = entry.monitors == 0   ? tr("no monitor")
                              : entry.monitors == 1 ? tr("1 monitor")
                                                    : tr("%1 monitors").arg(entry.monitors);
        m_models->addItem(tr("%1 (%2)").arg(entry.model.name, count), entry.model.id);
    }
    m_models->setCurrentIndex(std::max(0, m_models->findData(keepModelId)));
}

void DriftPage::reloadMonitors(qint64 keepMonitorId) {
    const QSignalBlocker blocker(m_monitors);
    m_monitors->clear();
    const Workspace* workspace = m_session.workspace();
    if (!workspace || modelId() == 0)
        return;
    // Without a monitor to keep, the first one with data opens: a new candidate's empty monitor
    // sorts before the production version's, whose windows are what a reader came for.
    int withData = -1;
    try {
        const DriftMonitors monitors(*workspace);
        for (const DriftMonitor& monitor : monitors.monitors(modelId())) {
            if (withData < 0 && !monitors.windows(monitor.id).isEmpty())
                withData = m_monitors->count();
            m_monitors->addItem(tr("%1 · v%2").arg(monitor.name).arg(monitor.version), monitor.id);
        }
    } catch (const AssayError& error) {
        emit loadFailed(error.message());
    }
    const int kept = m_monitors->findData(keepMonitorId);
    m_monitors->setCurrentIndex(kept >= 0 ? kept : std::max(0, withData));
}

void DriftPage::loadMonitor() {
    // The cell the user looked at stays selected when the same monitor is read again.
    const bool sameMonitor = m_heatmapModel->monitorId() == monitorId();
    const QModelIndex current = m_heatmap->currentIndex();
    const QString feature = sameMonitor ? current.data(DriftHeatmapModel::FeatureRole).toString() : QString();
    const qint64 windowId = sameMonitor ? current.data(DriftHeatmapModel::WindowIdRole).toLongLong() : 0;

    m_heatmapModel->setMonitorId(monitorId());
    fitHeatmap();
    updateStatus();
    updateButtons();

    const std::optional<DriftMonitor>& monitor = m_heatmapModel->monitor();
    const QList<DriftWindow>& windows = m_heatmapModel->windows();
    m_dataset->setWindows(monitor, windows);
    const bool hasMetric = monitor && monitor->metric != PerformanceMetric::None;
    if (hasMetric)
        m_performance->setWindows(*monitor, windows);
    m_performance->setVisible(hasMetric);
    m_performanceNote->setVisible(monitor && !hasMetric);
    m_performanceNote->setText(tr("No performance over time: this monitor has no label and prediction "
                                  "columns to measure the model with."));

    QModelIndex select = m_heatmapModel->indexOf(feature, windowId);
    if (!select.isValid())
        select = m_heatmapModel->worstOfLatest();
    if (select.isValid()) {
        m_heatmap->selectionModel()->setCurrentIndex(select, QItemSelectionModel::ClearAndSelect);
        // The latest windows, where drift shows, are on the right: a narrow window must not hide them.
        m_heatmap->scrollTo(select);
    }
    // Selecting the same index again emits nothing; the charts still need the new data.
    showCell(select);
}

bool DriftPage::eventFilter(QObject* watched, QEvent* event) {
    // A narrower heatmap keeps its scroll position at the oldest windows; the selected cell,
    // a latest window where drift shows, must stay in view.
    if (watched == m_heatmap->viewport() && event->type() == QEvent::Resize &&
        m_heatmap->currentIndex().isValid())
        m_heatmap->scrollTo(m_heatmap->currentIndex());
    return QWidget::eventFilter(watched, event);
}

// The heatmap takes the width its windows need, up to two thirds; the score chart the rest.
void DriftPage::fitHeatmap() {
    m_heatmap->resizeColumnsToContents();
    int width = m_heatmap->verticalHeader()->sizeHint().width() + 2 * m_heatmap->frameWidth() + 4;
    for (int column = 0; column < m_heatmapModel->columnCount(); ++column)
        width += m_heatmap->columnWidth(column);
    // Before the page is first laid out its width means nothing; 900 is a typical one.
    const int total = m_top->width() >= 300 ? m_top->width() : 900;
    width = std::clamp(width, total / 3, total * 2 / 3);
    m_top->setSizes({width, total - width});
    // Equal thirds for the charts below, once: their size hints depend on what they showed when
    // the page was first laid out (messages while loading, when the window opens on this page).
    if (!std::exchange(m_chartsShared, true))
        m_bottom->setSizes({1, 1, 1});
}

void DriftPage::updateStatus() {
    const Workspace* workspace = m_session.workspace();
    const std::optional<DriftMonitor>& monitor = m_heatmapModel->monitor();
    if (!workspace || m_models->count() == 0) {
        m_emptyState->setText(workspace
                                  ? tr("No model is registered in this workspace yet — register a version "
                                       "from a run's page, then set up a drift monitor on it here.")
                                  : tr("No workspace is open."));
        m_summary->clear();
        m_banner->hide();
        m_stack->setCurrentWidget(m_emptyState);
        return;
    }
    DriftStatus status;
    try {
        status = DriftMonitors(*workspace).status(modelId());
    } catch (const AssayError& error) {
        emit loadFailed(error.message());
    }
    m_banner->setText(status.summary());
    m_banner->setKind(status.retrainingRecommended ? BannerLabel::Kind::Alert : BannerLabel::Kind::Info);
    m_banner->setVisible(status.monitors > 0);
    if (!monitor) {
        m_summary->clear();
        m_emptyState->setText(tr("No drift monitor on this model yet — choose “New Monitor…” to compare a "
                                 "version's reference data with the data it sees now."));
        m_stack->setCurrentWidget(m_emptyState);
        return;
    }
    const QLocale locale;
    m_summary->setText(
        tr("Version %1 · reference %2 (%3 rows) · %4 · %5 features · thresholds: %6")
            .arg(monitor->version)
            .arg(monitor->referenceName, locale.toString(monitor->referenceRows), periodText(*monitor))
            .arg(monitor->features.size())
            .arg(thresholdsText(*monitor)));
    if (m_heatmapModel->windows().isEmpty()) {
        m_emptyState->setText(tr("This monitor has no current data yet — choose “Add Data…” to compare a "
                                 "file of current data with the reference."));
        m_stack->setCurrentWidget(m_emptyState);
        return;
    }
    m_stack->setCurrentIndex(1);
}

void DriftPage::updateButtons() {
    const bool open = m_session.isOpen();
    m_newMonitor->setEnabled(open && modelId() != 0);
    m_addData->setEnabled(open && monitorId() != 0);
    m_rules->setEnabled(open && monitorId() != 0);
    const QString why = tr("Choose a monitor first, or set one up with “New Monitor…”.");
    m_addData->setStatusTip(monitorId() ? QString() : why);
    m_rules->setStatusTip(monitorId() ? QString() : why);
}

void DriftPage::showCell(const QModelIndex& index) {
    const QString feature = index.data(DriftHeatmapModel::FeatureRole).toString();
    m_score->setFeature(*m_heatmapModel, feature);
    if (!index.isValid()) {
        m_distribution->clear();
        return;
    }
    const DriftWindow& window = m_heatmapModel->windows().at(index.column());
    std::optional<DriftDistribution> distribution;
    try {
        distribution = DriftMonitors(*m_session.workspace()).distribution(window.id, feature);
    } catch (const AssayError& error) {
        emit loadFailed(error.message());
    }
    m_distribution->setDistribution(feature, window.label, distribution);
}

} // namespace assay
