// assay-cli: the headless front end. Finds the command and hands it the rest of the command line;
// each command parses its own options and calls core.
#include "ArchiveCommand.h"
#include "AuditCommand.h"
#include "BackupCommand.h"
#include "CliContext.h"
#include "CliOutput.h"
#include "DemoCommand.h"
#include "ImportCommand.h"
#include "InitCommand.h"
#include "LogCommand.h"
#include "RunsCommand.h"
#include "UsageError.h"
#include "app/cli/drift/DriftCommand.h"
#include "app/cli/model/ModelCommand.h"
#include "app/cli/model/ReportCommand.h"
#include "app/cli/user/UserCommand.h"
#include "core/base/AssayError.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>

using namespace assay;
using namespace assay::cli;

namespace {

using CommandTable = std::vector<std::unique_ptr<CliCommand>>;

const QString program = QStringLiteral("assay-cli");

CommandTable commandTable() {
    CommandTable commands;
    commands.push_back(std::make_unique<InitCommand>());
    commands.push_back(std::make_unique<DemoCommand>());
    commands.push_back(std::make_unique<LogCommand>());
    commands.push_back(std::make_unique<RunsCommand>());
    commands.push_back(std::make_unique<AuditCommand>());
    commands.push_back(std::make_unique<ArchiveCommand>());
    commands.push_back(std::make_unique<BackupCommand>());
    commands.push_back(std::make_unique<ImportCommand>());
    commands.push_back(std::make_unique<DriftCommand>());
    commands.push_back(std::make_unique<UserCommand>());
    commands.push_back(std::make_unique<ModelCommand>());
    commands.push_back(std::make_unique<ReportCommand>());
    return commands;
}

QString description(const CommandTable& commands) {
    return QStringLiteral("Assay command line: model governance workspaces.\n\nCommands:\n") +
           CliCommand::listing(commands) +
           QStringLiteral("\n\n'assay-cli COMMAND --help' shows a command's options.");
}

// Options before the command word are global; everything from the command word on is the
// command's, so that commands define their options without colliding.
int dispatch(const CommandTable& commands, const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.setApplicationDescription(description(commands));
    const QCommandLineOption workspace = CliCommand::workspaceOption();
    const QCommandLineOption help = CliCommand::helpOption();
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QStringLiteral("Displays version information."));
    parser.addOptions({workspace, help, version});
    parser.addPositionalArgument(QStringLiteral("COMMAND"), QStringLiteral("The command to run, above."),
                                 QStringLiteral("COMMAND [ARGS]"));
    if (!parser.parse(arguments))
        throw UsageError{parser.errorText()};
    if (parser.isSet(version)) {
        CliOutput::out() << QCoreApplication::applicationName() << ' '
                         << QCoreApplication::applicationVersion() << '\n';
        return CliCommand::exitOk;
    }
    if (parser.isSet(help)) {
        CliOutput::out() << CliCommand::helpText(parser,
                                                 program + QStringLiteral(" [options] COMMAND [ARGS]"));
        return CliCommand::exitOk;
    }
    CliContext context;
    if (parser.isSet(workspace))
        context.setWorkspaceOption(parser.value(workspace));
    const QStringList positional = parser.positionalArguments();
    const QString name = positional.value(0);
    for (const auto& command : commands) {
        if (command->name() == name)
            return command->execute(context, program, positional.mid(1));
    }
    throw UsageError{name.isEmpty() ? QStringLiteral("no command given")
                                    : QStringLiteral("unknown command \"%1\"").arg(name)};
}

// The command word: the first argument that is neither an option nor the value of -w/--workspace.
bool needsGui(int argc, char* argv[]) {
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-w" || arg == "--workspace")
            ++i;
        else if (!arg.startsWith('-'))
            return arg == "report";
    }
    return false;
}

// Only report draws (fonts, the PDF writer): it gets a QGuiApplication, offscreen unless the
// user chose a platform, so that it runs headless; the other commands stay QtCore only.
std::unique_ptr<QCoreApplication> application(int& argc, char* argv[]) {
    if (!needsGui(argc, argv))
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace

int main(int argc, char* argv[]) {
    const std::unique_ptr<QCoreApplication> app = application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("assay"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ASSAY_VERSION));

    try {
        const int status = dispatch(commandTable(), QCoreApplication::arguments());
        CliOutput::out().flush();
        return status;
    } catch (const UsageError& error) {
        CliOutput::err() << "assay-cli: " << error.message << "\nTry 'assay-cli --help'.\n";
        return CliCommand::exitUsage;
    } catch (const AssayError& error) {
        CliOutput::out().flush();
        CliOutput::err() << "assay-cli: " << error.message() << '\n';
        return CliCommand::exitFailure;
    }
}
