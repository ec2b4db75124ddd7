#include "ModelRegisterCommand.h"

#include "ModelArgument.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliOutput.h"
#include "app/cli/UsageError.h"
#include "core/base/AssayError.h"
#include "core/registry/Registry.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

namespace assay::cli {

QString ModelRegisterCommand::summary() const {
    return QStringLiteral("register a run as the model's next version (data scientists)");
}

void ModelRegisterCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addOptions({
        {QStringLiteral("run"), QStringLiteral("The run's uid, as assay-cli log prints it."),
         QStringLiteral("UID")},
        {QStringLiteral("description"), QStringLiteral("What this version changes."), QStringLiteral("TEXT")},
    });
    parser.addPositionalArgument(QStringLiteral("MODEL"),
                                 QStringLiteral("The model's name; a new name registers a new model."));
}

int ModelRegisterCommand::run(CliContext& context, const QCommandLineParser& parser) {
    const QString model = ModelArgument::name(parser, invokedAs());
    const QString runUid = parser.value(QStringLiteral("run"));
    if (runUid.isEmpty())
        throw UsageError{QStringLiteral("--run UID is required")};
    const auto workspace = Workspace::open(context.workspacePath());
    ModelVersionRef registered;
    workspace->write([&](WriteTransaction& tx) {
        const std::optional<Run> found = Tracking(tx.workspace()).runByUid(runUid);
        if (!found)
            throw AssayError(QStringLiteral("There is no run \"%1\" to register.").arg(runUid));
        registered = Registry::registerRun(tx, model, found->id, parser.value(QStringLiteral("description")));
    });
    CliOutput::out() << "Registered " << registered.modelName << " v" << registered.version << " from run "
                     << runUid << '\n';
    return exitOk;
}

} // namespace assay::cli
