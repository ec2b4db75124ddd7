#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QPlainTextEdit;
class QPushButton;

namespace assay {

class RequestPreview;
class WorkspaceSession;

// Opens the periodic review of a model's production version (PromotionRequests::submitReview):
// a combo of the models with a version in production, a justification, and a preview of the
// tier and the sign-offs the review needs.
class PeriodicReviewDialog : public QDialog {
    Q_OBJECT

public:
    // The session must have a workspace open.
    explicit PeriodicReviewDialog(WorkspaceSession& session, QWidget* parent = nullptr);

    QComboBox* modelCombo() const { return m_model; }
    QPlainTextEdit* justificationEdit() const { return m_justification; }
    RequestPreview* preview() const { return m_preview; }
    QPushButton* okButton() const;
    // Chooses the model in the combo; false when it has no version in production.
    bool selectModel(qint64 modelId);
    qint64 requestId() const { return m_requestId; }

    void accept() override;

signals:
    void submitted(qint64 requestId);

private:
    void fillModels();
    void updatePreview();

    WorkspaceSession& m_session;
    qint64 m_requestId = 0;

    QComboBox* m_model = nullptr;
    QPlainTextEdit* m_justification = nullptr;
    RequestPreview* m_preview = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace assay
