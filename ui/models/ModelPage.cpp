#include "ModelPage.h"

#include "AliasHistoryModel.h"
#include "AliasTimelinePane.h"
#include "ModelFindingModel.h"
#include "ModelHeaderForm.h"
#include "ModelRequestModel.h"
#include "ModelRiskPane.h"
#include "ModelVersionModel.h"
#include "ModelVersionsPane.h"
#include "RiskAssessmentHistoryModel.h"
#include "core/base/AssayError.h"
#include "core/governance/ModelCatalog.h"
#include "core/identity/Identity.h"
#include "core/registry/Registry.h"
#include "core/tracking/MetricStore.h"
#include "core/workspace/ChangeSet.h"
#include "core/workspace/Workspace.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/GovernanceFormat.h"
#include "ui/widgets/PageTitleLabel.h"
#include "ui/widgets/ReadOnlyTableView.h"
#include "ui/widgets/SelectionKeeper.h"
#include "ui/widgets/TierBadgeDelegate.h"
#include "ui/widgets/TierBadgeLabel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace assay {
namespace {

const QColor overdueColor(0xda, 0x36, 0x33);

} // namespace

ModelPage::ModelPage(WorkspaceSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_requests(new ModelRequestModel(session, this))
    , m_findings(new ModelFindingModel(session, this)) {
    m_versions = new ModelVersionsPane(session);
    m_aliases = new AliasTimelinePane(session);
    m_risk = new ModelRiskPane(session);
    QTableView* requests = createTable(QStringLiteral("requestTable"), m_requests,
                                       ModelRequestModel::SortRole, ModelRequestModel::RequestIdRole);
    requests->setItemDelegateForColumn(ModelRequestModel::TierColumn, new TierBadgeDelegate(requests));
    requests->setToolTip(tr("Double-click a request to open it"));
    connect(requests, &QTableView::activated, this, [this](const QModelIndex& index) {
        emit requestActivated(index.data(ModelRequestModel::RequestIdRole).toLongLong());
    });
    QTableView* findings = createTable(QStringLiteral("findingTable"), m_findings,
                                       ModelFindingModel::SortRole, ModelFindingModel::FindingIdRole);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("modelTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_versions, tr("Versions"));
    m_tabs->addTab(m_aliases, tr("Alias Timeline"));
    m_tabs->addTab(requests, tr("Requests"));
    m_tabs->addTab(findings, tr("Findings"));
    m_tabs->addTab(m_risk, tr("Risk"));

    m_emptyState =
        new QLabel(tr("No model is shown.\nDouble-click a model on the Models page to see it here."));
    m_emptyState->setObjectName(QStringLiteral("modelPageEmptyState"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setForegroundRole(QPalette::PlaceholderText);
    auto* content = new QWidget;
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(0);
    contentLayout->addWidget(createHeader());
    contentLayout->addWidget(m_tabs, 1);
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(content);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_versions, &ModelVersionsPane::runActivated, this, &ModelPage::runActivated);
    connect(m_versions, &ModelVersionsPane::promotionRequested, this, &ModelPage::promotionRequested);
    connect(m_versions, &ModelVersionsPane::cardEditRequested, this, &ModelPage::cardEditRequested);
    connect(m_risk, &ModelRiskPane::assessmentRequested, this, &ModelPage::assessmentRequested);
    const QList<QAbstractItemModel*> tabModels{versionModel(), m_aliases->historyModel(), m_requests,
                                               m_findings, m_risk->historyModel()};
    for (QAbstractItemModel* model : tabModels)
        connect(model, &QAbstractItemModel::modelReset, this, &ModelPage::updateTabTitles);
    connect(versionModel(), &ModelVersionModel::loadFailed, this, &ModelPage::loadFailed);
    connect(m_requests, &ModelRequestModel::loadFailed, this, &ModelPage::loadFailed);
    connect(m_findings, &ModelFindingModel::loadFailed, this, &ModelPage::loadFailed);
    connect(m_aliases->historyModel(), &AliasHistoryModel::loadFailed, this, &ModelPage::loadFailed);
    connect(m_risk->historyModel(), &RiskAssessmentHistoryModel::loadFailed, this, &ModelPage::loadFailed);
    connect(&m_session, &WorkspaceSession::workspaceChanged, this, &ModelPage::clear);
    connect(&m_session, &WorkspaceSession::changed, this, &ModelPage::onChanged);
    clear();
}

QWidget* ModelPage::createHeader() {
    auto* back = new QToolButton;
    back->setObjectName(QStringLiteral("backToModels"));
    back->setText(tr("‹ Models"));
    back->setToolTip(tr("Back to the list of models"));
    back->setAutoRaise(true);
    connect(back, &QToolButton::clicked, this, &ModelPage::backRequested);
    m_title = new PageTitleLabel(QStringLiteral("modelTitle"), 1.25);
    m_tier = new TierBadgeLabel(QStringLiteral("modelTier"));
    m_production = new QLabel;
    m_production->setObjectName(QStringLiteral("modelProduction"));
    QFont font = m_production->font();
    font.setBold(true);
    m_production->setFont(font);
    m_subtitle = new QLabel;
    m_subtitle->setObjectName(QStringLiteral("modelSubtitle"));
    m_subtitle->setTextFormat(Qt::RichText);
    m_subtitle->setWordWrap(true);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form = new ModelHeaderForm(m_session);
    auto* drift = new QPushButton(tr("Drift…"));
    drift->setObjectName(QStringLiteral("modelDriftButton"));
    drift->setToolTip(tr("The model's drift monitors: what changed in its data since the reference"));
    connect(drift, &QPushButton::clicked, this, [this] { emit driftRequested(m_modelId); });

    auto* titleRow = new QHBoxLayout;
    titleRow->setSpacing(10);
    titleRow->addWidget(back);
    titleRow->addWidget(m_title);
    titleRow->addWidget(m_tier);
    titleRow->addWidget(m_production);
    titleRow->addStretch(1);
    titleRow->addWidget(drift);
    auto* header = new QWidget;
    auto* layout = new QVBoxLayout(header);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(4);
    layout->addLayout(titleRow);
    layout->addWidget(m_subtitle);
    layout->addSpacing(4);
    layout->addWidget(m_form);
    return header;
}

QTableView* ModelPage::createTable(const QString& objectName, QAbstractItemModel* model, int sortRole,
                                   int idRole) {
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(sortRole);
    auto* view = new ReadOnlyTableView(proxy, objectName, this);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setSortingEnabled(true);
    view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    new SelectionKeeper(view, idRole);
    connect(model, &QAbstractItemModel::modelReset, view, &QTableView::resizeColumnsToContents);
    return view;
}

ModelVersionModel* ModelPage::versionModel() const {
    return m_versions->versionModel();
}

void ModelPage::clear() {
    m_modelId = 0;
    m_title->setText(tr("Model"));
    m_tier->setTier(std::nullopt);
    m_production->clear();
    m_subtitle->clear();
    m_form->clear();
    m_versions->setModelId(0);
    m_aliases->setModelId(0);
    m_requests->setModelId(0);
    m_findings->setModelId(0);
    m_risk->setModelId(0);
    m_stack->setCurrentWidget(m_emptyState);
}

void ModelPage::showModel(qint64 modelId, std::optional<int> version) {
    if (!m_session.isOpen())
        return;
    if (modelId != m_modelId) {
        m_modelId = modelId;
        m_versions->setModelId(modelId);
        m_aliases->setModelId(modelId);
        m_requests->setModelId(modelId);
        m_findings->setModelId(modelId);
        m_risk->setModelId(modelId);
        m_tabs->setCurrentIndex(VersionsTab);
        // The newest version is what a user most often acts on; its buttons are ready.
        if (!version)
            m_versions->selectNewest();
    }
    loadHeader();
    if (version) {
        m_tabs->setCurrentIndex(VersionsTab);
        m_versions->selectVersion(*version);
    }
}

void ModelPage::onChanged(const ChangeSet& changes) {
    if (m_modelId == 0)
        return;
    // The sub-models reload themselves; the header shows facts from all over the registry.
    for (EntityKind kind : {EntityKind::RegisteredModel, EntityKind::ModelVersion, EntityKind::Alias,
                            EntityKind::RiskAssessment, EntityKind::PromotionRequest, EntityKind::Decision,
                            EntityKind::ReviewSchedule, EntityKind::Metric, EntityKind::DriftMonitor}) {
        if (changes.touches(kind)) {
            loadHeader();
            return;
        }
    }
}

void ModelPage::loadHeader() {
    const Workspace* workspace = m_session.workspace();
    if (!workspace || m_modelId == 0)
        return;
    try {
        const ModelOverview overview = ModelCatalog(*workspace).overview(m_modelId, workspace->now());
        m_title->setText(overview.model.name);
        m_tier->setTier(overview.tier, overview.blocked, overview.tierOverridePending);
        m_production->setText(overview.productionVersion
                                  ? tr("Production: v%1").arg(*overview.productionVersion)
                                  : tr("Nothing in production"));
        QStringList facts;
        if (!overview.model.description.isEmpty())
            facts << overview.model.description.toHtmlEscaped();
        facts << tr("registered %1 by %2")
                     .arg(GovernanceFormat::date(overview.model.createdAt),
                          overview.model.createdBy.toHtmlEscaped());
        if (overview.review) {
            const QString date = GovernanceFormat::date(overview.review->nextReviewAt);
            facts << (overview.reviewOverdue
                          ? tr("<span style=\"color:%1\"><b>periodic review overdue since %2</b></span>")
                                .arg(overdueColor.name(), date)
                          : tr("next periodic review %1").arg(date));
        }
        if (overview.drift.retrainingRecommended)
            facts << tr("<span style=\"color:%1\"><b>drift: retraining recommended</b></span>")
                         .arg(overdueColor.name());
        m_subtitle->setText(facts.join(QStringLiteral(" · ")));
        m_form->setModel(overview.model, Identity(*workspace).users(), metricKeys());
        m_stack->setCurrentIndex(1);
    } catch (const AssayError& error) {
        clear();
        emit loadFailed(error.message());
    }
}

QStringList ModelPage::metricKeys() const {
    const Workspace& workspace = *m_session.workspace();
    const MetricStore metrics(workspace);
    QStringList keys;
    for (const ModelVersion& version : Registry(workspace).versions(m_modelId)) {
        if (!version.runId)
            continue;
        for (const MetricSummary& summary : metrics.summaries(*version.runId))
            keys.append(summary.key);
    }
    keys.removeDuplicates();
    keys.sort(Qt::CaseInsensitive);
    return keys;
}

void ModelPage::updateTabTitles() {
    m_tabs->setTabText(VersionsTab, tr("Versions (%1)").arg(versionModel()->rowCount()));
    const int aliases = int(m_aliases->historyModel()->aliases().size());
    m_tabs->setTabText(AliasesTab, aliases ? tr("Alias Timeline (%1)").arg(aliases) : tr("Alias Timeline"));
    const int openRequests = m_requests->openCount();
    m_tabs->setTabText(RequestsTab, openRequests ? tr("Requests (%1 open)").arg(openRequests)
                                                 : tr("Requests (%1)").arg(m_requests->rowCount()));
    const int openFindings = m_findings->openCount();
    m_tabs->setTabText(FindingsTab, openFindings ? tr("Findings (%1 open)").arg(openFindings)
                                                 : tr("Findings (%1)").arg(m_findings->rowCount()));
}

QString ModelPage::title() const {
    return m_title->text();
}

QString ModelPage::productionText() const {
    return m_production->text();
}

} // namespace assay
