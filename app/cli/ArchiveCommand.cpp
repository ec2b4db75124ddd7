#include "ArchiveCommand.h"

#include "CliContext.h"
#include "CliOutput.h"
#include "UsageError.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WorkspaceArchive.h"

namespace assay::cli {

QString ArchiveCommand::summary() const {
    return QStringLiteral("write a read-only copy of the workspace for auditors (it still verifies)");
}

void ArchiveCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addOption({QStringLiteral("out"), QStringLiteral("The archive to write (a new file)."),
                      QStringLiteral("FILE")});
}

int ArchiveCommand::run(CliContext& context, const QCommandLineParser& parser) {
    expectArguments(parser.positionalArguments(), 0, name());
    const QString out = parser.value(QStringLiteral("out"));
    if (out.isEmpty())
        throw UsageError{QStringLiteral("archive needs --out FILE, the archive to write")};
    const auto workspace = Workspace::open(context.workspacePath());
    WorkspaceArchive::create(*workspace, out);
    CliOutput::out() << "Archived " << workspace->path() << " to " << out
                     << " (read-only; check it with: assay-cli -w " << out << " audit verify)\n";
    return exitOk;
}

} // namespace assay::cli
