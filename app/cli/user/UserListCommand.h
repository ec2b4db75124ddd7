#pragma once

#include "app/cli/CliCommand.h"
#include "core/identity/User.h"

namespace assay::cli {

// user list: login, display name and roles of every user, as a table or JSON.
class UserListCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("list"); }
    QString summary() const override;

protected:
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;

private:
    static QString table(const QList<User>& users);
    static QString json(const QList<User>& users);
};

} // namespace assay::cli
