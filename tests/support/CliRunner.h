#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

namespace assay::test {

struct CliResult {
    int status = -1; // -1 when the process crashed or did not finish
    QString out;
    QString err;
};

// Runs the built assay-cli as a pipeline would, acting as "ci-bot", with input on its stdin.
CliResult runCli(const QStringList& arguments, const QByteArray& input = {});
// The same acting as someone else (ASSAY_USER), for what only some roles may do.
CliResult runCliAs(const QString& actor, const QStringList& arguments, const QByteArray& input = {});
// The same with some of the environment changed: a keychain that cannot be reached, say.
CliResult runCliWithEnvironment(const QString& actor, const QStringList& arguments,
                                const QMap<QString, QString>& environment);

} // namespace assay::test
