#include "UserRevokeCommand.h"

#include "app/cli/CliContext.h"
#include "app/cli/CliOutput.h"
#include "app/cli/RoleArgument.h"
#include "app/cli/UsageError.h"
#include "core/identity/Identity.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

namespace assay::cli {

QString UserRevokeCommand::summary() const {
    return QStringLiteral("take a role away from a user");
}

void UserRevokeCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addPositionalArgument(QStringLiteral("LOGIN"), QStringLiteral("A user of the workspace."));
    parser.addPositionalArgument(QStringLiteral("ROLE"), RoleArgument::names() + QLatin1Char('.'));
}

int UserRevokeCommand::run(CliContext& context, const QCommandLineParser& parser) {
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2)
        throw UsageError{QStringLiteral("user revoke takes a LOGIN and a ROLE")};
    const Role role = RoleArgument::parse(args[1]);
    const auto workspace = Workspace::open(context.workspacePath());
    workspace->write([&](WriteTransaction& tx) { Identity::revokeRole(tx, args[0], role); });
    CliOutput::out() << "Revoked " << roleName(role) << " from " << args[0] << '\n';
    return exitOk;
}

} // namespace assay::cli
