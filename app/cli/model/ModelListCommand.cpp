#include "ModelListCommand.h"

#include "app/cli/CliContext.h"
#include "app/cli/CliOutput.h"
#include "app/cli/CliTime.h"
#include "app/cli/OutputFormat.h"
#include "app/cli/TextTable.h"
#include "core/governance/ModelCatalog.h"
#include "core/workspace/Workspace.h"

#include <QJsonArray>
#include <QJsonObject>

namespace assay::cli {
namespace {

QString tierText(const ModelOverview& overview) {
    if (overview.blocked)
        return QStringLiteral("blocked");
    if (!overview.tier)
        return QStringLiteral("not assessed");
    const QString tier = QString::number(*overview.tier);
    return overview.tierOverridePending ? tier + QStringLiteral(" (override pending)") : tier;
}

QString reviewText(const ModelOverview& overview) {
    if (!overview.review)
        return QStringLiteral("-");
    const QString date = CliTime::date(overview.review->nextReviewAt);
    return overview.reviewOverdue ? date + QStringLiteral(" OVERDUE") : date;
}

QJsonValue optionalInt(const std::optional<int>& value) {
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

} // namespace

QString ModelListCommand::summary() const {
    return QStringLiteral("list the models: owner, tier, production version, open requests, next review");
}

void ModelListCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addOption(OutputFormat::option());
}

int ModelListCommand::run(CliContext& context, const QCommandLineParser& parser) {
    expectArguments(parser.positionalArguments(), 0, invokedAs());
    const OutputFormat::Format format = OutputFormat::parse(parser);
    const auto workspace = Workspace::open(context.workspacePath());
    const QList<ModelOverview> overviews = ModelCatalog(*workspace).overviews(workspace->now());
    CliOutput::out() << (format == OutputFormat::Format::Json ? json(overviews) : table(overviews));
    return exitOk;
}

QString ModelListCommand::table(const QList<ModelOverview>& overviews) {
    TextTable table({QStringLiteral("name"), QStringLiteral("owner"), QStringLiteral("tier"),
                     QStringLiteral("production"), QStringLiteral("versions"),
                     QStringLiteral("open requests"), QStringLiteral("open findings"),
                     QStringLiteral("next review")});
    for (const ModelOverview& overview : overviews) {
        table.addRow({overview.model.name,
                      overview.model.owner.isEmpty() ? QStringLiteral("-") : overview.model.owner,
                      tierText(overview),
                      overview.productionVersion ? QStringLiteral("v%1").arg(*overview.productionVersion)
                                                 : QStringLiteral("-"),
                      QString::number(overview.versionCount), QString::number(overview.openRequests),
                      QString::number(overview.openFindings), reviewText(overview)});
    }
    return table.text();
}

QString ModelListCommand::json(const QList<ModelOverview>& overviews) {
    QJsonArray array;
    for (const ModelOverview& overview : overviews) {
        array.append(
            QJsonObject{{QStringLiteral("name"), overview.model.name},
                        {QStringLiteral("description"), overview.model.description},
                        {QStringLiteral("owner"), overview.model.owner},
                        {QStringLiteral("business_owner"), overview.model.businessOwner},
                        {QStringLiteral("primary_metric"), overview.model.primaryMetric},
                        {QStringLiteral("higher_is_better"), overview.model.higherIsBetter},
                        {QStringLiteral("tier"), optionalInt(overview.tier)},
                        {QStringLiteral("tier_override_pending"), overview.tierOverridePending},
                        {QStringLiteral("blocked"), overview.blocked},
                        {QStringLiteral("production_version"), optionalInt(overview.productionVersion)},
                        {QStringLiteral("versions"), overview.versionCount},
                        {QStringLiteral("open_requests"), overview.openRequests},
                        {QStringLiteral("open_findings"), overview.openFindings},
                        {QStringLiteral("next_review"),
                         overview.review ? QJsonValue(CliTime::date(overview.review->nextReviewAt))
                                         : QJsonValue(QJsonValue::Null)},
                        {QStringLiteral("review_overdue"), overview.reviewOverdue}});
    }
    return OutputFormat::json(array);
}

} // namespace assay::cli
