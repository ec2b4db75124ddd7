#include "PolicyEditorDialog.h"

#include "PolicyDocumentView.h"
#include "PolicyHistoryModel.h"
#include "core/base/AssayError.h"
#include "core/governance/Policies.h"
#include "core/identity/Identity.h"
#include "core/workspace/ChangeSet.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/BannerLabel.h"
#include "ui/widgets/ErrorBox.h"
#include "ui/widgets/PageTitleLabel.h"
#include "ui/widgets/PaletteTone.h"
#include "ui/widgets/ReadOnlyTextStyle.h"
#include "ui/widgets/RunValueFormat.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace assay {
namespace {

constexpr QSize dialogSize(1120, 760);
constexpr int historyWidth = 390;

WorkspaceSession& requireOpen(WorkspaceSession& session) {
    if (!session.isOpen())
        throw AssayError(PolicyEditorDialog::tr("No workspace is open."));
    return session;
}

} // namespace

PolicyEditorDialog::PolicyEditorDialog(WorkspaceSession& session, QWidget* parent)
    : QDialog(parent)
    , m_session(requireOpen(session))
    , m_history(new PolicyHistoryModel(session, this)) {
    setObjectName(QStringLiteral("policyEditorDialog"));
    setWindowTitle(tr("Tier Policy"));
    const Workspace& workspace = *m_session.workspace();
    m_mayPublish = Identity(workspace).has(workspace.actor(), Role::Admin);

    m_title = new PageTitleLabel(QStringLiteral("policyTitle"), 1.25);
    m_subtitle = new QLabel;
    m_subtitle->setObjectName(QStringLiteral("policySubtitle"));
    m_subtitle->setWordWrap(true);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_notice = new BannerLabel(BannerLabel::Kind::Info, QStringLiteral("policyNotice"));
    m_notice->setText(
        tr("%1 may read the tier policy; only an admin may publish a new version.").arg(workspace.actor()));
    m_notice->setVisible(!m_mayPublish);

    m_document = new PolicyDocumentView;
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("policyTabs"));
    m_tabs->addTab(m_document, tr("Policy"));
    m_tabs->addTab(createJsonTab(), m_mayPublish ? tr("Edit JSON") : tr("JSON"));
    auto* splitter = new QSplitter;
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(createHistoryPane());
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({historyWidth, dialogSize.width() - historyWidth});

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_notice);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(dialogSize);

    loadCurrent(true);
    connect(&m_session, &WorkspaceSession::changed, this, &PolicyEditorDialog::onChanged);
    connect(&m_session, &WorkspaceSession::workspaceChanged, this, &QDialog::reject);
    connect(m_history, &PolicyHistoryModel::loadFailed, this, [this](const QString& message) {
        ErrorBox::show(this, tr("Cannot read the policy history"), message);
    });
}

QWidget* PolicyEditorDialog::createHistoryPane() {
    auto* pane = new QWidget;
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(tr("History"));
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    m_historyView = new QTableView;
    m_historyView->setObjectName(QStringLiteral("policyHistory"));
    m_historyView->setModel(m_history);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyView->setAlternatingRowColors(true);
    m_historyView->verticalHeader()->hide();
    // The note takes what the other columns leave, so that nothing scrolls sideways.
    m_historyView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_historyView->horizontalHeader()->setSectionResizeMode(PolicyHistoryModel::NoteColumn,
                                                            QHeaderView::Stretch);
    m_historyView->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_historyView->setWordWrap(false);
    auto* hint = new QLabel(tr("Choose a version to read it. Assessments and requests keep the version they "
                               "were made under."));
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(label);
    layout->addWidget(m_historyView, 1);
    layout->addWidget(hint);
    connect(m_historyView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PolicyEditorDialog::showSelectedVersion);
    return pane;
}

QWidget* PolicyEditorDialog::createJsonTab() {
    auto* pane = new QWidget;
    auto* layout = new QVBoxLayout(pane);
    m_editor = new QPlainTextEdit;
    m_editor->setObjectName(QStringLiteral("policyJson"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    ReadOnlyTextStyle::setReadOnly(m_editor, !m_mayPublish);
    m_validation = new QLabel;
    m_validation->setObjectName(QStringLiteral("policyValidation"));
    m_validation->setWordWrap(true);
    m_validation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_validation->hide();
    m_validate = new QPushButton(tr("&Validate"));
    m_validate->setObjectName(QStringLiteral("validatePolicyButton"));
    m_revert = new QPushButton(tr("&Revert"));
    m_revert->setObjectName(QStringLiteral("revertPolicyButton"));
    m_revert->setToolTip(tr("Go back to the current version's JSON"));
    m_publish = new QPushButton(tr("&Publish…"));
    m_publish->setObjectName(QStringLiteral("publishPolicyButton"));
    m_publish->setToolTip(m_mayPublish ? tr("Store the edited policy as the next version")
                                       : tr("Only an admin may publish a tier policy."));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_validate);
    buttons->addStretch(1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_publish);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_validation);
    layout->addLayout(buttons);
    m_revert->setVisible(m_mayPublish);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &PolicyEditorDialog::onEdited);
    connect(m_validate, &QPushButton::clicked, this, &PolicyEditorDialog::validate);
    connect(m_revert, &QPushButton::clicked, this, &PolicyEditorDialog::revert);
    connect(m_publish, &QPushButton::clicked, this, &PolicyEditorDialog::askAndPublish);
    return pane;
}

void PolicyEditorDialog::loadCurrent(bool replaceEdit) {
    m_current = Policies(*m_session.workspace()).current();
    if (m_current.version > 0) {
        m_title->setText(tr("Tier policy, version %1").arg(m_current.version));
        m_subtitle->setText(
            tr("Published %1 by %2%3")
                .arg(RunValueFormat::dateTime(m_current.createdAt), m_current.createdBy,
                     m_current.note.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + m_current.note));
    } else {
        m_title->setText(tr("Tier policy: Assay's default"));
        m_subtitle->setText(tr("Nothing is published in this workspace yet. Assay's default policy applies; "
                               "it becomes version 1 with the first risk assessment or publication."));
    }
    if (replaceEdit)
        m_editor->setPlainText(QString::fromUtf8(m_current.document));
    const int row = m_history->rowOf(m_current.version);
    if (row >= 0)
        m_historyView->selectRow(row);
    else
        m_historyView->clearSelection();
    showSelectedVersion();
    onEdited();
}

void PolicyEditorDialog::showSelectedVersion() {
    const QModelIndexList rows = m_historyView->selectionModel()->selectedRows();
    const int version =
        rows.isEmpty() ? m_current.version : rows.first().data(PolicyHistoryModel::VersionRole).toInt();
    try {
        const TierPolicy policy = Policies(*m_session.workspace()).policy(version);
        QString caption = tr("Assay's default policy, not published in this workspace yet.");
        if (version == m_current.version && version > 0)
            caption = tr("Version %1, the current policy.").arg(version);
        else if (version > 0)
            caption = tr("Version %1, superseded by version %2.").arg(version).arg(m_current.version);
        m_document->showPolicy(policy, caption);
    } catch (const AssayError& error) {
        m_document->setPlainText(error.message());
    }
}

void PolicyEditorDialog::showValidation(const QString& message, bool ok) {
    m_validation->setText(message);
    const QPalette around = PaletteTone::surroundings(m_validation);
    m_validation->setStyleSheet(
        QStringLiteral("color: %1;")
            .arg((ok ? PaletteTone::success(around) : PaletteTone::problem(around)).name()));
    m_validation->setVisible(!message.isEmpty());
}

bool PolicyEditorDialog::validate() {
    const QByteArray json = m_editor->toPlainText().toUtf8();
    try {
        const TierPolicy policy = TierPolicy::fromJson(json, tr("The edited policy"));
        showValidation(tr("Valid: %1 dimensions, %2 EU AI Act categories, three tiers.")
                           .arg(policy.dimensions().size())
                           .arg(policy.euCategories().size()),
                       true);
        return true;
    } catch (const AssayError& error) {
        showValidation(error.message(), false);
    }
    // A syntax error has a place in the text: put the cursor there.
    QJsonParseError parse{};
    QJsonDocument::fromJson(json, &parse);
    if (parse.error != QJsonParseError::NoError) {
        QTextCursor cursor = m_editor->textCursor();
        cursor.setPosition(static_cast<int>(QString::fromUtf8(json.left(parse.offset)).size()));
        m_editor->setTextCursor(cursor);
        m_editor->setFocus();
    }
    return false;
}

bool PolicyEditorDialog::publish(const QString& note) {
    if (!m_session.isOpen() || !validate())
        return false;
    const QByteArray json = m_editor->toPlainText().toUtf8();
    int version = 0;
    m_publishing = true;
    try {
        m_session.workspace()->write(
            [&](WriteTransaction& tx) { version = Policies::publish(tx, json, note); });
    } catch (const AssayError& error) {
        m_publishing = false;
        showValidation(error.message(), false);
        ErrorBox::show(this, tr("Cannot publish the policy"), error.message());
        return false;
    }
    m_publishing = false;
    loadCurrent(false);
    showValidation(tr("Published as version %1.").arg(version), true);
    return true;
}

void PolicyEditorDialog::askAndPublish() {
    if (!validate())
        return;
    bool ok = false;
    const QString note = QInputDialog::getMultiLineText(
        this, tr("Publish Tier Policy"),
        tr("What changed, and why? The note stays with version %1 in the history and the audit trail.")
            .arg(std::max(m_current.version, 1) + 1),
        {}, &ok);
    if (ok)
        publish(note);
}

void PolicyEditorDialog::onEdited() {
    const bool edited = m_editor->toPlainText().toUtf8() != m_current.document;
    m_revert->setEnabled(edited);
    // Publishing the same text again would only add a version that changes nothing.
    m_publish->setEnabled(m_mayPublish && edited);
    m_tabs->setTabText(JsonTab, !m_mayPublish ? tr("JSON")
                                : edited      ? tr("Edit JSON (edited)")
                                              : tr("Edit JSON"));
    // A verdict on other text would mislead.
    m_validation->hide();
}

void PolicyEditorDialog::revert() {
    m_editor->setPlainText(QString::fromUtf8(m_current.document));
}

void PolicyEditorDialog::onChanged(const ChangeSet& changes) {
    if (!changes.touches(EntityKind::Policy) || !m_session.isOpen() || m_publishing)
        return;
    const int before = m_current.version;
    const bool edited = m_editor->toPlainText().toUtf8() != m_current.document;
    loadCurrent(!edited);
    if (edited && m_current.version != before)
        showValidation(tr("Version %1 was published meanwhile; your edit started from version %2.")
                           .arg(m_current.version)
                           .arg(before),
                       false);
}

} // namespace assay
