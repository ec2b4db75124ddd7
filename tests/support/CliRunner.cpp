#include "CliRunner.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace assay::test {

namespace {

CliResult runWith(const QProcessEnvironment& environment, const QStringList& arguments,
                  const QByteArray& input) {
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(ASSAY_CLI_PATH), arguments);
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(300'000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

CliResult runCli(const QStringList& arguments, const QByteArray& input) {
    return runCliAs(QStringLiteral("ci-bot"), arguments, input);
}

CliResult runCliAs(const QString& actor, const QStringList& arguments, const QByteArray& input) {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("ASSAY_USER"), actor);
    return runWith(environment, arguments, input);
}

CliResult runCliWithEnvironment(const QString& actor, const QStringList& arguments,
                                const QMap<QString, QString>& changes) {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("ASSAY_USER"), actor);
    for (auto it = changes.cbegin(); it != changes.cend(); ++it)
        environment.insert(it.key(), it.value());
    return runWith(environment, arguments, {});
}

} // namespace assay::test
