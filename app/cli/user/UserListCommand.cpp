#include "UserListCommand.h"

#include "app/cli/CliContext.h"
#include "app/cli/CliOutput.h"
#include "app/cli/UsageError.h"
#include "core/identity/Identity.h"
#include "core/workspace/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace assay::cli {
namespace {

QStringList roleNames(const User& user) {
    QStringList names;
    for (Role role : user.roles)
        names << roleName(role);
    return names;
}

} // namespace

QString UserListCommand::summary() const {
    return QStringLiteral("list the users: login, display name and roles");
}

void UserListCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addOption({QStringLiteral("format"), QStringLiteral("table or json."), QStringLiteral("FORMAT"),
                      QStringLiteral("table")});
}

int UserListCommand::run(CliContext& context, const QCommandLineParser& parser) {
    expectArguments(parser.positionalArguments(), 0, QStringLiteral("user list"));
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("table") && format != QLatin1String("json"))
        throw UsageError{QStringLiteral("--format must be table or json")};
    const auto workspace = Workspace::open(context.workspacePath());
    const QList<User> users = Identity(*workspace).users();
    CliOutput::out() << (format == QLatin1String("json") ? json(users) : table(users));
    return exitOk;
}

QString UserListCommand::table(const QList<User>& users) {
    QList<QStringList> rows{{QStringLiteral("login"), QStringLiteral("name"), QStringLiteral("roles")}};
    for (const User& user : users)
        rows << QStringList{user.login, user.displayName, roleNames(user).join(QLatin1Char(','))};
    qsizetype loginWidth = 0;
    qsizetype nameWidth = 0;
    for (const QStringList& row : rows) {
        loginWidth = std::max(loginWidth, row[0].size());
        nameWidth = std::max(nameWidth, row[1].size());
    }
    QString text;
    for (const QStringList& row : rows) {
        const QString line = row[0].leftJustified(loginWidth) + QStringLiteral("  ") +
                             row[1].leftJustified(nameWidth) + QStringLiteral("  ") + row[2];
        text += line.trimmed() + QLatin1Char('\n');
    }
    return text;
}

QString UserListCommand::json(const QList<User>& users) {
    QJsonArray array;
    for (const User& user : users) {
        array.append(QJsonObject{{QStringLiteral("login"), user.login},
                                 {QStringLiteral("display_name"), user.displayName},
                                 {QStringLiteral("roles"), QJsonArray::fromStringList(roleNames(user))}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
}

} // namespace assay::cli
