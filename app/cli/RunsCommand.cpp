#include "RunsCommand.h"

#include "CliContext.h"
#include "CliOutput.h"
#include "UsageError.h"
#include "core/base/AssayError.h"
#include "core/search/RunFilterError.h"
#include "core/search/RunFilterParser.h"
#include "core/tracking/RunQuery.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/Workspace.h"

#include <limits>

namespace assay::cli {

QString RunsCommand::summary() const {
    return QStringLiteral("list runs (--experiment, --filter, --order-by, --limit, --format)");
}

void RunsCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addOptions({
        {QStringLiteral("experiment"), QStringLiteral("Only this experiment (repeatable)."),
         QStringLiteral("NAME")},
        {QStringLiteral("filter"),
         QStringLiteral("Only runs matching a search, e.g. \"metrics.auc > 0.8 and params.model = 'xgb'\"."),
         QStringLiteral("EXPR")},
        {QStringLiteral("order-by"), QStringLiteral("Column and direction, e.g. \"metrics.val_auc DESC\"."),
         QStringLiteral("COLUMN")},
        {QStringLiteral("limit"), QStringLiteral("At most N runs (0: all)."), QStringLiteral("N"),
         QStringLiteral("0")},
        {QStringLiteral("format"), QStringLiteral("table, json or csv."), QStringLiteral("FORMAT"),
         QStringLiteral("table")},
        {QStringLiteral("include-deleted"), QStringLiteral("List deleted runs too.")},
    });
}

int RunsCommand::run(CliContext& context, const QCommandLineParser& parser) {
    expectArguments(parser.positionalArguments(), 0, name());
    const RunListFormat::Format runFormat = format(parser);
    const RunSort runSort = sort(parser);
    const int runLimit = limit(parser);
    // Checked before the workspace is opened: a mistake in the filter is the caller's.
    if (!filterParses(parser.value(QStringLiteral("filter"))))
        return exitUsage;

    const auto workspace = Workspace::open(context.workspacePath());
    const Tracking tracking(*workspace);
    const RunQuery query(*workspace);
    const RunScope runScope = scope(parser, tracking);
    const QList<RunRow> rows =
        query.page(runScope, runSort, 0, runLimit == 0 ? std::numeric_limits<int>::max() : runLimit);
    CliOutput::out() << RunListFormat::write(runFormat, rows, query.paramKeys(runScope),
                                             query.metricKeys(runScope));
    return exitOk;
}

RunListFormat::Format RunsCommand::format(const QCommandLineParser& parser) {
    const auto parsed = RunListFormat::fromName(parser.value(QStringLiteral("format")));
    if (!parsed)
        throw UsageError{QStringLiteral("--format must be table, json or csv")};
    return *parsed;
}

RunSort RunsCommand::sort(const QCommandLineParser& parser) {
    const QString orderBy = parser.value(QStringLiteral("order-by"));
    const std::optional<RunSort> parsed = orderBy.isEmpty() ? RunSort{} : RunSort::parse(orderBy);
    if (!parsed)
        throw UsageError{QStringLiteral("--order-by: \"%1\" names no run column").arg(orderBy)};
    return *parsed;
}

int RunsCommand::limit(const QCommandLineParser& parser) {
    bool ok = false;
    const int parsed = parser.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || parsed < 0)
        throw UsageError{QStringLiteral("--limit must be a whole number of runs")};
    return parsed;
}

// A filter that does not parse is shown with a caret under the column where parsing failed,
// which UsageError's one line cannot carry.
bool RunsCommand::filterParses(const QString& filter) {
    try {
        RunFilterParser::parse(filter);
        return true;
    } catch (const RunFilterError& error) {
        QString shown = filter;
        for (QChar& c : shown) {
            if (c.isSpace())
                c = QLatin1Char(' '); // keeps the caret under its column
        }
        CliOutput::err() << "assay-cli: --filter: " << error.message() << "\n  " << shown << "\n  "
                         << QString(error.column() - 1, QLatin1Char(' ')) << "^\n";
        return false;
    }
}

RunScope RunsCommand::scope(const QCommandLineParser& parser, const Tracking& tracking) {
    RunScope result;
    result.includeDeleted = parser.isSet(QStringLiteral("include-deleted"));
    result.filter = parser.value(QStringLiteral("filter"));
    for (const QString& experimentName : parser.values(QStringLiteral("experiment"))) {
        const std::optional<Experiment> experiment = tracking.experimentByName(experimentName);
        if (!experiment)
            throw AssayError(QStringLiteral("There is no experiment \"%1\".").arg(experimentName));
        result.experimentIds << experiment->id;
    }
    return result;
}

} // namespace assay::cli
