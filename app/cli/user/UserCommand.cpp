#include "UserCommand.h"

#include "UserAddCommand.h"
#include "UserGrantCommand.h"
#include "UserListCommand.h"
#include "UserRevokeCommand.h"

namespace assay::cli {

UserCommand::UserCommand() {
    addSubcommand(std::make_unique<UserListCommand>());
    addSubcommand(std::make_unique<UserAddCommand>());
    addSubcommand(std::make_unique<UserGrantCommand>());
    addSubcommand(std::make_unique<UserRevokeCommand>());
}

QString UserCommand::summary() const {
    return QStringLiteral("the workspace's users and their roles (changes: admins only)");
}

} // namespace assay::cli
