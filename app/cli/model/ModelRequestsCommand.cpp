#include "ModelRequestsCommand.h"

#include "ModelArgument.h"
#include "RequestArgument.h"
#include "RequestReport.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliOutput.h"
#include "app/cli/CliTime.h"
#include "app/cli/OutputFormat.h"
#include "app/cli/TextTable.h"
#include "app/cli/UsageError.h"
#include "core/base/AssayError.h"
#include "core/governance/PromotionRequests.h"
#include "core/workspace/Workspace.h"

#include <QJsonArray>

#include <algorithm>

namespace assay::cli {

QString ModelRequestsCommand::summary() const {
    return QStringLiteral("list requests (--open, --inbox, --model), or show one in full");
}

void ModelRequestsCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addOptions({
        {QStringLiteral("open"), QStringLiteral("Only requests still awaiting sign-off.")},
        {QStringLiteral("inbox"), QStringLiteral("Only open requests that need a sign-off you can give.")},
        {QStringLiteral("model"), QStringLiteral("Only this model's requests."), QStringLiteral("MODEL")},
        OutputFormat::option(),
    });
    parser.addPositionalArgument(QStringLiteral("REQUEST_ID"),
                                 QStringLiteral("Show this request in full: sign-offs, decisions, gates."),
                                 QStringLiteral("[REQUEST_ID]"));
}

int ModelRequestsCommand::run(CliContext& context, const QCommandLineParser& parser) {
    expectArguments(parser.positionalArguments(), 1, invokedAs());
    const bool asJson = OutputFormat::parse(parser) == OutputFormat::Format::Json;
    const bool one = !parser.positionalArguments().isEmpty();
    const qint64 requestId = one ? RequestArgument::id(parser, invokedAs()) : 0;
    const auto workspace = Workspace::open(context.workspacePath());
    if (one) {
        const std::optional<PromotionRequest> request = PromotionRequests(*workspace).request(requestId);
        if (!request)
            throw AssayError(QStringLiteral("There is no request #%1.").arg(requestId));
        const RequestReport report(*workspace, *request);
        CliOutput::out() << (asJson ? OutputFormat::json(report.json()) : report.text());
        return exitOk;
    }
    const QList<PromotionRequest> requests = select(*workspace, parser);
    if (!asJson) {
        CliOutput::out() << table(*workspace, requests);
        return exitOk;
    }
    QJsonArray array;
    for (const PromotionRequest& request : requests)
        array.append(RequestReport(*workspace, request).json());
    CliOutput::out() << OutputFormat::json(array);
    return exitOk;
}

QList<PromotionRequest> ModelRequestsCommand::select(const Workspace& workspace,
                                                     const QCommandLineParser& parser) {
    const PromotionRequests all(workspace);
    QList<PromotionRequest> requests = parser.isSet(QStringLiteral("inbox"))  ? all.inbox(workspace.actor())
                                       : parser.isSet(QStringLiteral("open")) ? all.openRequests()
                                                                              : all.requests();
    if (parser.isSet(QStringLiteral("model"))) {
        const qint64 modelId = ModelArgument::resolve(workspace, parser.value(QStringLiteral("model"))).id;
        requests.removeIf([&](const PromotionRequest& request) { return request.modelId != modelId; });
    }
    return requests;
}

QString ModelRequestsCommand::table(const Workspace& workspace, const QList<PromotionRequest>& requests) {
    TextTable table({QStringLiteral("id"), QStringLiteral("request"), QStringLiteral("tier"),
                     QStringLiteral("status"), QStringLiteral("submitted"), QStringLiteral("by"),
                     QStringLiteral("waiting for")});
    const PromotionRequests reader(workspace);
    for (const PromotionRequest& request : requests) {
        QStringList waiting;
        if (request.isOpen()) {
            for (const SignOff& signOff : reader.signOffs(request)) {
                if (!signOff.isGiven())
                    waiting << signOff.label.toLower();
            }
        }
        table.addRow({QStringLiteral("#%1").arg(request.id), request.title(), QString::number(request.tier),
                      PromotionRequest::statusLabel(request.status), CliTime::date(request.submittedAt),
                      request.submittedBy,
                      waiting.isEmpty() ? QStringLiteral("-") : waiting.join(QStringLiteral(", "))});
    }
    return table.text();
}

} // namespace assay::cli
