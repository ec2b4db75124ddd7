#include "AboutDialog.h"

#include "core/base/AssayError.h"
#include "core/workspace/JournalMode.h"
#include "core/workspace/SqliteLibrary.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WorkspaceSchema.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QSysInfo>
#include <QVBoxLayout>

namespace assay {
namespace {

QString sqliteVersion() {
    try {
        return SqliteLibrary::version();
    } catch (const AssayError& error) {
        return error.message();
    }
}

QString schemaText(const Workspace* workspace) {
    const int written = WorkspaceSchema::currentVersion();
    if (!workspace)
        return AboutDialog::tr("no workspace open; this Assay writes version %1").arg(written);
    return AboutDialog::tr("version %1 (this Assay writes version %2)")
        .arg(workspace->schemaVersion())
        .arg(written);
}

QString journalText(const Workspace* workspace) {
    if (!workspace)
        return AboutDialog::tr("no workspace open");
    return workspace->isArchive() ? AboutDialog::tr("read-only archive")
                                  : journalModeName(workspace->journalMode());
}

} // namespace

QList<QPair<QString, QString>> AboutDialog::factsFor(const Workspace* workspace,
                                                     const QString& settingsFile) {
    return {
        {tr("Assay"), QStringLiteral(ASSAY_VERSION)},
        {tr("Qt"),
         tr("%1 (built with %2)").arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR))},
        {tr("SQLite"), sqliteVersion()},
        {tr("Workspace schema"), schemaText(workspace)},
        {tr("Journal mode"), journalText(workspace)},
        {tr("Workspace"), workspace ? QDir::toNativeSeparators(workspace->path()) : tr("none")},
        {tr("Settings"), QDir::toNativeSeparators(settingsFile)},
        {tr("Platform"), tr("%1, %2 (%3)")
                             .arg(QSysInfo::prettyProductName(), QGuiApplication::platformName(),
                                  QSysInfo::buildCpuArchitecture())},
    };
}

AboutDialog::AboutDialog(const Workspace* workspace, const QString& settingsFile, QWidget* parent)
    : QDialog(parent)
    , m_facts(factsFor(workspace, settingsFile)) {
    setWindowTitle(tr("About Assay"));
    auto* title = new QLabel(tr("<h3>Assay %1</h3>"
                                "<p>A desktop workbench for model governance: experiments, the model "
                                "registry, reviews and drift, in one auditable workspace file.</p>")
                                 .arg(QStringLiteral(ASSAY_VERSION)));
    title->setWordWrap(true);
    auto* form = new QFormLayout;
    for (const auto& [label, value] : m_facts) {
        auto* field = new QLabel(value);
        field->setTextInteractionFlags(Qt::TextSelectableByMouse);
        field->setWordWrap(true);
        form->addRow(label + QLatin1Char(':'), field);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_copy = buttons->addButton(tr("&Copy to Clipboard"), QDialogButtonBox::ActionRole);
    m_copy->setObjectName(QStringLiteral("copyAbout"));
    m_copy->setToolTip(tr("Copy these versions as text, for a bug report"));
    connect(m_copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(text()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

QString AboutDialog::text() const {
    QStringList lines;
    for (const auto& [label, value] : m_facts)
        lines << QStringLiteral("%1: %2").arg(label, value);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace assay
