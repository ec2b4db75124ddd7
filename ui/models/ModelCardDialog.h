#pragma once

#include "core/registry/ModelVersion.h"
#include "core/registry/RegisteredModel.h"

#include <QDialog>
#include <QMap>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QVBoxLayout;

namespace assay {

class ChangeSet;
class EvidenceFileModel;
class WorkspaceSession;
struct ModelCardSection;

// The model card of one version (Mitchell et al. 2019 plus the risk function's intake fields),
// the model's business owner, and the version's evidence files. Save writes the card, and the
// business owner when it changed, in one transaction. A version whose promotion executed opens
// read-only: reviewers signed its card and evidence as they are.
class ModelCardDialog : public QDialog {
    Q_OBJECT

public:
    enum Tab { CardTab, EvidenceTab };

    // Throws AssayError when there is no such version or no workspace.
    ModelCardDialog(WorkspaceSession& session, qint64 versionId, QWidget* parent = nullptr);

    qint64 versionId() const { return m_version.id; }
    bool isReadOnly() const { return m_readOnly; }
    bool hasUnsavedChanges() const;
    // The text of every section, as edited.
    QMap<QString, QString> fields() const;
    QPlainTextEdit* editor(const QString& sectionKey) const { return m_editors.value(sectionKey); }
    QLineEdit* businessOwnerEdit() const { return m_businessOwner; }
    QLabel* completenessLabel() const { return m_completeness; }
    QLabel* readOnlyBanner() const { return m_banner; }
    QPushButton* saveButton() const { return m_save; }
    QPushButton* addEvidenceButton() const { return m_addEvidence; }
    QComboBox* evidenceKindCombo() const { return m_evidenceKind; }
    EvidenceFileModel* evidenceModel() const { return m_evidenceModel; }
    QTableView* evidenceView() const { return m_evidenceView; }
    QTabWidget* tabs() const { return m_tabs; }

    // Writes the card (and the business owner when changed); false, with the reason shown, when
    // core refuses.
    bool save();
    // Files the file at path as evidence of the given kind (EvidenceFiles::kinds()).
    bool addEvidenceFile(const QString& path, const QString& kind);
    // Writes the content of the evidence file in row to path.
    bool saveEvidenceFile(int row, const QString& path);

public slots:
    void reject() override;

private:
    QWidget* createCardTab();
    QWidget* createEvidenceTab();
    void addSection(QVBoxLayout* layout, const ModelCardSection& section);
    QLabel* hintLabel(const QString& text) const;
    void loadCard();
    void reloadModel();
    void updateState();
    void updateCompleteness();
    void updateEvidenceTab();
    void onChanged(const ChangeSet& changes);
    void chooseAndAddEvidence();
    void chooseAndSaveEvidence();
    bool mayEditCard() const;
    bool mayNameOwners() const;
    bool mayFileEvidence() const;

    WorkspaceSession& m_session;
    ModelVersion m_version;
    RegisteredModel m_model;
    bool m_readOnly = false;
    bool m_saving = false; // this dialog's own commit is not someone else's change
    QMap<QString, QString> m_savedFields;

    QLabel* m_banner = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_subtitle = nullptr;
    QLabel* m_notice = nullptr;
    QLabel* m_completeness = nullptr;
    QTabWidget* m_tabs = nullptr;
    QMap<QString, QPlainTextEdit*> m_editors;
    QLineEdit* m_businessOwner = nullptr;
    QLabel* m_businessOwnerHint = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_save = nullptr;
    EvidenceFileModel* m_evidenceModel = nullptr;
    QTableView* m_evidenceView = nullptr;
    QComboBox* m_evidenceKind = nullptr;
    QPushButton* m_addEvidence = nullptr;
    QPushButton* m_saveEvidence = nullptr;
};

} // namespace assay
