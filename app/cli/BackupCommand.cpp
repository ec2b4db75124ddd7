#include "BackupCommand.h"

#include "CliContext.h"
#include "CliOutput.h"
#include "UsageError.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WorkspaceBackup.h"

#include <QFileInfo>

namespace assay::cli {

QString BackupCommand::summary() const {
    return QStringLiteral("copy the workspace to FILE with SQLite's online backup, while others use it");
}

void BackupCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addOption({QStringLiteral("out"), QStringLiteral("The backup to write."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("replace"), QStringLiteral("Replace FILE if it exists.")});
}

int BackupCommand::run(CliContext& context, const QCommandLineParser& parser) {
    expectArguments(parser.positionalArguments(), 0, name());
    const QString out = parser.value(QStringLiteral("out"));
    if (out.isEmpty())
        throw UsageError{QStringLiteral("backup needs --out FILE, the backup to write")};
    const auto workspace = Workspace::open(context.workspacePath());
    WorkspaceBackup::create(*workspace, out,
                            parser.isSet(QStringLiteral("replace")) ? WorkspaceBackup::Existing::Replace
                                                                    : WorkspaceBackup::Existing::Refuse);
    CliOutput::out() << "Backed up " << workspace->path() << " to " << QFileInfo(out).absoluteFilePath()
                     << " (" << QFileInfo(out).size() / 1024 << " KiB, checked)\n";
    return exitOk;
}

} // namespace assay::cli
