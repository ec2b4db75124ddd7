#include "UserAddCommand.h"

#include "app/cli/CliContext.h"
#include "app/cli/CliOutput.h"
#include "app/cli/RoleArgument.h"
#include "app/cli/UsageError.h"
#include "core/identity/Identity.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

namespace assay::cli {

QString UserAddCommand::summary() const {
    return QStringLiteral("add a user, with a display name and roles");
}

void UserAddCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addOptions({
        {QStringLiteral("name"), QStringLiteral("The user's display name."), QStringLiteral("NAME")},
        {QStringLiteral("role"),
         QStringLiteral("A role to grant (repeatable): ") + RoleArgument::names() + QLatin1Char('.'),
         QStringLiteral("ROLE")},
    });
    parser.addPositionalArgument(QStringLiteral("LOGIN"),
                                 QStringLiteral("The user's login, as the OS or $ASSAY_USER names them."));
}

int UserAddCommand::run(CliContext& context, const QCommandLineParser& parser) {
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        throw UsageError{QStringLiteral("user add takes one LOGIN")};
    QList<Role> roles;
    QStringList roleNames;
    for (const QString& role : parser.values(QStringLiteral("role"))) {
        roles << RoleArgument::parse(role);
        roleNames << role;
    }
    const QString login = args.first();
    const QString displayName = parser.value(QStringLiteral("name"));
    const auto workspace = Workspace::open(context.workspacePath());
    workspace->write([&](WriteTransaction& tx) { Identity::addUser(tx, login, displayName, roles); });
    CliOutput::out() << "Added user " << login;
    if (!roleNames.isEmpty())
        CliOutput::out() << " with roles " << roleNames.join(QStringLiteral(", "));
    CliOutput::out() << '\n';
    return exitOk;
}

} // namespace assay::cli
