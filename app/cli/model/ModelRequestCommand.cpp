#include "ModelRequestCommand.h"

#include "ModelArgument.h"
#include "RequestReport.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliOutput.h"
#include "app/cli/OutputFormat.h"
#include "app/cli/UsageError.h"
#include "core/governance/PromotionGates.h"
#include "core/governance/PromotionRequests.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

namespace assay::cli {

QString ModelRequestCommand::summary() const {
    return QStringLiteral("request a promotion (or --review) and show its sign-offs and gates");
}

void ModelRequestCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addOptions({
        {QStringLiteral("version"), QStringLiteral("The version to promote (required unless --review)."),
         QStringLiteral("N")},
        {QStringLiteral("alias"), QStringLiteral("The alias to move to it (default: production)."),
         QStringLiteral("ALIAS"), QStringLiteral("production")},
        {QStringLiteral("review"),
         QStringLiteral("Open the periodic review of the version in production instead.")},
        {QStringLiteral("justification"), QStringLiteral("Why, for the reviewers."), QStringLiteral("TEXT")},
        OutputFormat::option(),
    });
    parser.addPositionalArgument(QStringLiteral("MODEL"), QStringLiteral("The model's name."));
}

int ModelRequestCommand::run(CliContext& context, const QCommandLineParser& parser) {
    const QString modelName = ModelArgument::name(parser, invokedAs());
    const bool review = parser.isSet(QStringLiteral("review"));
    const std::optional<int> version = ModelArgument::number(parser, QStringLiteral("version"), !review);
    if (review && (version || parser.isSet(QStringLiteral("alias"))))
        throw UsageError{
            QStringLiteral("--review takes the version in production; leave out --version and --alias")};
    const OutputFormat::Format format = OutputFormat::parse(parser);
    const QString justification = parser.value(QStringLiteral("justification"));
    const auto workspace = Workspace::open(context.workspacePath());
    qint64 requestId = 0;
    workspace->write([&](WriteTransaction& tx) {
        const RegisteredModel model = ModelArgument::resolve(tx.workspace(), modelName);
        requestId = review ? PromotionRequests::submitReview(tx, model.id, justification)
                           : PromotionRequests::submit(tx, model.id, *version,
                                                       parser.value(QStringLiteral("alias")), justification);
    });
    const PromotionRequest request = *PromotionRequests(*workspace).request(requestId);
    const RequestReport report(*workspace, request);
    if (format == OutputFormat::Format::Json) {
        CliOutput::out() << OutputFormat::json(report.json());
        return exitOk;
    }
    CliOutput::out() << "Submitted #" << request.id << ": " << request.title() << ", Tier " << request.tier
                     << " under policy v" << request.policyVersion << '\n'
                     << "Sign-offs required by Tier " << request.tier << ":\n"
                     << report.signOffsText() << "Gates (as the data stands now):\n"
                     << RequestReport::gatesText(PromotionGates::compute(*workspace, request));
    return exitOk;
}

} // namespace assay::cli
