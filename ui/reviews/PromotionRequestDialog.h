#pragma once

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace assay {

class RequestPreview;
class WorkspaceSession;
struct PromotionRequest;

// Asks for a model version to be promoted to an alias (production by default): a justification
// and, before anything is written, a preview of the tier, the sign-offs it requires and the gates
// as they stand. Submits with PromotionRequests::submit; core's refusal is shown and the dialog
// stays open.
class PromotionRequestDialog : public QDialog {
    Q_OBJECT

public:
    // The session must have a workspace open.
    PromotionRequestDialog(WorkspaceSession& session, qint64 modelId, int version, QWidget* parent = nullptr);

    QComboBox* aliasCombo() const { return m_alias; }
    QPlainTextEdit* justificationEdit() const { return m_justification; }
    RequestPreview* preview() const { return m_preview; }
    QPushButton* okButton() const;
    // The submitted request, once the dialog was accepted.
    qint64 requestId() const { return m_requestId; }

    void accept() override;

signals:
    void submitted(qint64 requestId);

private:
    void updatePreview();
    // The request as submit would write it, or the reason it cannot be built.
    std::optional<PromotionRequest> wouldBe(QString* problem, QStringList* warnings) const;

    WorkspaceSession& m_session;
    qint64 m_modelId = 0;
    int m_version = 0;
    qint64 m_requestId = 0;

    QComboBox* m_alias = nullptr;
    QPlainTextEdit* m_justification = nullptr;
    RequestPreview* m_preview = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace assay
