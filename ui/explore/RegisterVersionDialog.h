#pragma once

#include "core/registry/ModelVersionRef.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace assay {

class WorkspaceSession;

// Registers a run as the next version of a model (a new one, or one of the existing models):
// core's Registry::registerRun in one write, which checks that the acting user is a data
// scientist and starts the version's model card as a copy of the previous version's. A refusal
// is shown and the dialog stays open.
class RegisterVersionDialog : public QDialog {
    Q_OBJECT

public:
    RegisterVersionDialog(WorkspaceSession& session, qint64 runId, QWidget* parent = nullptr);

    QComboBox* modelCombo() const { return m_model; }
    QPlainTextEdit* descriptionEdit() const { return m_description; }
    QLabel* hintLabel() const { return m_hint; }
    QPushButton* registerButton() const { return m_register; }
    // Writes through core; closes the dialog with Accepted on success.
    bool registerVersion();
    // The version registered, once registerVersion() succeeded.
    const std::optional<ModelVersionRef>& registered() const { return m_registered; }

signals:
    void versionRegistered(qint64 modelId, int version);

private:
    void updateHint();

    WorkspaceSession& m_session;
    qint64 m_runId;
    QComboBox* m_model = nullptr;
    QPlainTextEdit* m_description = nullptr;
    QLabel* m_hint = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_register = nullptr;
    std::optional<ModelVersionRef> m_registered;
};

} // namespace assay
