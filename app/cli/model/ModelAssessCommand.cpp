#include "ModelAssessCommand.h"

#include "ModelArgument.h"
#include "ScoreArguments.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliOutput.h"
#include "app/cli/UsageError.h"
#include "core/governance/Policies.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

namespace assay::cli {

QString ModelAssessCommand::summary() const {
    return QStringLiteral("assess a model's risk: scores and EU AI Act category give its tier");
}

// The vocabulary comes from the policy in force, which an admin may have changed; it is listed
// here so that --help answers "which keys?" without a workspace.
QString ModelAssessCommand::description() const {
    return summary() + QStringLiteral("\n\nUnder the default policy, ") +
           ScoreArguments::vocabulary(TierPolicy::defaultPolicy()) +
           QStringLiteral(".\nA workspace's published policy may differ; a wrong key is answered with its "
                          "list.");
}

void ModelAssessCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addOptions({
        {QStringLiteral("score"),
         QStringLiteral("A dimension's score, 1 (low) to 4 (high); one per dimension."),
         QStringLiteral("KEY=N")},
        {QStringLiteral("eu-category"), QStringLiteral("The use's EU AI Act category."),
         QStringLiteral("KEY")},
        {QStringLiteral("rationale"), QStringLiteral("Why these scores."), QStringLiteral("TEXT")},
        {QStringLiteral("override-tier"),
         QStringLiteral("Ask for another tier than the computed one; a risk officer must approve it."),
         QStringLiteral("N")},
        {QStringLiteral("reason"), QStringLiteral("Why the override (required with --override-tier)."),
         QStringLiteral("TEXT")},
    });
    parser.addPositionalArgument(QStringLiteral("MODEL"), QStringLiteral("The model's name."));
}

int ModelAssessCommand::run(CliContext& context, const QCommandLineParser& parser) {
    const QString modelName = ModelArgument::name(parser, invokedAs());
    const std::optional<RiskAssessments::Override> requested = tierOverride(parser);
    const auto workspace = Workspace::open(context.workspacePath());
    const TierPolicy policy = Policies(*workspace).currentPolicy();
    const QMap<QString, int> scores = ScoreArguments::parse(parser.values(QStringLiteral("score")), policy);
    const QString category = parser.value(QStringLiteral("eu-category"));
    ScoreArguments::checkCategory(category, policy);

    qint64 assessmentId = 0;
    QString shownName;
    workspace->write([&](WriteTransaction& tx) {
        const RegisteredModel model = ModelArgument::resolve(tx.workspace(), modelName);
        shownName = model.name;
        assessmentId = RiskAssessments::assess(tx, model.id, scores, category,
                                               parser.value(QStringLiteral("rationale")), requested);
    });
    const RiskAssessment assessment = *RiskAssessments(*workspace).assessment(assessmentId);
    QTextStream& out = CliOutput::out();
    if (assessment.blocked)
        out << "Assessed " << shownName << ": blocked under policy v" << assessment.policyVersion << '\n';
    else
        out << "Assessed " << shownName << ": Tier " << assessment.computedTier << " under policy v"
            << assessment.policyVersion << '\n';
    out << "  " << assessment.rule << '\n';
    if (assessment.overrideTier)
        out << "  Override to Tier " << *assessment.overrideTier
            << " pending: it applies once a risk officer other than " << assessment.assessedBy
            << " approves it; until then Tier " << assessment.effectiveTier() << " applies.\n";
    return exitOk;
}

std::optional<RiskAssessments::Override> ModelAssessCommand::tierOverride(const QCommandLineParser& parser) {
    const std::optional<int> tier = ModelArgument::number(parser, QStringLiteral("override-tier"));
    const QString reason = parser.value(QStringLiteral("reason"));
    if (!tier) {
        if (parser.isSet(QStringLiteral("reason")))
            throw UsageError{QStringLiteral("--reason goes with --override-tier N")};
        return std::nullopt;
    }
    if (reason.trimmed().isEmpty())
        throw UsageError{QStringLiteral("--override-tier needs --reason TEXT saying why")};
    return RiskAssessments::Override{*tier, reason};
}

} // namespace assay::cli
