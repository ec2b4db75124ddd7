#include "VersionReport.h"

#include "app/cli/CliTime.h"
#include "app/cli/TextTable.h"
#include "core/base/VersionLock.h"
#include "core/governance/EvidenceFiles.h"
#include "core/registry/ModelCards.h"
#include "core/workspace/Workspace.h"

#include <QJsonArray>

namespace assay::cli {

QString VersionReport::text() const {
    const bool approved = VersionLock::isApproved(m_workspace.database(), m_version.id);
    QString text = QStringLiteral("%1 v%2\n").arg(m_model.name).arg(m_version.version);
    if (!m_version.description.isEmpty())
        text += QStringLiteral("  ") + m_version.description + QLatin1Char('\n');
    text += QStringLiteral("Run: %1 (by %2); registered by %3 on %4\n")
                .arg(m_version.runUid.isEmpty() ? QStringLiteral("-") : m_version.runUid,
                     m_version.runUser.isEmpty() ? QStringLiteral("-") : m_version.runUser,
                     m_version.createdBy, CliTime::date(m_version.createdAt));
    text += QStringLiteral("Aliases: %1\n")
                .arg(m_version.aliases.isEmpty() ? QStringLiteral("-")
                                                 : m_version.aliases.join(QStringLiteral(", ")));
    text += approved ? QStringLiteral("Approved: yes (its card and evidence are frozen)\n")
                     : QStringLiteral("Approved: no\n");

    const ModelCard card = ModelCards(m_workspace).card(m_version.id);
    text += card.isComplete() ? QStringLiteral("Model card: complete\n")
                              : QStringLiteral("Model card: missing %1\n")
                                    .arg(card.missingSections().join(QStringLiteral(", ")));
    for (const ModelCardSection& section : ModelCards::sections()) {
        const QString value = card.value(section.key).trimmed();
        text += QStringLiteral("  %1 (%2): %3\n")
                    .arg(section.label, section.key, value.isEmpty() ? QStringLiteral("(empty)") : value);
    }

    const QList<EvidenceFile> files = EvidenceFiles(m_workspace).files(m_version.id);
    if (files.isEmpty())
        return text + QStringLiteral("Evidence files: none\n");
    TextTable table({QStringLiteral("kind"), QStringLiteral("name"), QStringLiteral("type"),
                     QStringLiteral("bytes"), QStringLiteral("added by"), QStringLiteral("sha256")});
    for (const EvidenceFile& file : files) {
        table.addRow({EvidenceFiles::kindLabel(file.kind), file.name, file.mediaType,
                      QString::number(file.size), file.addedBy, file.sha256});
    }
    return text + QStringLiteral("Evidence files:\n") + table.text(QStringLiteral("  "));
}

QJsonObject VersionReport::json() const {
    const ModelCard card = ModelCards(m_workspace).card(m_version.id);
    QJsonArray sections;
    for (const ModelCardSection& section : ModelCards::sections()) {
        sections.append(QJsonObject{{QStringLiteral("key"), section.key},
                                    {QStringLiteral("label"), section.label},
                                    {QStringLiteral("intake"), section.intake},
                                    {QStringLiteral("text"), card.value(section.key)}});
    }
    QJsonArray evidence;
    for (const EvidenceFile& file : EvidenceFiles(m_workspace).files(m_version.id)) {
        evidence.append(QJsonObject{{QStringLiteral("id"), file.id},
                                    {QStringLiteral("kind"), file.kind},
                                    {QStringLiteral("name"), file.name},
                                    {QStringLiteral("media_type"), file.mediaType},
                                    {QStringLiteral("size"), file.size},
                                    {QStringLiteral("sha256"), file.sha256},
                                    {QStringLiteral("added_by"), file.addedBy},
                                    {QStringLiteral("added_at"), CliTime::timestamp(file.addedAt)}});
    }
    return {{QStringLiteral("model"), m_model.name},
            {QStringLiteral("version"), m_version.version},
            {QStringLiteral("description"), m_version.description},
            {QStringLiteral("aliases"), QJsonArray::fromStringList(m_version.aliases)},
            {QStringLiteral("run"), m_version.runUid},
            {QStringLiteral("run_user"), m_version.runUser},
            {QStringLiteral("created_by"), m_version.createdBy},
            {QStringLiteral("created_at"), CliTime::timestamp(m_version.createdAt)},
            {QStringLiteral("approved"), VersionLock::isApproved(m_workspace.database(), m_version.id)},
            {QStringLiteral("card"),
             QJsonObject{{QStringLiteral("complete"), card.isComplete()},
                         {QStringLiteral("missing"), QJsonArray::fromStringList(card.missingSections())},
                         {QStringLiteral("updated_by"), card.updatedBy},
                         {QStringLiteral("sections"), sections}}},
            {QStringLiteral("evidence"), evidence}};
}

} // namespace assay::cli
