#include "RunPage.h"

#include "MetricChartView.h"
#include "RegisterVersionDialog.h"
#include "RunStatusStyle.h"
#include "core/base/AssayError.h"
#include "core/registry/Registry.h"
#include "core/tracking/MetricStore.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/ChangeSet.h"
#include "core/workspace/Workspace.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/PageTitleLabel.h"
#include "ui/widgets/RunValueFormat.h"
#include "ui/widgets/SectionLabel.h"
#include "ui/widgets/SeriesPalette.h"

#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace assay {
namespace {

constexpr int chartColumns = 3;
constexpr int chartHeight = 230;
// Numbers sort as numbers, not as their text ("10" after "9").
constexpr int sortRole = Qt::UserRole + 2;

QStandardItem* item(const QString& text, const QString& toolTip = {}) {
    auto* cell = new QStandardItem(text);
    cell->setEditable(false);
    cell->setToolTip(toolTip.isEmpty() ? text : toolTip);
    cell->setData(text, sortRole);
    return cell;
}

QStandardItem* numberItem(double value) {
    QStandardItem* cell = item(RunValueFormat::metric(value), RunValueFormat::metricExact(value));
    cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    cell->setData(value, sortRole);
    return cell;
}

QString humanSize(qint64 bytes) {
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString experimentName(const Tracking& tracking, qint64 experimentId) {
    QString name;
    for (const Experiment& experiment : tracking.experiments()) {
        if (experiment.id == experimentId)
            name = experiment.name;
    }
    return name;
}

QStandardItem* countItem(qint64 count) {
    QStandardItem* cell = item(QLocale().toString(count));
    cell->setData(count, sortRole);
    cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return cell;
}

QList<QStandardItem*> metricRow(const MetricSummary& summary) {
    QStandardItem* step = countItem(summary.latestStep);
    QStandardItem* count = countItem(summary.count);
    return {item(summary.key),
            numberItem(summary.latest),
            step,
            summary.min ? numberItem(*summary.min) : item(QString()),
            summary.max ? numberItem(*summary.max) : item(QString()),
            count};
}

} // namespace

RunPage::RunPage(WorkspaceSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_paramsModel(new QStandardItemModel(this))
    , m_tagsModel(new QStandardItemModel(this))
    , m_metricsModel(new QStandardItemModel(this))
    , m_datasetsModel(new QStandardItemModel(this))
    , m_attachmentsModel(new QStandardItemModel(this))
    , m_versionsModel(new QStandardItemModel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_title = new PageTitleLabel(QStringLiteral("runTitle"), 1.25);
    m_subtitle = new QLabel;
    m_subtitle->setObjectName(QStringLiteral("runSubtitle"));
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_register = new QPushButton(tr("Register as Model Version…"));
    m_register->setObjectName(QStringLiteral("registerVersionButton"));
    m_register->setToolTip(tr("Make this run the next version of a registered model, or of a new one"));
    connect(m_register, &QPushButton::clicked, this, &RunPage::openRegisterDialog);
    auto* header = new QWidget;
    auto* headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(12, 10, 12, 6);
    auto* titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    headerLayout->addLayout(titles, 1);
    headerLayout->addWidget(m_register, 0, Qt::AlignTop);
    layout->addWidget(header);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("runTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createOverviewTab(), tr("Overview"));
    m_tabs->addTab(createTable(m_paramsModel, QStringLiteral("runParams")), tr("Params"));
    m_tabs->addTab(createTable(m_tagsModel, QStringLiteral("runTags")), tr("Tags"));
    m_tabs->addTab(createMetricsTab(), tr("Metrics"));
    m_tabs->addTab(createAttachmentsTab(), tr("Attachments"));

    m_emptyState =
        new QLabel(tr("No run is shown.\nDouble-click a run on the Experiments page to see it here."));
    m_emptyState->setObjectName(QStringLiteral("runPageEmptyState"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setForegroundRole(QPalette::PlaceholderText);
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(m_tabs);
    layout->addWidget(m_stack, 1);

    connect(&m_session, &WorkspaceSession::workspaceChanged, this, &RunPage::clear);
    connect(&m_session, &WorkspaceSession::changed, this, &RunPage::onChanged);
    clear();
}

QTableView* RunPage::createTable(QStandardItemModel* model, const QString& objectName) {
    auto* view = new QTableView;
    view->setObjectName(objectName);
    model->setSortRole(sortRole);
    view->setModel(model);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    view->setWordWrap(false);
    return view;
}

QLabel* RunPage::addField(const QString& objectName, const QString& title) {
    auto* value = new QLabel;
    value->setObjectName(objectName);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    value->setWordWrap(true);
    auto* form =
        static_cast<QFormLayout*>(m_overview->findChild<QWidget*>(QStringLiteral("overviewForm"))->layout());
    form->addRow(title, value);
    m_fields.append(value);
    return value;
}

QWidget* RunPage::createOverviewTab() {
    m_overview = new QWidget;
    auto* layout = new QVBoxLayout(m_overview);
    layout->setContentsMargins(12, 8, 12, 8);
    auto* formWidget = new QWidget;
    formWidget->setObjectName(QStringLiteral("overviewForm"));
    auto* form = new QFormLayout(formWidget);
    form->setContentsMargins(0, 0, 0, 0);
    form->setLabelAlignment(Qt::AlignLeft);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addWidget(formWidget);
    addField(QStringLiteral("runStatus"), tr("Status"));
    addField(QStringLiteral("runExperiment"), tr("Experiment"));
    addField(QStringLiteral("runUid"), tr("Run ID"));
    addField(QStringLiteral("runUser"), tr("User"));
    addField(QStringLiteral("runStart"), tr("Started"));
    addField(QStringLiteral("runEnd"), tr("Ended"));
    addField(QStringLiteral("runDuration"), tr("Duration"));
    addField(QStringLiteral("runSourceName"), tr("Source"));
    addField(QStringLiteral("runSourceCommit"), tr("Source commit"));
    QLabel* parent = addField(QStringLiteral("runParent"), tr("Parent run"));
    parent->setTextFormat(Qt::RichText);
    connect(parent, &QLabel::linkActivated, this, [this](const QString& link) {
        // "run:<id>": the parent opens on this same page.
        bool ok = false;
        const qint64 id = link.section(QLatin1Char(':'), 1).toLongLong(&ok);
        if (ok)
            showRun(id);
    });

    auto* tables = new QSplitter(Qt::Vertical);
    tables->setChildrenCollapsible(false);
    auto* datasets = new QWidget;
    auto* datasetsLayout = new QVBoxLayout(datasets);
    datasetsLayout->setContentsMargins(0, 0, 0, 0);
    datasetsLayout->addWidget(SectionLabel::create(tr("Datasets"), QMargins(0, 10, 0, 2)));
    datasetsLayout->addWidget(createTable(m_datasetsModel, QStringLiteral("runDatasets")));
    auto* versions = new QWidget;
    auto* versionsLayout = new QVBoxLayout(versions);
    versionsLayout->setContentsMargins(0, 0, 0, 0);
    versionsLayout->addWidget(
        SectionLabel::create(tr("Model versions made from this run"), QMargins(0, 10, 0, 2)));
    QTableView* versionsView = createTable(m_versionsModel, QStringLiteral("runVersions"));
    versionsView->setToolTip(tr("Double-click a version to open its model."));
    connect(versionsView, &QTableView::activated, this, [this](const QModelIndex& index) {
        const QModelIndex first = index.siblingAtColumn(0);
        emit modelVersionActivated(first.data(modelIdRole).toLongLong(), first.data(versionRole).toInt());
    });
    versionsLayout->addWidget(versionsView);
    tables->addWidget(datasets);
    tables->addWidget(versions);
    layout->addWidget(tables, 1);
    return m_overview;
}

QWidget* RunPage::createMetricsTab() {
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->setChildrenCollapsible(false);
    QTableView* table = createTable(m_metricsModel, QStringLiteral("runMetrics"));
    table->setMinimumHeight(90);
    table->horizontalHeader()->setStretchLastSection(false);
    splitter->addWidget(table);

    m_chartGrid = new QWidget;
    m_chartGrid->setObjectName(QStringLiteral("runChartGrid"));
    m_chartLayout = new QGridLayout(m_chartGrid);
    m_chartLayout->setContentsMargins(8, 8, 8, 8);
    m_chartLayout->setSpacing(8);
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_chartGrid);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({200, 600});
    return splitter;
}

QWidget* RunPage::createAttachmentsTab() {
    auto* pane = new QWidget;
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    m_attachmentView = createTable(m_attachmentsModel, QStringLiteral("runAttachments"));
    m_attachmentView->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_attachmentView, 1);
    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(8, 4, 8, 8);
    m_saveAttachment = new QPushButton(tr("Save As…"));
    m_saveAttachment->setObjectName(QStringLiteral("saveAttachmentButton"));
    m_saveAttachment->setEnabled(false);
    buttons->addStretch(1);
    buttons->addWidget(m_saveAttachment);
    layout->addLayout(buttons);
    connect(m_saveAttachment, &QPushButton::clicked, this, &RunPage::saveSelectedAttachment);
    connect(m_attachmentView, &QTableView::doubleClicked, this, &RunPage::saveSelectedAttachment);
    connect(m_attachmentView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_saveAttachment->setEnabled(m_attachmentView->selectionModel()->hasSelection()); });
    return pane;
}

QString RunPage::field(const QString& name) const {
    for (const QLabel* label : m_fields) {
        if (label->objectName() == name)
            return label->text();
    }
    return {};
}

void RunPage::clear() {
    m_runId = 0;
    m_title->setText(tr("Run"));
    m_subtitle->clear();
    for (QLabel* label : m_fields)
        label->clear();
    for (QStandardItemModel* model :
         {m_paramsModel, m_tagsModel, m_metricsModel, m_datasetsModel, m_attachmentsModel, m_versionsModel})
        model->clear();
    rebuildCharts({});
    m_register->setEnabled(false);
    m_stack->setCurrentWidget(m_emptyState);
}

void RunPage::showRun(qint64 runId) {
    if (!m_session.isOpen())
        return;
    const bool sameRun = runId == m_runId;
    m_runId = runId;
    load();
    if (!sameRun && m_runId != 0)
        m_tabs->setCurrentIndex(OverviewTab);
}

void RunPage::onChanged(const ChangeSet& changes) {
    if (m_runId == 0)
        return;
    for (EntityKind kind : {EntityKind::Run, EntityKind::Param, EntityKind::Tag, EntityKind::Metric,
                            EntityKind::Dataset, EntityKind::Attachment, EntityKind::ModelVersion,
                            EntityKind::Alias, EntityKind::RegisteredModel, EntityKind::Experiment}) {
        if (changes.touches(kind)) {
            load();
            return;
        }
    }
}

void RunPage::load() {
    const Workspace* workspace = m_session.workspace();
    if (!workspace || m_runId == 0) {
        clear();
        return;
    }
    try {
        const Tracking tracking(*workspace);
        const std::optional<Run> found = tracking.run(m_runId);
        if (!found) {
            clear();
            return;
        }
        showOverview(tracking, *found);
        loadParams(tracking);
        loadTags(tracking);
        loadDatasets(tracking);
        loadAttachments(tracking);
        loadVersions(*workspace);
        const QStringList keys = loadMetrics(*workspace);
        for (QTableView* view : findChildren<QTableView*>())
            view->resizeColumnsToContents();
        rebuildCharts(keys);
        m_register->setEnabled(true);
        m_stack->setCurrentWidget(m_tabs);
    } catch (const AssayError& error) {
        emit loadFailed(error.message());
    }
}

void RunPage::showOverview(const Tracking& tracking, const Run& run) {
    const QString experiment = experimentName(tracking, run.experimentId);
    m_title->setText(run.name.isEmpty() ? run.uid : run.name);
    m_subtitle->setText(tr("%1 · in %2").arg(run.uid, experiment));
    showStatus(run);
    setField("runExperiment", experiment);
    setField("runUid", run.uid);
    setField("runUser", run.user);
    setField("runStart", RunValueFormat::dateTimeLong(run.startTime));
    setField("runEnd", run.endTime ? RunValueFormat::dateTimeLong(run.endTime)
                                   : (run.status == RunStatus::Running ? tr("still running") : QString()));
    setField("runDuration", RunValueFormat::duration(run.startTime, run.endTime));
    setField("runSourceName", run.sourceName);
    setField("runSourceCommit", run.sourceCommit);
    setField("runParent", parentRunLink(tracking, run));
}

void RunPage::showStatus(const Run& run) {
    const QString statusName = runStatusName(run.status);
    const QColor statusColor = RunStatusStyle::color(run.status);
    auto* status = m_overview->findChild<QLabel*>(QStringLiteral("runStatus"));
    status->setTextFormat(Qt::RichText);
    status->setText(QStringLiteral("<span style=\"color:%1\">●</span> %2")
                        .arg(statusColor.name(), RunValueFormat::statusLabel(statusName).toHtmlEscaped()));
}

QString RunPage::parentRunLink(const Tracking& tracking, const Run& run) const {
    if (!run.parentRunId)
        return QString();
    const std::optional<Run> parent = tracking.run(*run.parentRunId);
    const QString parentName = parent ? (parent->name.isEmpty() ? parent->uid : parent->name)
                                      : tr("run %1 (deleted)").arg(*run.parentRunId);
    return QStringLiteral("<a href=\"run:%1\">%2</a>").arg(*run.parentRunId).arg(parentName.toHtmlEscaped());
}

void RunPage::setField(const char* objectName, const QString& text) {
    m_overview->findChild<QLabel*>(QLatin1String(objectName))
        ->setText(text.isEmpty() ? QStringLiteral("—") : text);
}

void RunPage::loadParams(const Tracking& tracking) {
    m_paramsModel->clear();
    m_paramsModel->setHorizontalHeaderLabels({tr("Param"), tr("Value")});
    const QMap<QString, QString> params = tracking.params(m_runId);
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        m_paramsModel->appendRow({item(it.key()), item(it.value())});
    m_tabs->setTabText(ParamsTab, tr("Params (%1)").arg(params.size()));
}

void RunPage::loadTags(const Tracking& tracking) {
    m_tagsModel->clear();
    m_tagsModel->setHorizontalHeaderLabels({tr("Tag"), tr("Value")});
    const QMap<QString, QString> tags = tracking.tags(m_runId);
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        m_tagsModel->appendRow({item(it.key()), item(it.value())});
    m_tabs->setTabText(TagsTab, tr("Tags (%1)").arg(tags.size()));
}

void RunPage::loadDatasets(const Tracking& tracking) {
    m_datasetsModel->clear();
    m_datasetsModel->setHorizontalHeaderLabels({tr("Name"), tr("Digest"), tr("Context"), tr("Source")});
    for (const DatasetInput& input : tracking.inputs(m_runId))
        m_datasetsModel->appendRow(
            {item(input.name), item(input.digest), item(input.context), item(input.source)});
}

void RunPage::loadAttachments(const Tracking& tracking) {
    m_attachmentsModel->clear();
    m_attachmentsModel->setHorizontalHeaderLabels({tr("Name"), tr("Media type"), tr("Size"), tr("SHA-256")});
    const QList<Attachment> attachments = tracking.attachments(m_runId);
    for (const Attachment& attachment : attachments) {
        QStandardItem* name = item(attachment.name);
        name->setData(attachment.id, AttachmentIdRole);
        QStandardItem* size =
            item(humanSize(attachment.size), tr("%1 bytes").arg(QLocale().toString(attachment.size)));
        size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        size->setData(attachment.size, sortRole);
        m_attachmentsModel->appendRow({name, item(attachment.mediaType), size, item(attachment.sha256)});
    }
    m_tabs->setTabText(AttachmentsTab, tr("Attachments (%1)").arg(attachments.size()));
    m_saveAttachment->setEnabled(false);
}

void RunPage::loadVersions(const Workspace& workspace) {
    m_versionsModel->clear();
    m_versionsModel->setHorizontalHeaderLabels({tr("Model"), tr("Version"), tr("Stage"), tr("Aliases")});
    for (const ModelVersionRef& version : Registry(workspace).versionsOfRun(m_runId)) {
        QStandardItem* number = item(QString::number(version.version));
        number->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        QStandardItem* model = item(version.modelName);
        model->setData(version.modelId, modelIdRole);
        model->setData(version.version, versionRole);
        m_versionsModel->appendRow(
            {model, number, item(version.stage), item(version.aliases.join(QStringLiteral(", ")))});
    }
}

QStringList RunPage::loadMetrics(const Workspace& workspace) {
    m_metricsModel->clear();
    m_metricsModel->setHorizontalHeaderLabels(
        {tr("Metric"), tr("Latest"), tr("Step"), tr("Min"), tr("Max"), tr("Points")});
    QStringList keys;
    for (const MetricSummary& summary : MetricStore(workspace).summaries(m_runId)) {
        keys.append(summary.key);
        m_metricsModel->appendRow(metricRow(summary));
    }
    m_tabs->setTabText(MetricsTab, tr("Metrics (%1)").arg(keys.size()));
    return keys;
}

void RunPage::rebuildCharts(const QStringList& keys) {
    qDeleteAll(m_chartGrid->findChildren<QWidget*>(Qt::FindDirectChildrenOnly));
    m_charts.clear();
    for (qsizetype i = 0; i < keys.size(); ++i) {
        auto* cell = new QFrame(m_chartGrid);
        cell->setFrameShape(QFrame::StyledPanel);
        auto* cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(2, 2, 2, 4);
        cellLayout->setSpacing(0);
        auto* chart = new MetricChartView(m_session, m_runId, keys.at(i), SeriesPalette::color(0));
        chart->setObjectName(QStringLiteral("metricChart:") + keys.at(i));
        chart->setMinimumHeight(chartHeight);
        auto* caption = new QLabel;
        caption->setForegroundRole(QPalette::PlaceholderText);
        caption->setAlignment(Qt::AlignCenter);
        connect(chart, &MetricChartView::fetched, caption,
                [caption, chart] { caption->setText(chart->statusText()); });
        cellLayout->addWidget(chart, 1);
        cellLayout->addWidget(caption);
        const int index = static_cast<int>(i);
        m_chartLayout->addWidget(cell, index / chartColumns, index % chartColumns);
        m_charts.append(chart);
    }
    for (int column = 0; column < chartColumns; ++column)
        m_chartLayout->setColumnStretch(column, 1);
}

RegisterVersionDialog* RunPage::openRegisterDialog() {
    if (!m_session.isOpen() || m_runId == 0)
        return nullptr;
    auto* dialog = new RegisterVersionDialog(m_session, m_runId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RegisterVersionDialog::versionRegistered, this, &RunPage::versionRegistered);
    dialog->open();
    return dialog;
}

bool RunPage::saveAttachment(int row, const QString& path, QString* errorMessage) const {
    const qint64 id = m_attachmentsModel->index(row, 0).data(AttachmentIdRole).toLongLong();
    const Workspace* workspace = m_session.workspace();
    if (!workspace || id == 0)
        return false;
    try {
        const QByteArray content = Tracking(*workspace).attachmentContent(id);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
            if (errorMessage)
                *errorMessage = file.errorString();
            return false;
        }
        return true;
    } catch (const AssayError& error) {
        if (errorMessage)
            *errorMessage = error.message();
        return false;
    }
}

void RunPage::saveSelectedAttachment() {
    const QModelIndexList rows = m_attachmentView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const int row = rows.first().row();
    const QString name = m_attachmentsModel->index(row, 0).data().toString();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Attachment"), name);
    if (path.isEmpty())
        return;
    QString error;
    if (!saveAttachment(row, path, &error))
        QMessageBox::warning(this, tr("Cannot save the attachment"), error);
}

} // namespace assay
