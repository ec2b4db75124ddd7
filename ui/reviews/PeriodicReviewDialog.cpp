#include "PeriodicReviewDialog.h"

#include "RequestPreview.h"
#include "core/base/AssayError.h"
#include "core/governance/Policies.h"
#include "core/governance/PromotionRequest.h"
#include "core/governance/PromotionRequests.h"
#include "core/governance/RiskAssessments.h"
#include "core/registry/Registry.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/ErrorBox.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace assay {
namespace {

const QString productionAlias = QStringLiteral("production");

} // namespace

PeriodicReviewDialog::PeriodicReviewDialog(WorkspaceSession& session, QWidget* parent)
    : QDialog(parent)
    , m_session(session) {
    setObjectName(QStringLiteral("periodicReviewDialog"));
    setWindowTitle(tr("Start Periodic Review"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_model = new QComboBox;
    m_model->setObjectName(QStringLiteral("reviewModelCombo"));
    form->addRow(tr("Model in production:"), m_model);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Justification: what prompts the review and what to look at")));
    m_justification = new QPlainTextEdit;
    m_justification->setObjectName(QStringLiteral("justificationEdit"));
    m_justification->setTabChangesFocus(true);
    m_justification->setMinimumHeight(70);
    layout->addWidget(m_justification);
    auto* previewBox = new QGroupBox(tr("What the review will need"));
    auto* previewLayout = new QVBoxLayout(previewBox);
    m_preview = new RequestPreview;
    previewLayout->addWidget(m_preview);
    layout->addWidget(previewBox, 1);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    okButton()->setText(tr("Start Review"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PeriodicReviewDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PeriodicReviewDialog::reject);
    layout->addWidget(m_buttons);
    fillModels();
    connect(m_model, &QComboBox::currentIndexChanged, this, &PeriodicReviewDialog::updatePreview);
    updatePreview();
    resize(720, 540);
}

QPushButton* PeriodicReviewDialog::okButton() const {
    return m_buttons->button(QDialogButtonBox::Ok);
}

void PeriodicReviewDialog::fillModels() {
    const Workspace* workspace = m_session.workspace();
    if (!workspace)
        return;
    const Registry registry(*workspace);
    for (const RegisteredModel& model : registry.models()) {
        if (const std::optional<int> version = registry.aliasVersion(model.id, productionAlias))
            m_model->addItem(tr("%1 (v%2 in production)").arg(model.name).arg(*version), model.id);
    }
}

bool PeriodicReviewDialog::selectModel(qint64 modelId) {
    const int index = m_model->findData(modelId);
    if (index >= 0)
        m_model->setCurrentIndex(index);
    return index >= 0;
}

void PeriodicReviewDialog::updatePreview() {
    const Workspace* workspace = m_session.workspace();
    if (!workspace)
        return;
    QString problem;
    bool ownerSubmits = false;
    try {
        const qint64 modelId = m_model->currentData().toLongLong();
        const Registry registry(*workspace);
        const std::optional<RegisteredModel> model = registry.model(modelId);
        const std::optional<int> version = registry.aliasVersion(modelId, productionAlias);
        const std::optional<RiskAssessment> assessment = RiskAssessments(*workspace).latest(modelId);
        if (!model || !version)
            problem = tr("No model has a version in production, so there is nothing to review.");
        else if (!assessment)
            problem =
                tr("%1 has no risk assessment yet. Assess its risk first: its tier decides who must sign.")
                    .arg(model->name);
        for (const PromotionRequest& other : PromotionRequests(*workspace).requests(modelId)) {
            if (problem.isEmpty() && other.isOpen() && other.kind == PromotionRequest::Kind::Review)
                problem = tr("Review #%1 of %2 is still open.").arg(other.id).arg(model->name);
        }
        if (problem.isEmpty()) {
            PromotionRequest request;
            request.kind = PromotionRequest::Kind::Review;
            request.modelId = modelId;
            request.modelName = model->name;
            request.version = *version;
            request.versionId = registry.version(modelId, *version)->id;
            request.alias = productionAlias;
            request.tier = assessment->effectiveTier();
            request.policyVersion = Policies(*workspace).current().version;
            m_preview->showRequest(*workspace, request);
            ownerSubmits = model->owner == workspace->actor();
            m_preview->setWarnings(
                ownerSubmits ? QStringList{RequestPreview::ownerSubmitsWarning(model->name)} : QStringList());
        }
    } catch (const AssayError& error) {
        problem = error.message();
    }
    if (!problem.isEmpty())
        m_preview->showProblem(problem);
    // Core refuses a review the owner opens; the preview's warning says why.
    okButton()->setEnabled(problem.isEmpty() && !ownerSubmits);
}

void PeriodicReviewDialog::accept() {
    if (!m_session.workspace() || m_model->currentIndex() < 0)
        return;
    const qint64 modelId = m_model->currentData().toLongLong();
    try {
        m_session.workspace()->write([&](WriteTransaction& tx) {
            m_requestId = PromotionRequests::submitReview(tx, modelId, m_justification->toPlainText());
        });
    } catch (const AssayError& error) {
        ErrorBox::show(this, tr("Cannot start the review"), error.message());
        return;
    }
    emit submitted(m_requestId);
    QDialog::accept();
}

} // namespace assay
