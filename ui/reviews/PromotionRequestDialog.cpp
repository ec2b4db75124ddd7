#include "PromotionRequestDialog.h"

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

PromotionRequestDialog::PromotionRequestDialog(WorkspaceSession& session, qint64 modelId, int version,
                                               QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_modelId(modelId)
    , m_version(version) {
    setObjectName(QStringLiteral("promotionRequestDialog"));
    const Workspace& workspace = *m_session.workspace();
    const std::optional<RegisteredModel> model = Registry(workspace).model(modelId);
    const QString name = model ? model->name : QString::number(modelId);
    setWindowTitle(tr("Request Promotion of %1 v%2").arg(name).arg(version));

    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_alias = new QComboBox;
    m_alias->setObjectName(QStringLiteral("aliasCombo"));
    m_alias->setEditable(true);
    m_alias->addItems(
        {QStringLiteral("production"), QStringLiteral("staging"), QStringLiteral("challenger")});
    m_alias->setCurrentText(QStringLiteral("production"));
    form->addRow(tr("Move the alias:"), m_alias);
    form->addRow(tr("To:"), new QLabel(tr("%1 version %2").arg(name).arg(version)));
    layout->addLayout(form);
    layout->addWidget(
        new QLabel(tr("Justification: why this version, and what the reviewers should look at")));
    m_justification = new QPlainTextEdit;
    m_justification->setObjectName(QStringLiteral("justificationEdit"));
    m_justification->setTabChangesFocus(true);
    m_justification->setMinimumHeight(70);
    layout->addWidget(m_justification);

    auto* previewBox = new QGroupBox(tr("What the request will need"));
    auto* previewLayout = new QVBoxLayout(previewBox);
    m_preview = new RequestPreview;
    previewLayout->addWidget(m_preview);
    layout->addWidget(previewBox, 1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    okButton()->setText(tr("Submit Request"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PromotionRequestDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PromotionRequestDialog::reject);
    layout->addWidget(m_buttons);
    connect(m_alias, &QComboBox::currentTextChanged, this, &PromotionRequestDialog::updatePreview);
    updatePreview();
    resize(760, 580);
}

QPushButton* PromotionRequestDialog::okButton() const {
    return m_buttons->button(QDialogButtonBox::Ok);
}

std::optional<PromotionRequest> PromotionRequestDialog::wouldBe(QString* problem,
                                                                QStringList* warnings) const {
    const Workspace& workspace = *m_session.workspace();
    const Registry registry(workspace);
    const std::optional<RegisteredModel> model = registry.model(m_modelId);
    const std::optional<ModelVersion> version = registry.version(m_modelId, m_version);
    if (!model || !version) {
        *problem = tr("There is no version %1 of this model any more.").arg(m_version);
        return std::nullopt;
    }
    const std::optional<RiskAssessment> assessment = RiskAssessments(workspace).latest(m_modelId);
    if (!assessment) {
        *problem = tr("%1 has no risk assessment yet. Assess its risk first: its tier decides who must sign.")
                       .arg(model->name);
        return std::nullopt;
    }
    if (assessment->blocked) {
        *problem = tr("%1 cannot be promoted: %2").arg(model->name, assessment->rule);
        return std::nullopt;
    }
    if (model->owner.isEmpty())
        *warnings << tr("%1 has no owner; name one first, since every tier needs the model owner's sign-off.")
                         .arg(model->name);
    if (assessment->overrideStatus == RiskAssessment::OverrideStatus::Pending)
        *warnings
            << tr("A tier override to Tier %1 waits for a risk officer; until it is decided the request "
                  "is judged as Tier %2.")
                   .arg(assessment->overrideTier.value_or(0))
                   .arg(assessment->effectiveTier());
    const QString alias = m_alias->currentText().trimmed();
    if (version->aliases.contains(alias))
        *warnings << tr("Version %1 is %2 already.").arg(m_version).arg(alias);
    for (const PromotionRequest& other : PromotionRequests(workspace).requests(m_modelId)) {
        if (other.isOpen() && other.kind == PromotionRequest::Kind::Promotion && other.alias == alias) {
            *problem = tr("Request #%1 to move %2's %3 alias is still open; it must be decided or withdrawn "
                          "first.")
                           .arg(other.id)
                           .arg(model->name, alias);
            return std::nullopt;
        }
    }
    if (model->owner == workspace.actor())
        *warnings << RequestPreview::ownerSubmitsWarning(model->name);

    PromotionRequest request;
    request.kind = PromotionRequest::Kind::Promotion;
    request.modelId = m_modelId;
    request.modelName = model->name;
    request.versionId = version->id;
    request.version = m_version;
    request.alias = alias;
    request.tier = assessment->effectiveTier();
    request.policyVersion = Policies(workspace).current().version;
    request.submittedBy = workspace.actor();
    return request;
}

void PromotionRequestDialog::updatePreview() {
    if (!m_session.workspace())
        return;
    QString problem;
    QStringList warnings;
    try {
        if (const std::optional<PromotionRequest> request = wouldBe(&problem, &warnings)) {
            m_preview->showRequest(*m_session.workspace(), *request);
            m_preview->setWarnings(warnings);
        } else {
            m_preview->showProblem(problem);
        }
    } catch (const AssayError& error) {
        problem = error.message();
        m_preview->showProblem(problem);
    }
    // Core refuses a request the model's owner submits; the preview's warning says why.
    const std::optional<RegisteredModel> model =
        m_session.workspace() ? Registry(*m_session.workspace()).model(m_modelId) : std::nullopt;
    const bool ownerSubmits = model && model->owner == m_session.workspace()->actor();
    okButton()->setEnabled(problem.isEmpty() && !ownerSubmits && !m_alias->currentText().trimmed().isEmpty());
}

void PromotionRequestDialog::accept() {
    if (!m_session.workspace())
        return;
    try {
        m_session.workspace()->write([&](WriteTransaction& tx) {
            m_requestId = PromotionRequests::submit(
                tx, m_modelId, m_version, m_alias->currentText().trimmed(), m_justification->toPlainText());
        });
    } catch (const AssayError& error) {
        ErrorBox::show(this, tr("Cannot submit the request"), error.message());
        return;
    }
    emit submitted(m_requestId);
    QDialog::accept();
}

} // namespace assay
