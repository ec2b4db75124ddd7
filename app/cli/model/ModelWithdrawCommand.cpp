#include "ModelWithdrawCommand.h"

#include "RequestArgument.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliOutput.h"
#include "app/cli/UsageError.h"
#include "core/governance/PromotionRequests.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

namespace assay::cli {

QString ModelWithdrawCommand::summary() const {
    return QStringLiteral("withdraw an open request (its submitter, or an admin)");
}

void ModelWithdrawCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addOption({QStringLiteral("reason"), QStringLiteral("Why the request is withdrawn (required)."),
                      QStringLiteral("TEXT")});
    parser.addPositionalArgument(QStringLiteral("REQUEST_ID"), QStringLiteral("The request's number (#ID)."));
}

int ModelWithdrawCommand::run(CliContext& context, const QCommandLineParser& parser) {
    const qint64 requestId = RequestArgument::id(parser, invokedAs());
    const QString reason = parser.value(QStringLiteral("reason")).trimmed();
    if (reason.isEmpty())
        throw UsageError{QStringLiteral("--reason TEXT is required: say why the request is withdrawn")};
    const auto workspace = Workspace::open(context.workspacePath());
    workspace->write([&](WriteTransaction& tx) { PromotionRequests::withdraw(tx, requestId, reason); });
    CliOutput::out() << "Withdrew request #" << requestId << '\n';
    return exitOk;
}

} // namespace assay::cli
