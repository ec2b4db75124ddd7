#include "RequestPreview.h"

#include "GateModel.h"
#include "ReviewStatusStyle.h"
#include "core/base/AssayError.h"
#include "core/governance/Policies.h"
#include "core/governance/PromotionGates.h"
#include "core/governance/PromotionRequest.h"
#include "core/governance/SignOff.h"
#include "core/registry/Registry.h"
#include "ui/widgets/PaletteTone.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace assay {

RequestPreview::RequestPreview(QWidget* parent)
    : QWidget(parent)
    , m_gates(new GateModel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_warnings = new QLabel;
    m_warnings->setObjectName(QStringLiteral("previewWarnings"));
    m_warnings->setWordWrap(true);
    QPalette warningPalette = m_warnings->palette();
    warningPalette.setColor(QPalette::WindowText,
                            PaletteTone::asText(ReviewStatusStyle::bad(), warningPalette));
    m_warnings->setPalette(warningPalette);
    m_warnings->hide();
    layout->addWidget(m_warnings);

    auto* form = new QFormLayout;
    m_tier = new QLabel;
    m_tier->setObjectName(QStringLiteral("previewTier"));
    m_tier->setWordWrap(true);
    m_signOffs = new QLabel;
    m_signOffs->setObjectName(QStringLiteral("previewSignOffs"));
    m_signOffs->setWordWrap(true);
    form->addRow(tr("Tier:"), m_tier);
    form->addRow(tr("Sign-offs required:"), m_signOffs);
    layout->addLayout(form);

    m_gateView = new QTableView;
    m_gateView->setObjectName(QStringLiteral("previewGates"));
    m_gateView->setModel(m_gates);
    m_gateView->verticalHeader()->hide();
    m_gateView->verticalHeader()->setDefaultSectionSize(m_gateView->fontMetrics().height() + 8);
    m_gateView->setSelectionMode(QAbstractItemView::NoSelection);
    m_gateView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_gateView->setWordWrap(false);
    m_gateView->horizontalHeader()->setStretchLastSection(true);
    m_gateView->setMinimumHeight(140);
    layout->addWidget(m_gateView, 1);
}

void RequestPreview::showRequest(const Workspace& workspace, const PromotionRequest& request) {
    // A copy: requirements() refers into the policy, a temporary here.
    const TierRequirements requirements =
        Policies(workspace).policy(request.policyVersion).requirements(request.tier);
    m_tier->setText(tr("Tier %1 (%2): reviewed every %3 months once approved")
                        .arg(request.tier)
                        .arg(requirements.label)
                        .arg(requirements.reviewMonths));
    const QString owner = Registry(workspace).model(request.modelId)->owner;
    QStringList signOffs;
    for (const QString& key : requirements.signOffs) {
        const QString label = SignOff::labelOf(key);
        signOffs << (key == QLatin1String("model_owner") && !owner.isEmpty() ? tr("%1 (%2)").arg(label, owner)
                                                                             : label);
    }
    m_signOffs->setText(signOffs.join(QStringLiteral(", ")));
    m_gates->setGates(PromotionGates::compute(workspace, request));
    m_gateView->resizeColumnsToContents();
    m_gateView->setEnabled(true);
}

void RequestPreview::showProblem(const QString& problem) {
    m_tier->setText(tr("—"));
    m_signOffs->setText(tr("—"));
    m_gates->setGates({});
    m_gateView->setEnabled(false);
    setWarnings({problem});
}

void RequestPreview::setWarnings(const QStringList& warnings) {
    m_warnings->setText(warnings.join(QLatin1Char('\n')));
    m_warnings->setVisible(!warnings.isEmpty());
}

QString RequestPreview::ownerSubmitsWarning(const QString& modelName) {
    return tr("You own %1 and sign its requests as model owner, and nobody may decide a request they "
              "submitted, so Assay does not let you submit it. Ask someone else to submit it, or name "
              "another "
              "owner first.")
        .arg(modelName);
}

QString RequestPreview::tierText() const {
    return m_tier->text();
}

QString RequestPreview::signOffText() const {
    return m_signOffs->text();
}

} // namespace assay
