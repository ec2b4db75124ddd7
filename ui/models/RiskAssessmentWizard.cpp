#include "RiskAssessmentWizard.h"

#include "EuCategoryPage.h"
#include "RiskDimensionPage.h"
#include "RiskSummaryPage.h"
#include "core/base/AssayError.h"
#include "core/governance/Policies.h"
#include "core/governance/RiskAssessments.h"
#include "core/identity/Identity.h"
#include "core/registry/Registry.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/ErrorBox.h"
#include "ui/widgets/RunValueFormat.h"

#include <QLabel>
#include <QVBoxLayout>

namespace assay {
namespace {

constexpr QSize wizardSize(980, 680);
constexpr int sidePanelWidth = 250;

RegisteredModel requireModel(WorkspaceSession& session, qint64 modelId) {
    if (!session.isOpen())
        throw AssayError(RiskAssessmentWizard::tr("No workspace is open."));
    const std::optional<RegisteredModel> model = Registry(*session.workspace()).model(modelId);
    if (!model)
        throw AssayError(RiskAssessmentWizard::tr("There is no registered model with id %1.").arg(modelId));
    return *model;
}

bool mayAssess(const Workspace& workspace) {
    const Identity identity(workspace);
    const QString& actor = workspace.actor();
    return identity.has(actor, Role::DataScientist) || identity.has(actor, Role::Validator) ||
           identity.has(actor, Role::RiskOfficer);
}

} // namespace

RiskAssessmentWizard::RiskAssessmentWizard(WorkspaceSession& session, qint64 modelId, QWidget* parent)
    : QWizard(parent)
    , m_session(session)
    , m_model(requireModel(session, modelId))
    , m_policy(Policies(*session.workspace()).currentPolicy())
    , m_policyVersion(Policies(*session.workspace()).current().version) {
    setObjectName(QStringLiteral("riskAssessmentWizard"));
    setWindowTitle(tr("Assess Risk — %1").arg(m_model.name));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    // Every page may be revisited; the summary follows whatever is chosen.
    setOption(QWizard::IndependentPages);
    const qsizetype count = m_policy.dimensions().size();
    for (qsizetype i = 0; i < count; ++i) {
        auto* page = new RiskDimensionPage(m_policy.dimensions().at(i), static_cast<int>(i),
                                           static_cast<int>(count), m_model.name);
        connect(page, &RiskDimensionPage::scoreChanged, this, &RiskAssessmentWizard::recompute);
        m_dimensionPages.append(page);
        addPage(page);
    }
    m_euPage = new EuCategoryPage(m_policy.euCategories(), m_model.name);
    connect(m_euPage, &EuCategoryPage::categoryChanged, this, &RiskAssessmentWizard::recompute);
    addPage(m_euPage);
    m_summaryPage = new RiskSummaryPage(m_policy);
    m_summaryPage->setSubmit([this] { return submit(); });
    addPage(m_summaryPage);
    setSideWidget(createSidePanel());
    setButtonText(QWizard::FinishButton, tr("Record Assessment"));
    resize(wizardSize);

    prefill();
    recompute();
    // The wizard speaks of one model in one file.
    connect(&m_session, &WorkspaceSession::workspaceChanged, this, &QWizard::reject);
}

QWidget* RiskAssessmentWizard::createSidePanel() {
    // Parented at once, so that the wizard owns it before its layout takes it in.
    auto* panel = new QWidget(this);
    panel->setFixedWidth(sidePanelWidth);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 12, 0);
    m_context = new QLabel;
    m_context->setObjectName(QStringLiteral("assessmentContext"));
    m_context->setWordWrap(true);
    m_context->setTextFormat(Qt::RichText);
    m_progress = new QLabel;
    m_progress->setObjectName(QStringLiteral("assessmentProgress"));
    m_progress->setWordWrap(true);
    m_progress->setTextFormat(Qt::RichText);
    layout->addWidget(m_context);
    layout->addSpacing(12);
    layout->addWidget(m_progress);
    layout->addStretch(1);
    return panel;
}

void RiskAssessmentWizard::prefill() {
    const Workspace& workspace = *m_session.workspace();
    QStringList context;
    context << QStringLiteral("<b>%1</b>").arg(m_model.name.toHtmlEscaped());
    context << (m_policyVersion > 0 ? tr("Policy version %1").arg(m_policyVersion)
                                    : tr("Assay's default policy (not published yet)"));
    const std::optional<RiskAssessment> latest = RiskAssessments(workspace).latest(m_model.id);
    if (latest) {
        m_prefilled = true;
        for (RiskDimensionPage* page : std::as_const(m_dimensionPages)) {
            if (latest->scores.contains(page->dimension().key))
                page->setScore(latest->scores.value(page->dimension().key));
        }
        m_euPage->setCategory(latest->euCategory);
        m_summaryPage->setRationale(latest->rationale);
        using Status = RiskAssessment::OverrideStatus;
        if (latest->overrideTier &&
            (latest->overrideStatus == Status::Pending || latest->overrideStatus == Status::Approved))
            m_summaryPage->setOverride(*latest->overrideTier, latest->overrideReason);
        QString note =
            tr("Filled in from the assessment of %1 by %2: Tier %3 under policy version %4.")
                .arg(RunValueFormat::dateTime(latest->assessedAt), latest->assessedBy.toHtmlEscaped())
                .arg(latest->effectiveTier())
                .arg(latest->policyVersion);
        if (latest->policyVersion != m_policyVersion)
            note += QLatin1Char(' ') + tr("Check each score against the current guidance.");
        context << note;
    } else {
        context << tr("First assessment of this model.");
    }
    if (!mayAssess(workspace))
        context << tr("<span style='color:#b3261e'>%1 holds none of the roles that may assess risk (data "
                      "scientist, validator, risk officer): the assessment will be refused.</span>")
                       .arg(workspace.actor().toHtmlEscaped());
    m_context->setText(context.join(QStringLiteral("<br><br>")));
}

QMap<QString, int> RiskAssessmentWizard::scores() const {
    QMap<QString, int> result;
    for (const RiskDimensionPage* page : m_dimensionPages) {
        if (const std::optional<int> score = page->score())
            result.insert(page->dimension().key, *score);
    }
    return result;
}

QString RiskAssessmentWizard::euCategory() const {
    return m_euPage->category();
}

std::optional<TierAssessment> RiskAssessmentWizard::computed() const {
    if (scores().size() != m_dimensionPages.size() || euCategory().isEmpty())
        return std::nullopt;
    try {
        return m_policy.assess(scores(), euCategory());
    } catch (const AssayError&) {
        return std::nullopt; // cannot happen with choices taken from the policy itself
    }
}

QString RiskAssessmentWizard::missingText() const {
    QStringList missing;
    for (const RiskDimensionPage* page : m_dimensionPages) {
        if (!page->score())
            missing << page->dimension().label;
    }
    if (euCategory().isEmpty())
        missing << tr("EU AI Act category");
    return tr("Still to choose: %1.").arg(missing.join(tr(", ")));
}

void RiskAssessmentWizard::recompute() {
    const std::optional<TierAssessment> result = computed();
    m_summaryPage->showAssessment(result, missingText());

    QString rows;
    for (const RiskDimensionPage* page : std::as_const(m_dimensionPages)) {
        const std::optional<int> score = page->score();
        rows += QStringLiteral("<tr><td>%1</td><td align='right'><b>%2</b></td></tr>")
                    .arg(page->dimension().label.toHtmlEscaped(), score ? QString::number(*score) : tr("–"));
    }
    QString category = tr("–");
    for (const EuAiActCategory& eu : m_policy.euCategories()) {
        if (eu.key == euCategory())
            category = eu.label;
    }
    rows += QStringLiteral("<tr><td colspan='2'>%1<br><b>%2</b></td></tr>")
                .arg(tr("EU AI Act category"), category.toHtmlEscaped());
    QString tier = tr("Tier: not yet, every dimension and the category are needed.");
    if (result)
        tier = result->blocked ? tr("<b style='color:#b3261e'>Blocked</b> by the EU AI Act category.")
                               : tr("Tier so far: <b>Tier %1</b> (weighted score %2).")
                                     .arg(result->tier)
                                     .arg(QString::number(result->weightedScore, 'f', 2));
    m_progress->setText(
        QStringLiteral("<table width='100%' cellspacing='2'>%1</table><p>%2</p>").arg(rows, tier));
}

bool RiskAssessmentWizard::submit() {
    if (!m_session.isOpen())
        return false;
    const QMap<QString, int> chosen = scores();
    const std::optional<RiskAssessments::Override> tierOverride = m_summaryPage->tierOverride();
    try {
        m_session.workspace()->write([&](WriteTransaction& tx) {
            m_assessmentId = RiskAssessments::assess(tx, m_model.id, chosen, euCategory(),
                                                     m_summaryPage->rationale(), tierOverride);
        });
    } catch (const AssayError& error) {
        m_assessmentId = 0;
        m_summaryPage->showError(error.message());
        ErrorBox::show(this, tr("Cannot record the assessment"), error.message());
        return false;
    }
    return true;
}

} // namespace assay
