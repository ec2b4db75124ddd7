#include "DemoCommand.h"

#include "CliContext.h"
#include "CliOutput.h"
#include "core/demo/DemoWorkspace.h"
#include "core/workspace/Workspace.h"

namespace assay::cli {

QString DemoCommand::summary() const {
    return QStringLiteral("create a workspace, or fill an empty one, with demo data");
}

void DemoCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("The workspace to create or fill (default: -w, "
                                                "$ASSAY_WORKSPACE, else the default workspace)."),
                                 QStringLiteral("[FILE]"));
}

int DemoCommand::run(CliContext& context, const QCommandLineParser& parser) {
    const QStringList args = parser.positionalArguments();
    expectArguments(args, 1, name());
    const auto workspace = Workspace::open(args.isEmpty() ? context.workspacePath() : args.first(),
                                           DemoWorkspace::newFileOptions());
    DemoWorkspace::populate(*workspace);
    CliOutput::out() << "Filled " << workspace->path() << " with " << DemoWorkspace::totalRuns()
                     << " demo runs in 3 experiments\n";
    return exitOk;
}

} // namespace assay::cli
