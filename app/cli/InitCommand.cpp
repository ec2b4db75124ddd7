#include "InitCommand.h"

#include "CliContext.h"
#include "CliOutput.h"
#include "core/workspace/Workspace.h"

namespace assay::cli {

QString InitCommand::summary() const {
    return QStringLiteral("create an empty workspace (default: the default workspace)");
}

void InitCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("The workspace to create (default: -w, $ASSAY_WORKSPACE, "
                                                "else the default workspace)."),
                                 QStringLiteral("[FILE]"));
}

int InitCommand::run(CliContext& context, const QCommandLineParser& parser) {
    const QStringList args = parser.positionalArguments();
    expectArguments(args, 1, name());
    const auto workspace = Workspace::create(args.isEmpty() ? context.workspacePath() : args.first());
    CliOutput::out() << "Created " << workspace->path() << " (schema " << workspace->schemaVersion() << ")\n";
    return exitOk;
}

} // namespace assay::cli
