#pragma once

#include <QByteArray>
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

} // namespace assay::test
