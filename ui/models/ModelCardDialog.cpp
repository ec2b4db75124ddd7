#include "ModelCardDialog.h"

#include "EvidenceFileModel.h"
#include "core/base/AssayError.h"
#include "core/base/VersionLock.h"
#include "core/governance/EvidenceFiles.h"
#include "core/identity/Identity.h"
#include "core/registry/ModelCards.h"
#include "core/registry/Registry.h"
#include "core/workspace/ChangeSet.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/BannerLabel.h"
#include "ui/widgets/ErrorBox.h"
#include "ui/widgets/PageTitleLabel.h"
#include "ui/widgets/ReadOnlyTextStyle.h"
#include "ui/widgets/RunValueFormat.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QMimeDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableView>
#include <QTime>
#include <QVBoxLayout>

namespace assay {
namespace {

constexpr QSize dialogSize(1000, 780);
constexpr int cardSectionLines = 4;
constexpr int intakeSectionLines = 2;

ModelVersion requireVersion(WorkspaceSession& session, qint64 versionId) {
    if (!session.isOpen())
        throw AssayError(ModelCardDialog::tr("No workspace is open."));
    const std::optional<ModelVersion> version = Registry(*session.workspace()).versionById(versionId);
    if (!version)
        throw AssayError(ModelCardDialog::tr("There is no model version with id %1.").arg(versionId));
    return *version;
}

// The sections that say something: an empty or blank section is a missing one, written or not.
QMap<QString, QString> written(const QMap<QString, QString>& fields) {
    QMap<QString, QString> result;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        if (!it.value().trimmed().isEmpty())
            result.insert(it.key(), it.value());
    }
    return result;
}

} // namespace

ModelCardDialog::ModelCardDialog(WorkspaceSession& session, qint64 versionId, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_version(requireVersion(session, versionId))
    , m_model(*Registry(*session.workspace()).model(m_version.modelId))
    , m_evidenceModel(new EvidenceFileModel(session, this)) {
    setObjectName(QStringLiteral("modelCardDialog"));
    setWindowTitle(tr("Model Card — %1 v%2").arg(m_model.name).arg(m_version.version));
    m_banner = new BannerLabel(BannerLabel::Kind::Warning, QStringLiteral("readOnlyBanner"));
    m_title = new PageTitleLabel(QStringLiteral("cardTitle"), 1.25);
    m_title->setText(tr("Model card — %1, version %2").arg(m_model.name).arg(m_version.version));
    m_subtitle = new QLabel;
    m_subtitle->setObjectName(QStringLiteral("cardSubtitle"));
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_subtitle->setWordWrap(true);
    m_notice = new BannerLabel(BannerLabel::Kind::Info, QStringLiteral("cardNotice"));
    m_completeness = new QLabel;
    m_completeness->setObjectName(QStringLiteral("cardCompleteness"));
    m_completeness->setWordWrap(true);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("cardTabs"));
    m_tabs->addTab(createCardTab(), tr("Card"));
    m_tabs->addTab(createEvidenceTab(), tr("Evidence Files"));

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("cardStatus"));
    m_status->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("saveCardButton"));
    connect(m_save, &QPushButton::clicked, this, &ModelCardDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &ModelCardDialog::reject);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(buttons);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_notice);
    layout->addWidget(m_completeness);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(bottom);
    resize(dialogSize);

    m_evidenceModel->setVersion(m_version.id);
    m_businessOwner->setText(m_model.businessOwner);
    loadCard();
    reloadModel();
    updateState();
    connect(&m_session, &WorkspaceSession::changed, this, &ModelCardDialog::onChanged);
    // The dialog speaks of one version in one file; nothing to save into another.
    connect(&m_session, &WorkspaceSession::workspaceChanged, this, [this] { done(QDialog::Rejected); });
}

QLabel* ModelCardDialog::hintLabel(const QString& text) const {
    auto* hint = new QLabel(text);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    QFont font = hint->font();
    font.setPointSizeF(font.pointSizeF() * 0.92);
    hint->setFont(font);
    return hint;
}

void ModelCardDialog::addSection(QVBoxLayout* layout, const ModelCardSection& section) {
    auto* label = new QLabel(section.label);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    auto* editor = new QPlainTextEdit;
    editor->setObjectName(QStringLiteral("section_") + section.key);
    editor->setPlaceholderText(tr("Not written yet."));
    editor->setTabChangesFocus(true);
    const int lines = section.intake ? intakeSectionLines : cardSectionLines;
    editor->setFixedHeight(editor->fontMetrics().lineSpacing() * lines + 14);
    label->setBuddy(editor);
    layout->addWidget(label);
    layout->addWidget(hintLabel(section.guidance));
    layout->addWidget(editor);
    layout->addSpacing(6);
    m_editors.insert(section.key, editor);
    connect(editor, &QPlainTextEdit::textChanged, this, &ModelCardDialog::updateCompleteness);
}

QWidget* ModelCardDialog::createCardTab() {
    auto* card = new QGroupBox(tr("Model card (Mitchell et al. 2019)"));
    auto* cardLayout = new QVBoxLayout(card);
    auto* intake = new QGroupBox(tr("Intake"));
    auto* intakeLayout = new QVBoxLayout(intake);

    auto* ownerLabel = new QLabel(tr("Business owner"));
    QFont bold = ownerLabel->font();
    bold.setBold(true);
    ownerLabel->setFont(bold);
    m_businessOwner = new QLineEdit;
    m_businessOwner->setObjectName(QStringLiteral("businessOwner"));
    m_businessOwner->setPlaceholderText(tr("Not named yet."));
    ownerLabel->setBuddy(m_businessOwner);
    m_businessOwnerHint = hintLabel({});
    intakeLayout->addWidget(ownerLabel);
    intakeLayout->addWidget(m_businessOwnerHint);
    intakeLayout->addWidget(m_businessOwner);
    intakeLayout->addSpacing(6);
    connect(m_businessOwner, &QLineEdit::textChanged, this, &ModelCardDialog::updateCompleteness);

    for (const ModelCardSection& section : ModelCards::sections())
        addSection(section.intake ? intakeLayout : cardLayout, section);

    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->addWidget(card);
    layout->addWidget(intake);
    layout->addStretch(1);
    auto* scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("cardScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    return scroll;
}

QWidget* ModelCardDialog::createEvidenceTab() {
    auto* pane = new QWidget;
    auto* layout = new QVBoxLayout(pane);
    layout->addWidget(hintLabel(
        tr("Documents a reviewer should see beside the card. Their SHA-256 enters the evidence hash that "
           "promotion decisions sign, so a file cannot be replaced once filed; file a new one instead.")));
    m_evidenceView = new QTableView;
    m_evidenceView->setObjectName(QStringLiteral("evidenceTable"));
    m_evidenceView->setModel(m_evidenceModel);
    m_evidenceView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_evidenceView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_evidenceView->setAlternatingRowColors(true);
    m_evidenceView->verticalHeader()->hide();
    m_evidenceView->horizontalHeader()->setStretchLastSection(true);
    m_evidenceView->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_evidenceView->setWordWrap(false);
    layout->addWidget(m_evidenceView, 1);

    m_evidenceKind = new QComboBox;
    m_evidenceKind->setObjectName(QStringLiteral("evidenceKind"));
    for (const QString& kind : EvidenceFiles::kinds())
        m_evidenceKind->addItem(EvidenceFiles::kindLabel(kind), kind);
    m_addEvidence = new QPushButton(tr("Add Evidence…"));
    m_addEvidence->setObjectName(QStringLiteral("addEvidenceButton"));
    m_saveEvidence = new QPushButton(tr("Save As…"));
    m_saveEvidence->setObjectName(QStringLiteral("saveEvidenceButton"));
    auto* kindLabel = new QLabel(tr("&Kind:"));
    kindLabel->setBuddy(m_evidenceKind);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(kindLabel);
    buttons->addWidget(m_evidenceKind);
    buttons->addWidget(m_addEvidence);
    buttons->addStretch(1);
    buttons->addWidget(m_saveEvidence);
    layout->addLayout(buttons);

    connect(m_addEvidence, &QPushButton::clicked, this, &ModelCardDialog::chooseAndAddEvidence);
    connect(m_saveEvidence, &QPushButton::clicked, this, &ModelCardDialog::chooseAndSaveEvidence);
    connect(m_evidenceView, &QTableView::doubleClicked, this, &ModelCardDialog::chooseAndSaveEvidence);
    connect(m_evidenceView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ModelCardDialog::updateEvidenceTab);
    connect(m_evidenceModel, &QAbstractItemModel::modelReset, this, &ModelCardDialog::updateEvidenceTab);
    connect(m_evidenceModel, &EvidenceFileModel::loadFailed, this, [this](const QString& message) {
        ErrorBox::show(this, tr("Cannot read the evidence files"), message);
    });
    return pane;
}

void ModelCardDialog::loadCard() {
    const ModelCard card = ModelCards(*m_session.workspace()).card(m_version.id);
    m_savedFields = card.fields;
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
        // Only a different text: setting the same one would move the cursor of someone typing.
        if (it.value()->toPlainText() != card.value(it.key()))
            it.value()->setPlainText(card.value(it.key()));
    }
    QString subtitle =
        tr("Registered %1 by %2").arg(RunValueFormat::dateTime(m_version.createdAt), m_version.createdBy);
    if (!m_version.runUid.isEmpty())
        subtitle += tr(" from run %1").arg(m_version.runUid);
    subtitle +=
        card.updatedAt > 0
            ? tr(". Card last saved %1 by %2.").arg(RunValueFormat::dateTime(card.updatedAt), card.updatedBy)
            : tr(". The card has not been saved yet.");
    m_subtitle->setText(subtitle);
    updateCompleteness();
}

void ModelCardDialog::reloadModel() {
    const QString previous = m_model.businessOwner;
    if (const std::optional<RegisteredModel> model = Registry(*m_session.workspace()).model(m_model.id))
        m_model = *model;
    // Someone else's change shows unless the user is editing the field.
    if (m_businessOwner->text().trimmed() == previous)
        m_businessOwner->setText(m_model.businessOwner);
    m_businessOwnerHint->setText(
        m_model.owner.isEmpty()
            ? tr("Who answers for the business use of %1; the same for every version. No model owner "
                 "(the user who signs promotions as owner) is named yet.")
                  .arg(m_model.name)
            : tr("Who answers for the business use of %1; the same for every version. The model owner, "
                 "who signs promotions as owner, is %2.")
                  .arg(m_model.name, m_model.owner));
}

bool ModelCardDialog::mayEditCard() const {
    const Workspace& workspace = *m_session.workspace();
    return m_model.owner == workspace.actor() ||
           Identity(workspace).has(workspace.actor(), Role::DataScientist);
}

bool ModelCardDialog::mayNameOwners() const {
    const Workspace& workspace = *m_session.workspace();
    const Identity identity(workspace);
    return identity.has(workspace.actor(), Role::Admin) ||
           identity.has(workspace.actor(), Role::DataScientist);
}

bool ModelCardDialog::mayFileEvidence() const {
    const Workspace& workspace = *m_session.workspace();
    return mayEditCard() || Identity(workspace).has(workspace.actor(), Role::Validator);
}

void ModelCardDialog::updateState() {
    if (!m_session.isOpen())
        return;
    m_readOnly = VersionLock::isApproved(m_session.workspace()->database(), m_version.id);
    m_banner->setText(
        tr("%1 version %2 was promoted: its promotion request executed, and the reviewers signed this card "
           "and these evidence files as they are. They stay that way; register a new version of the model "
           "to change them.")
            .arg(m_model.name)
            .arg(m_version.version));
    m_banner->setVisible(m_readOnly);
    const QString actor = m_session.workspace()->actor();
    const bool editCard = !m_readOnly && mayEditCard();
    for (QPlainTextEdit* editor : std::as_const(m_editors))
        ReadOnlyTextStyle::setReadOnly(editor, !editCard);
    m_businessOwner->setReadOnly(m_readOnly || !mayNameOwners());
    m_businessOwner->setToolTip(m_readOnly || mayNameOwners()
                                    ? QString()
                                    : tr("Only an admin or a data scientist may name a model's owners."));
    QString notice;
    if (!m_readOnly && !mayEditCard())
        notice =
            mayFileEvidence()
                ? tr("%1 may read this card and file evidence; only the model's owner or a data scientist "
                     "may edit the card.")
                      .arg(actor)
                : tr("%1 may read this card; only the model's owner or a data scientist may edit it.")
                      .arg(actor);
    m_notice->setText(notice);
    m_notice->setVisible(!notice.isEmpty());
    updateCompleteness();
    updateEvidenceTab();
}

QMap<QString, QString> ModelCardDialog::fields() const {
    QMap<QString, QString> result;
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it)
        result.insert(it.key(), it.value()->toPlainText());
    return result;
}

bool ModelCardDialog::hasUnsavedChanges() const {
    return written(fields()) != written(m_savedFields) ||
           m_businessOwner->text().trimmed() != m_model.businessOwner;
}

void ModelCardDialog::updateCompleteness() {
    ModelCard card;
    card.fields = fields();
    const QStringList missing = card.missingSections();
    const qsizetype total = ModelCards::sections().size();
    m_completeness->setText(missing.isEmpty()
                                ? tr("All %1 sections written: the card is complete.").arg(total)
                                : tr("%1 of %2 sections written; missing: %3.")
                                      .arg(total - missing.size())
                                      .arg(total)
                                      .arg(missing.join(tr(", "))));
    m_save->setEnabled(!m_readOnly && hasUnsavedChanges());
}

void ModelCardDialog::updateEvidenceTab() {
    const int count = m_evidenceModel->rowCount();
    m_tabs->setTabText(EvidenceTab, count > 0 ? tr("Evidence Files (%1)").arg(count) : tr("Evidence Files"));
    m_evidenceView->resizeColumnsToContents();
    const bool mayAdd = !m_readOnly && m_session.isOpen() && mayFileEvidence();
    m_addEvidence->setEnabled(mayAdd);
    m_evidenceKind->setEnabled(mayAdd);
    m_addEvidence->setToolTip(m_readOnly ? tr("The version was promoted; its evidence is closed.")
                              : mayAdd   ? tr("Choose a file to file as evidence of the kind on the left.")
                                         : tr("Only the model's owner, a data scientist or a validator "
                                                "may file evidence."));
    m_saveEvidence->setEnabled(m_evidenceView->selectionModel()->hasSelection());
}

bool ModelCardDialog::save() {
    if (!m_session.isOpen() || m_readOnly)
        return false;
    const QMap<QString, QString> edited = fields();
    const bool cardChanged = written(edited) != written(m_savedFields);
    const QString businessOwner = m_businessOwner->text().trimmed();
    const bool ownerChanged = businessOwner != m_model.businessOwner;
    m_saving = true;
    try {
        m_session.workspace()->write([&](WriteTransaction& tx) {
            if (cardChanged)
                ModelCards::save(tx, m_version.id, edited);
            if (ownerChanged) {
                // The owner as it is now, not as this dialog read it: only the business owner changes.
                const QString owner = Registry(tx.workspace()).model(m_model.id)->owner;
                Registry::setOwners(tx, m_model.id, owner, businessOwner);
            }
        });
    } catch (const AssayError& error) {
        m_saving = false;
        ErrorBox::show(this, tr("Cannot save the model card"), error.message());
        return false;
    }
    m_saving = false;
    m_model.businessOwner = businessOwner;
    loadCard();
    reloadModel();
    m_status->setText(tr("Saved at %1.").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    updateCompleteness();
    return true;
}

void ModelCardDialog::onChanged(const ChangeSet& changes) {
    if (!m_session.isOpen() || m_saving)
        return;
    // An executed promotion closes the card while the dialog is open.
    if (changes.touches(EntityKind::PromotionRequest))
        updateState();
    if (changes.touches(EntityKind::ModelCard, m_version.id)) {
        const ModelCard card = ModelCards(*m_session.workspace()).card(m_version.id);
        if (written(card.fields) != written(m_savedFields)) {
            if (hasUnsavedChanges())
                m_status->setText(tr("%1 saved this card meanwhile; saving replaces their text with yours.")
                                      .arg(card.updatedBy));
            else
                loadCard();
        }
    }
    if (changes.touches(EntityKind::RegisteredModel, m_model.id))
        reloadModel();
    updateCompleteness();
}

bool ModelCardDialog::addEvidenceFile(const QString& path, const QString& kind) {
    if (!m_session.isOpen())
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ErrorBox::show(this, tr("Cannot add the evidence"),
                       tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    const QByteArray content = file.readAll();
    const QString name = QFileInfo(path).fileName();
    const QString mediaType = QMimeDatabase().mimeTypeForFileNameAndData(name, content).name();
    try {
        m_session.workspace()->write([&](WriteTransaction& tx) {
            EvidenceFiles::add(tx, m_version.id, kind, name, mediaType, content);
        });
    } catch (const AssayError& error) {
        ErrorBox::show(this, tr("Cannot add the evidence"), error.message());
        return false;
    }
    m_status->setText(tr("Filed %1 as %2.").arg(name, EvidenceFiles::kindLabel(kind).toLower()));
    return true;
}

bool ModelCardDialog::saveEvidenceFile(int row, const QString& path) {
    if (!m_session.isOpen() || row < 0 || row >= m_evidenceModel->rowCount())
        return false;
    QSaveFile file(path);
    try {
        const QByteArray content =
            EvidenceFiles(*m_session.workspace()).content(m_evidenceModel->file(row).id);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
            throw AssayError(
                tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    } catch (const AssayError& error) {
        ErrorBox::show(this, tr("Cannot save the evidence file"), error.message());
        return false;
    }
    return true;
}

void ModelCardDialog::chooseAndAddEvidence() {
    const QString kind = m_evidenceKind->currentData().toString();
    const QString path =
        QFileDialog::getOpenFileName(this,
                                     tr("Add %1 to %2 v%3")
                                         .arg(EvidenceFiles::kindLabel(kind).toLower(), m_model.name)
                                         .arg(m_version.version),
                                     QDir::homePath());
    if (!path.isEmpty())
        addEvidenceFile(path, kind);
}

void ModelCardDialog::chooseAndSaveEvidence() {
    const QModelIndexList rows = m_evidenceView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const int row = rows.first().row();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Evidence File"),
                                                      QDir::home().filePath(m_evidenceModel->file(row).name));
    if (!path.isEmpty())
        saveEvidenceFile(row, path);
}

void ModelCardDialog::reject() {
    if (!m_readOnly && hasUnsavedChanges()) {
        const QMessageBox::StandardButton answer = QMessageBox::question(
            this, tr("Unsaved Changes"),
            tr("Save the changes to the model card of %1 v%2?").arg(m_model.name).arg(m_version.version),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !save()))
            return;
    }
    QDialog::reject();
}

} // namespace assay
