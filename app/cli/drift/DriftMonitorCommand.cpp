#include "DriftMonitorCommand.h"

#include "DriftArguments.h"
#include "DriftMonitorReport.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliOutput.h"
#include "app/cli/OutputFormat.h"
#include "app/cli/UsageError.h"
#include "core/drift/DriftMonitors.h"
#include "core/workspace/Workspace.h"

namespace assay::cli {
namespace {

DriftMonitorSpec spec(const QCommandLineParser& parser) {
    DriftMonitorSpec spec;
    spec.name = parser.value(QStringLiteral("name"));
    spec.referencePath = parser.value(QStringLiteral("reference"));
    if (spec.referencePath.isEmpty())
        throw UsageError{QStringLiteral("drift monitor needs --reference FILE")};
    spec.features = parser.values(QStringLiteral("feature"));
    spec.keyFeatures = parser.values(QStringLiteral("key"));
    for (const QString& column : parser.values(QStringLiteral("categorical")))
        spec.typeOverrides.insert(column, CsvColumnType::Categorical);
    spec.timestampColumn = parser.value(QStringLiteral("timestamp"));
    if (parser.isSet(QStringLiteral("period")) != !spec.timestampColumn.isEmpty())
        throw UsageError{QStringLiteral("--timestamp COLUMN and --period day|week|month go together; without "
                                        "them each file added is one window")};
    if (!spec.timestampColumn.isEmpty()) {
        const std::optional<DriftPeriod> period = driftPeriodFromName(parser.value(QStringLiteral("period")));
        if (!period || *period == DriftPeriod::File)
            throw UsageError{QStringLiteral("--period must be day, week or month, not \"%1\"")
                                 .arg(parser.value(QStringLiteral("period")))};
        spec.period = *period;
    }
    spec.labelColumn = parser.value(QStringLiteral("label"));
    spec.predictionColumn = parser.value(QStringLiteral("prediction"));
    if (parser.isSet(QStringLiteral("metric"))) {
        const std::optional<PerformanceMetric> metric =
            performanceMetricFromName(parser.value(QStringLiteral("metric")));
        if (!metric || *metric == PerformanceMetric::None)
            throw UsageError{QStringLiteral("--metric must be accuracy, mae or rmse, not \"%1\"")
                                 .arg(parser.value(QStringLiteral("metric")))};
        spec.metric = *metric;
    }
    DriftArguments::applyThresholds(parser, spec.thresholds);
    return spec;
}

} // namespace

QString DriftMonitorCommand::summary() const {
    return QStringLiteral("set up a drift monitor on a model version, with its reference data");
}

void DriftMonitorCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addOptions({
        DriftArguments::modelOption(),
        DriftArguments::versionOption(),
        {QStringLiteral("name"), QStringLiteral("The monitor's name (default: production)."),
         QStringLiteral("NAME"), QStringLiteral("production")},
        {QStringLiteral("reference"), QStringLiteral("The reference data (CSV), kept in the workspace."),
         QStringLiteral("FILE")},
        {QStringLiteral("feature"),
         QStringLiteral("A column to watch (repeatable; default: every column but the timestamp, label and "
                        "prediction)."),
         QStringLiteral("COLUMN")},
        {QStringLiteral("key"),
         QStringLiteral("A key feature, whose drift alone recommends retraining (repeatable)."),
         QStringLiteral("COLUMN")},
        {QStringLiteral("categorical"), QStringLiteral("Treat this column as categorical (repeatable)."),
         QStringLiteral("COLUMN")},
        {QStringLiteral("timestamp"),
         QStringLiteral("The date column that splits current data into windows."), QStringLiteral("COLUMN")},
        {QStringLiteral("period"), QStringLiteral("Windows by day, week or month of --timestamp."),
         QStringLiteral("PERIOD")},
        {QStringLiteral("label"), QStringLiteral("The column of true outcomes."), QStringLiteral("COLUMN")},
        {QStringLiteral("prediction"), QStringLiteral("The column of the model's predictions."),
         QStringLiteral("COLUMN")},
        {QStringLiteral("metric"), QStringLiteral("accuracy, mae or rmse of prediction against label."),
         QStringLiteral("METRIC")},
        {QStringLiteral("threshold"),
         QStringLiteral(
             "A threshold: ks, chi_square, z, wasserstein_norm, jensen_shannon, psi, dataset_share "
             "or small_reference (repeatable)."),
         QStringLiteral("KEY=VALUE")},
        OutputFormat::option(),
    });
}

int DriftMonitorCommand::run(CliContext& context, const QCommandLineParser& parser) {
    expectArguments(parser.positionalArguments(), 0, invokedAs());
    const DriftArguments::Target target = DriftArguments::target(parser);
    DriftMonitorSpec monitorSpec = spec(parser);
    const OutputFormat::Format format = OutputFormat::parse(parser);
    const auto workspace = Workspace::open(context.workspacePath());
    monitorSpec.versionId = DriftArguments::resolveVersion(*workspace, target).id;
    const qint64 id = DriftMonitors::createFromFile(*workspace, monitorSpec);
    const DriftMonitor monitor = *DriftMonitors(*workspace).monitor(id);
    if (format == OutputFormat::Format::Json) {
        CliOutput::out() << OutputFormat::json(DriftMonitorReport::json(monitor));
        return exitOk;
    }
    CliOutput::out() << QStringLiteral("Created drift monitor \"%1\" on %2 v%3.\n")
                            .arg(monitor.name, monitor.modelName)
                            .arg(monitor.version)
                     << DriftMonitorReport::heading(monitor) << DriftMonitorReport::featuresTable(monitor);
    return exitOk;
}

} // namespace assay::cli
