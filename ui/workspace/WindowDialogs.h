#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

namespace assay {

class AboutDialog;
class AddDriftDataDialog;
class DriftRulesDialog;
class ModelCardDialog;
class NewDriftMonitorDialog;
class PolicyEditorDialog;
class RiskAssessmentWizard;
class UiSettings;
class UsersDialog;
class WorkspaceSession;

// The dialogs the window opens over itself, window-modal and opened rather than exec()'d, so
// that the window (and a test) goes on. Each returns the dialog, or null after telling the user
// why it cannot open (core refused: no workspace, no such model, not allowed).
class WindowDialogs : public QObject {
    Q_OBJECT

public:
    WindowDialogs(WorkspaceSession& session, const UiSettings& settings, QWidget* window);

    RiskAssessmentWizard* assessRisk(qint64 modelId);
    ModelCardDialog* editModelCard(qint64 versionId);
    PolicyEditorDialog* editTierPolicy();
    NewDriftMonitorDialog* newDriftMonitor(qint64 modelId);
    AddDriftDataDialog* addDriftData(qint64 monitorId);
    DriftRulesDialog* editDriftRules(qint64 monitorId);
    // Asks for a version's promotion; requestSubmitted follows a submitted request.
    void requestPromotion(qint64 modelId, int version);
    // The one Users and Roles dialog, created when needed, raised; null without a workspace.
    UsersDialog* showUsers();
    AboutDialog* showAbout();

signals:
    void requestSubmitted(qint64 requestId);
    void statusMessage(const QString& message);

private:
    template <class Dialog, class... Args>
    Dialog* open(const QString& failureTitle, Args&&... args);

    WorkspaceSession& m_session;
    const UiSettings& m_settings;
    QWidget* m_window;
    QPointer<UsersDialog> m_usersDialog;
};

} // namespace assay
