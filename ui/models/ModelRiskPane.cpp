#include "ModelRiskPane.h"

#include "RiskAssessmentHistoryModel.h"
#include "RiskScoreModel.h"
#include "core/base/AssayError.h"
#include "core/governance/Policies.h"
#include "core/governance/RiskAssessment.h"
#include "core/workspace/Workspace.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/GovernanceFormat.h"
#include "ui/widgets/ReadOnlyTableView.h"
#include "ui/widgets/SectionLabel.h"
#include "ui/widgets/SelectionKeeper.h"
#include "ui/widgets/TierBadgeDelegate.h"
#include "ui/widgets/TierBadgeLabel.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace assay {
namespace {

QString euCategoryLabel(const TierPolicy& policy, const QString& key) {
    for (const EuAiActCategory& category : policy.euCategories()) {
        if (category.key == key)
            return category.label;
    }
    return key;
}

} // namespace

ModelRiskPane::ModelRiskPane(WorkspaceSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_history(new RiskAssessmentHistoryModel(session, this))
    , m_scores(new RiskScoreModel(this)) {
    m_historyTable = new ReadOnlyTableView(m_history, QStringLiteral("riskHistoryTable"));
    m_historyTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyTable->setItemDelegateForColumn(RiskAssessmentHistoryModel::TierColumn,
                                             new TierBadgeDelegate(m_historyTable));
    new SelectionKeeper(m_historyTable, RiskAssessmentHistoryModel::AssessmentIdRole);
    m_scoreTable = new ReadOnlyTableView(m_scores, QStringLiteral("riskScoreTable"));
    m_scoreTable->setSelectionMode(QAbstractItemView::NoSelection);
    // What a score means is the point of the table: it wraps rather than elides.
    m_scoreTable->setWordWrap(true);
    m_scoreTable->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_scoreTable->verticalHeader()->setMinimumSectionSize(fontMetrics().height() + 10);

    auto* top = new QWidget;
    auto* topLayout = new QHBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->setSpacing(16);
    topLayout->addWidget(createSummary(), 2);
    auto* scores = new QWidget;
    m_scoresPane = scores;
    auto* scoresLayout = new QVBoxLayout(scores);
    scoresLayout->setContentsMargins(0, 0, 0, 0);
    scoresLayout->addWidget(SectionLabel::create(tr("Scores")));
    scoresLayout->addWidget(m_scoreTable, 1);
    topLayout->addWidget(scores, 3);

    auto* bottom = new QWidget;
    m_historyPane = bottom;
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(SectionLabel::create(tr("History")));
    bottomLayout->addWidget(m_historyTable, 1);

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addWidget(splitter);

    connect(m_history, &QAbstractItemModel::modelReset, this, &ModelRiskPane::showSelected);
    connect(m_historyTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ModelRiskPane::showSelected);
}

QWidget* ModelRiskPane::createSummary() {
    auto* summary = new QWidget;
    auto* layout = new QVBoxLayout(summary);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* headingRow = new QHBoxLayout;
    m_heading = SectionLabel::create(QString());
    m_heading->setObjectName(QStringLiteral("riskHeading"));
    m_heading->setWordWrap(true);
    m_assess = new QPushButton(tr("Assess Risk…"));
    m_assess->setObjectName(QStringLiteral("assessRiskButton"));
    m_assess->setToolTip(tr("Score the model under the current tier policy"));
    connect(m_assess, &QPushButton::clicked, this, [this] {
        if (m_modelId != 0)
            emit assessmentRequested(m_modelId);
    });
    headingRow->addWidget(m_heading, 1);
    headingRow->addWidget(m_assess, 0, Qt::AlignTop);
    layout->addLayout(headingRow);

    m_details = new QWidget;
    auto* form = new QFormLayout(m_details);
    form->setContentsMargins(0, 4, 0, 0);
    form->setLabelAlignment(Qt::AlignLeft);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_tier = new TierBadgeLabel(QStringLiteral("riskTier"));
    form->addRow(tr("Tier"), m_tier);
    addField(form, QStringLiteral("riskRule"), tr("Rule"));
    addField(form, QStringLiteral("riskEuCategory"), tr("EU AI Act"));
    addField(form, QStringLiteral("riskWeightedScore"), tr("Weighted score"));
    addField(form, QStringLiteral("riskRationale"), tr("Rationale"));
    addField(form, QStringLiteral("riskOverride"), tr("Override"));
    layout->addWidget(m_details);
    layout->addStretch(1);
    return summary;
}

QLabel* ModelRiskPane::addField(QFormLayout* form, const QString& objectName, const QString& title) {
    auto* value = new QLabel;
    value->setObjectName(objectName);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(title, value);
    m_fields.append(value);
    return value;
}

QString ModelRiskPane::field(const QString& name) const {
    for (const QLabel* label : m_fields) {
        if (label->objectName() == name)
            return label->text();
    }
    return name == QLatin1String("riskTier") ? m_tier->text() : QString();
}

void ModelRiskPane::setModelId(qint64 modelId) {
    m_modelId = modelId;
    m_history->setModelId(modelId);
}

void ModelRiskPane::showSelected() {
    const QModelIndexList rows = m_historyTable->selectionModel()->selectedRows();
    const int row = rows.isEmpty() ? 0 : rows.first().row();
    showAssessment(m_history->assessmentAt(row), row == 0);
}

void ModelRiskPane::showAssessment(const RiskAssessment* assessment, bool latest) {
    // Empty tables say nothing a model not assessed yet needs; the heading says what to do.
    for (QWidget* part : {m_details, m_scoresPane, m_historyPane})
        part->setVisible(assessment != nullptr);
    if (!assessment) {
        m_heading->setText(tr("Not assessed yet. The risk tier decides which sign-offs and evidence a "
                              "promotion needs and how often the model is reviewed."));
        m_scores->clear();
        return;
    }
    m_heading->setText((latest ? tr("Latest assessment: %1 by %2, under policy v%3")
                               : tr("Assessment of %1 by %2, under policy v%3"))
                           .arg(GovernanceFormat::date(assessment->assessedAt), assessment->assessedBy)
                           .arg(assessment->policyVersion));
    m_tier->setTier(assessment->effectiveTier(), assessment->blocked,
                    assessment->overrideStatus == RiskAssessment::OverrideStatus::Pending);
    const auto set = [this](const char* name, const QString& text) {
        findChild<QLabel*>(QLatin1String(name))->setText(text.isEmpty() ? GovernanceFormat::dash() : text);
    };
    set("riskRule", assessment->rule);
    set("riskRationale", assessment->rationale);
    QString override = RiskAssessmentHistoryModel::overrideText(*assessment);
    if (!override.isEmpty() && !assessment->overrideReason.isEmpty())
        override += tr("\nReason: %1").arg(assessment->overrideReason);
    if (!assessment->overrideComment.isEmpty())
        override += tr("\nDecision: %1").arg(assessment->overrideComment);
    set("riskOverride", override);
    try {
        const TierPolicy policy = Policies(*m_session.workspace()).policy(assessment->policyVersion);
        set("riskEuCategory", euCategoryLabel(policy, assessment->euCategory));
        set("riskWeightedScore",
            QLocale().toString(policy.assess(assessment->scores, assessment->euCategory).weightedScore, 'f',
                               2));
        m_scores->setScores(assessment->scores, policy);
    } catch (const AssayError& error) {
        set("riskEuCategory", assessment->euCategory);
        set("riskWeightedScore", error.message());
        m_scores->clear();
    }
    for (int column = 0; column < RiskScoreModel::MeaningColumn; ++column)
        m_scoreTable->resizeColumnToContents(column);
    m_historyTable->resizeColumnsToContents();
}

} // namespace assay
