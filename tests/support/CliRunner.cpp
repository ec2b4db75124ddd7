#include "CliRunner.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace assay::test {

CliResult runCli(const QStringList& arguments, const QByteArray& input) {
    return runCliAs(QStringLiteral("ci-bot"), arguments, input);
}

CliResult runCliAs(const QString& actor, const QStringList& arguments, const QByteArray& input) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("ASSAY_USER"), actor);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(ASSAY_CLI_PATH), arguments);
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(300'000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace assay::test
