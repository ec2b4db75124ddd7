#include "ModelDecideCommand.h"

#include "ConditionArgument.h"
#include "ModelArgument.h"
#include "RequestArgument.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliOutput.h"
#include "app/cli/CliTime.h"
#include "app/cli/UsageError.h"
#include "core/governance/Findings.h"
#include "core/governance/ReviewSchedule.h"
#include "core/identity/QtKeychainSecretStore.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

#include <algorithm>

namespace assay::cli {
namespace {

std::optional<Decision::Outcome> outcomeFromArgument(const QString& text) {
    if (text == QLatin1String("conditions"))
        return Decision::Outcome::ApproveWithConditions;
    return Decision::outcomeFromName(text); // approve, reject, approve_with_conditions
}

QString executedText(const Workspace& workspace, const PromotionRequest& request) {
    QString text = request.kind == PromotionRequest::Kind::Review
                       ? QStringLiteral("Review #%1 complete").arg(request.id)
                       : QStringLiteral("Request #%1 executed: %2's %3 alias now points at v%4")
                             .arg(request.id)
                             .arg(request.modelName, request.alias)
                             .arg(request.version);
    if (const std::optional<ReviewDate> review = ReviewSchedule(workspace).next(request.modelId))
        text += QStringLiteral("; next review due %1").arg(CliTime::date(review->nextReviewAt));
    return text + QStringLiteral(".\n");
}

} // namespace

QString ModelDecideCommand::summary() const {
    return QStringLiteral("sign a decision on a request with your key from the OS keychain");
}

QString ModelDecideCommand::description() const {
    return summary() +
           QStringLiteral("\n\nThe signing key lives in the OS keychain (%1); without one the decision is "
                          "refused and nothing is written. Sign-offs: model_owner, validator, risk_officer, "
                          "reviewer; the tier's policy says which a request needs.")
               .arg(QtKeychainSecretStore::backendName());
}

void ModelDecideCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addOptions({
        {QStringLiteral("outcome"),
         QStringLiteral("approve, conditions (approve with conditions) or reject."),
         QStringLiteral("OUTCOME")},
        {QStringLiteral("comment"), QStringLiteral("Why; it is part of what you sign."),
         QStringLiteral("TEXT")},
        {QStringLiteral("condition"),
         QStringLiteral("With --outcome conditions (repeatable): \"%1\", SEVERITY low, medium (the "
                        "default), high or critical; it becomes a finding.")
             .arg(ConditionArgument::syntax()),
         QStringLiteral("CONDITION")},
        {QStringLiteral("as"),
         QStringLiteral("The sign-off to give when you could give several (default: the first you can)."),
         QStringLiteral("SIGNOFF")},
        {QStringLiteral("revision"),
         QStringLiteral("Refuse if the request changed since you looked at this revision (model requests "
                        "--format json shows it)."),
         QStringLiteral("N")},
    });
    parser.addPositionalArgument(QStringLiteral("REQUEST_ID"), QStringLiteral("The request's number (#ID)."));
}

int ModelDecideCommand::run(CliContext& context, const QCommandLineParser& parser) {
    const qint64 requestId = RequestArgument::id(parser, invokedAs());
    const PromotionRequests::DecisionInput decision = input(parser);
    const auto workspace = Workspace::open(context.workspacePath());
    QtKeychainSecretStore keychain;
    qint64 decisionId = 0;
    workspace->write([&](WriteTransaction& tx) {
        decisionId = PromotionRequests::decide(tx, keychain, requestId, decision);
    });
    CliOutput::out() << report(*workspace, requestId, decisionId);
    return exitOk;
}

PromotionRequests::DecisionInput ModelDecideCommand::input(const QCommandLineParser& parser) {
    PromotionRequests::DecisionInput input;
    const QString outcome = parser.value(QStringLiteral("outcome"));
    const std::optional<Decision::Outcome> parsed = outcomeFromArgument(outcome);
    if (!parsed)
        throw UsageError{
            outcome.isEmpty()
                ? QStringLiteral("--outcome approve|conditions|reject is required")
                : QStringLiteral("--outcome must be approve, conditions or reject, not \"%1\"").arg(outcome)};
    input.outcome = *parsed;
    if (!parser.isSet(QStringLiteral("comment")))
        throw UsageError{QStringLiteral("--comment TEXT is required: a decision says why")};
    input.comment = parser.value(QStringLiteral("comment"));
    for (const QString& condition : parser.values(QStringLiteral("condition")))
        input.conditions.append(ConditionArgument::parse(condition));
    input.signOff = parser.value(QStringLiteral("as"));
    input.expectedRevision = ModelArgument::number(parser, QStringLiteral("revision"));
    return input;
}

QString ModelDecideCommand::report(const Workspace& workspace, qint64 requestId, qint64 decisionId) {
    const PromotionRequests requests(workspace);
    const PromotionRequest request = *requests.request(requestId);
    const QList<Decision> decisions = requests.decisions(request);
    const auto decision = std::find_if(decisions.cbegin(), decisions.cend(),
                                       [&](const Decision& d) { return d.id == decisionId; });
    QString text = QStringLiteral("Signed #%1 (%2) as %3: %4\n")
                       .arg(request.id)
                       .arg(request.title(), SignOff::labelOf(decision->signOff).toLower(),
                            Decision::outcomeLabel(decision->outcome).toLower());
    text += QStringLiteral("  decision %1, signed with key %2 (%3)\n")
                .arg(decision->id)
                .arg(decision->keyId)
                .arg(Decision::statusLabel(decision->status).toLower());
    for (const Finding& finding : Findings(workspace).ofDecision(decisionId)) {
        text += QStringLiteral("  condition raised as finding #%1 (%2, owner %3, due %4): %5\n")
                    .arg(finding.id)
                    .arg(finding.severity, finding.owner, finding.dueDate.toString(Qt::ISODate),
                         finding.description);
    }
    switch (request.status) {
    case PromotionRequest::Status::Executed:
        return text + executedText(workspace, request);
    case PromotionRequest::Status::Rejected:
        return text +
               QStringLiteral("Request #%1 is rejected; it takes no more decisions.\n").arg(request.id);
    case PromotionRequest::Status::Withdrawn:
    case PromotionRequest::Status::Open:
        break;
    }
    QStringList waiting;
    for (const SignOff& signOff : requests.signOffs(request)) {
        if (!signOff.isGiven())
            waiting << signOff.label.toLower();
    }
    return text + QStringLiteral("Request #%1 is not executed yet; it still needs: %2.\n")
                      .arg(request.id)
                      .arg(waiting.join(QStringLiteral(", ")));
}

} // namespace assay::cli
