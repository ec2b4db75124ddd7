#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace assay::cli {

class CliContext;

// One command of assay-cli (init, runs, user add, ...). Each parses its own options with its own
// parser, so that its --help shows only them and commands added later cannot collide.
class CliCommand {
public:
    static constexpr int exitOk = 0;
    static constexpr int exitFailure = 1; // the work failed; one line on stderr says why
    static constexpr int exitUsage = 2;   // a command-line mistake

    CliCommand() = default;
    CliCommand(const CliCommand&) = delete;
    CliCommand& operator=(const CliCommand&) = delete;
    virtual ~CliCommand() = default;

    virtual QString name() const = 0;
    // What follows the name on the command line, as the command list and usage line show it.
    virtual QString arguments() const { return {}; }
    // One line, lower case, for the command list.
    virtual QString summary() const = 0;

    // Runs the command on the arguments after its name; caller is what came before it
    // ("assay-cli", "assay-cli user"). Throws UsageError or AssayError; returns the exit status.
    int execute(CliContext& context, const QString& caller, const QStringList& args);

    static QCommandLineOption helpOption();
    static QCommandLineOption workspaceOption();
    // Qt's help text under our own usage line: Qt's names the binary only.
    static QString helpText(const QCommandLineParser& parser, const QString& usageLine);
    static QString listing(const std::vector<std::unique_ptr<CliCommand>>& commands);

protected:
    // drift reads CSV files only; -w would mean nothing to it.
    virtual bool usesWorkspace() const { return true; }
    virtual QString description() const { return summary(); }
    virtual void defineOptions(QCommandLineParser& parser) const;
    virtual int run(CliContext& context, const QCommandLineParser& parser) = 0;

    // "assay-cli user add": for usage lines and for subcommands' callers.
    const QString& invokedAs() const { return m_invokedAs; }
    static void expectArguments(const QStringList& args, qsizetype most, const QString& command);

private:
    QString usage() const;

    QString m_invokedAs;
};

} // namespace assay::cli
