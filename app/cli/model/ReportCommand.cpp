#include "ReportCommand.h"

#include "ModelArgument.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliOutput.h"
#include "app/cli/UsageError.h"
#include "core/report/GovernanceReportReader.h"
#include "core/workspace/Workspace.h"
#include "ui/report/GovernanceReportWriter.h"

namespace assay::cli {

QString ReportCommand::summary() const {
    return QStringLiteral("write a model version's governance report (PDF, or HTML by extension)");
}

void ReportCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addOptions({
        {QStringLiteral("model"), QStringLiteral("The model's name."), QStringLiteral("NAME")},
        {QStringLiteral("version"), QStringLiteral("The version to report on."), QStringLiteral("N")},
        {QStringLiteral("out"), QStringLiteral("The file to write: .pdf, or .html for HTML."),
         QStringLiteral("FILE")},
    });
}

int ReportCommand::run(CliContext& context, const QCommandLineParser& parser) {
    expectArguments(parser.positionalArguments(), 0, invokedAs());
    const QString modelName = parser.value(QStringLiteral("model"));
    const QString out = parser.value(QStringLiteral("out"));
    if (modelName.isEmpty() || out.isEmpty())
        throw UsageError{QStringLiteral("report needs --model NAME, --version N and --out FILE")};
    const int version = *ModelArgument::number(parser, QStringLiteral("version"), true);
    const auto workspace = Workspace::open(context.workspacePath());
    GovernanceReportData data = GovernanceReportReader(*workspace).read(modelName, version);
    const GovernanceReportWriter writer(std::move(data), workspace->actor(), workspace->now());
    writer.write(out);
    CliOutput::out() << "report: wrote " << out << " (content SHA-256 " << writer.contentHash() << ")\n";
    return exitOk;
}

} // namespace assay::cli
