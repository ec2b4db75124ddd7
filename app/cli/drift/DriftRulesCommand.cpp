#include "DriftRulesCommand.h"

#include "DriftArguments.h"
#include "DriftMonitorReport.h"
#include "DriftWindowReport.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliOutput.h"
#include "app/cli/OutputFormat.h"
#include "app/cli/UsageError.h"
#include "core/base/AssayError.h"
#include "core/drift/DriftMonitors.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

namespace assay::cli {
namespace {

const QStringList ruleOptions{QStringLiteral("threshold"), QStringLiteral("feature-threshold"),
                              QStringLiteral("method"), QStringLiteral("key"), QStringLiteral("no-key")};

DriftFeature& featureOf(DriftMonitor& monitor, const QString& name) {
    for (DriftFeature& feature : monitor.features) {
        if (feature.name == name)
            return feature;
    }
    QStringList names;
    for (const DriftFeature& feature : monitor.features)
        names << feature.name;
    throw AssayError(QStringLiteral("Monitor \"%1\" has no feature \"%2\"; its features are %3.")
                         .arg(monitor.name, name, names.join(QStringLiteral(", "))));
}

// The monitor's rules with the command line's changes. A feature whose method changes loses its
// own threshold unless a new one is given: a PSI threshold means nothing to a KS p-value.
void applyChanges(const QCommandLineParser& parser, DriftMonitor& monitor) {
    DriftArguments::applyThresholds(parser, monitor.thresholds);
    for (const auto& [name, method] : DriftArguments::pairs(parser, QStringLiteral("method"))) {
        DriftFeature& feature = featureOf(monitor, name);
        if (feature.method != method)
            feature.threshold.reset();
        feature.method = method;
    }
    const QString option = QStringLiteral("feature-threshold");
    for (const auto& pair : DriftArguments::pairs(parser, option)) {
        DriftFeature& feature = featureOf(monitor, pair.first);
        if (pair.second == QLatin1String("default"))
            feature.threshold.reset();
        else
            feature.threshold = DriftArguments::number(option, pair);
    }
    for (const QString& name : parser.values(QStringLiteral("key")))
        featureOf(monitor, name).key = true;
    for (const QString& name : parser.values(QStringLiteral("no-key")))
        featureOf(monitor, name).key = false;
}

} // namespace

QString DriftRulesCommand::summary() const {
    return QStringLiteral("show or change a drift monitor's thresholds, methods and key features");
}

void DriftRulesCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addOptions({
        DriftArguments::modelOption(),
        DriftArguments::versionOption(),
        DriftArguments::monitorOption(),
        {QStringLiteral("threshold"),
         QStringLiteral("A monitor threshold: ks, chi_square, z, wasserstein_norm, jensen_shannon, psi, "
                        "dataset_share or small_reference (repeatable)."),
         QStringLiteral("KEY=VALUE")},
        {QStringLiteral("feature-threshold"),
         QStringLiteral(
             "A feature's own threshold for its method, or \"default\" for the monitor's (repeatable)."),
         QStringLiteral("FEATURE=VALUE")},
        {QStringLiteral("method"),
         QStringLiteral(
             "The method a feature is judged by: ks, chi_square, z, wasserstein_norm, jensen_shannon or "
             "psi (repeatable)."),
         QStringLiteral("FEATURE=METHOD")},
        {QStringLiteral("key"), QStringLiteral("Make a feature a key feature (repeatable)."),
         QStringLiteral("FEATURE")},
        {QStringLiteral("no-key"), QStringLiteral("Make a feature an ordinary feature (repeatable)."),
         QStringLiteral("FEATURE")},
        OutputFormat::option(),
    });
}

int DriftRulesCommand::run(CliContext& context, const QCommandLineParser& parser) {
    expectArguments(parser.positionalArguments(), 0, invokedAs());
    const DriftArguments::Target target = DriftArguments::target(parser);
    const OutputFormat::Format format = OutputFormat::parse(parser);
    // Usage mistakes in the pairs show before the workspace is opened.
    DriftArguments::pairs(parser, QStringLiteral("method"));
    DriftArguments::pairs(parser, QStringLiteral("feature-threshold"));
    DriftThresholds checked;
    DriftArguments::applyThresholds(parser, checked);
    bool changes = false;
    for (const QString& option : ruleOptions)
        changes = changes || parser.isSet(option);

    const auto workspace = Workspace::open(context.workspacePath());
    DriftMonitor monitor = DriftArguments::resolveMonitor(*workspace, target);
    if (changes) {
        applyChanges(parser, monitor);
        workspace->write([&](WriteTransaction& tx) {
            DriftMonitors::setRules(tx, monitor.id, monitor.thresholds, monitor.features);
        });
        monitor = *DriftMonitors(*workspace).monitor(monitor.id);
    }
    if (format == OutputFormat::Format::Json) {
        CliOutput::out() << OutputFormat::json(DriftMonitorReport::json(monitor));
        return exitOk;
    }
    if (changes)
        CliOutput::out() << "Rules changed; every window was judged again.\n";
    CliOutput::out() << DriftMonitorReport::heading(monitor) << DriftMonitorReport::featuresTable(monitor);
    const QList<DriftWindow> windows = DriftMonitors(*workspace).windows(monitor.id);
    if (windows.isEmpty()) {
        CliOutput::out() << "No windows yet.\n";
        return exitOk;
    }
    const DriftWindowReport latest(monitor, windows.last(), DriftMonitors(*workspace).results(monitor.id));
    CliOutput::out() << "Latest window " << windows.last().label << ": " << latest.verdict() << '\n';
    return exitOk;
}

} // namespace assay::cli
