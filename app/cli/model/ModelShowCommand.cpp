#include "ModelShowCommand.h"

#include "ModelArgument.h"
#include "ModelReport.h"
#include "VersionReport.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliOutput.h"
#include "app/cli/OutputFormat.h"
#include "core/workspace/Workspace.h"

namespace assay::cli {

QString ModelShowCommand::summary() const {
    return QStringLiteral("show a model: tier, versions, alias history, requests, findings");
}

void ModelShowCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addOptions({
        {QStringLiteral("version"), QStringLiteral("Show this version: its model card and evidence files."),
         QStringLiteral("N")},
        OutputFormat::option(),
    });
    parser.addPositionalArgument(QStringLiteral("MODEL"), QStringLiteral("The model's name."));
}

int ModelShowCommand::run(CliContext& context, const QCommandLineParser& parser) {
    const QString modelName = ModelArgument::name(parser, invokedAs());
    const std::optional<int> versionNumber = ModelArgument::number(parser, QStringLiteral("version"));
    const bool asJson = OutputFormat::parse(parser) == OutputFormat::Format::Json;
    const auto workspace = Workspace::open(context.workspacePath());
    const RegisteredModel model = ModelArgument::resolve(*workspace, modelName);
    if (versionNumber) {
        const VersionReport report(*workspace, model,
                                   ModelArgument::resolveVersion(*workspace, model, *versionNumber));
        CliOutput::out() << (asJson ? OutputFormat::json(report.json()) : report.text());
        return exitOk;
    }
    const ModelReport report(*workspace, model);
    CliOutput::out() << (asJson ? OutputFormat::json(report.json()) : report.text());
    return exitOk;
}

} // namespace assay::cli
