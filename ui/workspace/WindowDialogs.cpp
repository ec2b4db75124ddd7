#include "WindowDialogs.h"

#include "AboutDialog.h"
#include "PolicyEditorDialog.h"
#include "UsersDialog.h"
#include "core/base/AssayError.h"
#include "core/drift/DriftMonitors.h"
#include "ui/drift/AddDriftDataDialog.h"
#include "ui/drift/DriftRulesDialog.h"
#include "ui/drift/NewDriftMonitorDialog.h"
#include "ui/models/ModelCardDialog.h"
#include "ui/models/RiskAssessmentWizard.h"
#include "ui/reviews/PromotionRequestDialog.h"
#include "ui/session/UiSettings.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/ErrorBox.h"

#include <utility>

namespace assay {

WindowDialogs::WindowDialogs(WorkspaceSession& session, const UiSettings& settings, QWidget* window)
    : QObject(window)
    , m_session(session)
    , m_settings(settings)
    , m_window(window) {}

template <class Dialog, class... Args>
Dialog* WindowDialogs::open(const QString& failureTitle, Args&&... args) {
    Dialog* dialog = nullptr;
    try {
        dialog = new Dialog(m_session, std::forward<Args>(args)..., m_window);
    } catch (const AssayError& error) {
        ErrorBox::show(m_window, failureTitle, error.message());
        return nullptr;
    }
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

RiskAssessmentWizard* WindowDialogs::assessRisk(qint64 modelId) {
    return open<RiskAssessmentWizard>(tr("Cannot assess the model's risk"), modelId);
}

ModelCardDialog* WindowDialogs::editModelCard(qint64 versionId) {
    return open<ModelCardDialog>(tr("Cannot open the model card"), versionId);
}

PolicyEditorDialog* WindowDialogs::editTierPolicy() {
    return open<PolicyEditorDialog>(tr("Cannot open the tier policy"));
}

NewDriftMonitorDialog* WindowDialogs::newDriftMonitor(qint64 modelId) {
    auto* dialog = open<NewDriftMonitorDialog>(tr("Cannot set up a drift monitor"), modelId);
    if (dialog) {
        connect(dialog, &NewDriftMonitorDialog::created, this, [this](qint64 monitorId) {
            if (const auto monitor = DriftMonitors(*m_session.workspace()).monitor(monitorId))
                emit statusMessage(tr("Drift monitor \"%1\" watches %2 version %3.")
                                       .arg(monitor->name, monitor->modelName)
                                       .arg(monitor->version));
        });
    }
    return dialog;
}

AddDriftDataDialog* WindowDialogs::addDriftData(qint64 monitorId) {
    return open<AddDriftDataDialog>(tr("Cannot add drift data"), monitorId);
}

DriftRulesDialog* WindowDialogs::editDriftRules(qint64 monitorId) {
    return open<DriftRulesDialog>(tr("Cannot change the drift thresholds"), monitorId);
}

void WindowDialogs::requestPromotion(qint64 modelId, int version) {
    auto* dialog = new PromotionRequestDialog(m_session, modelId, version, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PromotionRequestDialog::submitted, this, &WindowDialogs::requestSubmitted);
    dialog->open();
}

UsersDialog* WindowDialogs::showUsers() {
    if (!m_session.isOpen())
        return nullptr;
    if (!m_usersDialog) {
        m_usersDialog = new UsersDialog(m_session, m_window);
        m_usersDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_usersDialog->show();
    m_usersDialog->raise();
    m_usersDialog->activateWindow();
    return m_usersDialog;
}

AboutDialog* WindowDialogs::showAbout() {
    auto* dialog = new AboutDialog(m_session.workspace(), m_settings.fileName(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

} // namespace assay
