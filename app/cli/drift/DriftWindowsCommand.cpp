#include "DriftWindowsCommand.h"

#include "DriftArguments.h"
#include "DriftWindowReport.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliOutput.h"
#include "app/cli/OutputFormat.h"
#include "app/cli/TextTable.h"
#include "app/cli/UsageError.h"
#include "core/base/AssayError.h"
#include "core/drift/DriftMethod.h"
#include "core/drift/DriftMonitors.h"
#include "core/workspace/Workspace.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace assay::cli {
namespace {

enum class Format { Table, Json, Csv };

Format formatOf(const QCommandLineParser& parser) {
    const QString format = parser.value(QStringLiteral("format"));
    if (format == QLatin1String("table"))
        return Format::Table;
    if (format == QLatin1String("json"))
        return Format::Json;
    if (format == QLatin1String("csv"))
        return Format::Csv;
    throw UsageError{QStringLiteral("--format must be table, json or csv, not \"%1\"").arg(format)};
}

QString csvField(const QJsonValue& value) {
    QString text;
    if (value.isBool())
        text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    else if (value.isDouble())
        text = QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    else if (value.isArray()) {
        QStringList items;
        for (const QJsonValue& item : value.toArray())
            items << item.toString();
        text = items.join(QLatin1Char(';'));
    } else
        text = value.toString();
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
        text.contains(QLatin1Char('\n')))
        text = QLatin1Char('"') + text.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return text;
}

// The JSON objects as CSV with their keys, in the given order, as the header.
QString csv(const QStringList& keys, const QList<QJsonObject>& objects) {
    QString text = keys.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (const QJsonObject& object : objects) {
        QStringList fields;
        for (const QString& key : keys)
            fields << csvField(object.value(key));
        text += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return text;
}

QString output(Format format, const QStringList& keys, const QList<QJsonObject>& objects,
               const TextTable& table) {
    if (format == Format::Table)
        return table.isEmpty() ? QStringLiteral("No windows yet.\n") : table.text();
    if (format == Format::Csv)
        return csv(keys, objects);
    QJsonArray array;
    for (const QJsonObject& object : objects)
        array.append(object);
    return OutputFormat::json(array);
}

QString number(const std::optional<double>& value) {
    return value ? QString::number(*value, 'g', 6) : QStringLiteral("-");
}

QJsonValue jsonNumber(const std::optional<double>& value) {
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QString windows(Format format, const DriftMonitor& monitor, const DriftMonitors& store) {
    const QList<DriftResult> results = store.results(monitor.id);
    const QString metric = monitor.metric == PerformanceMetric::None ? QStringLiteral("performance")
                                                                     : performanceMetricName(monitor.metric);
    TextTable table({QStringLiteral("window"), QStringLiteral("rows"), QStringLiteral("drifted"),
                     QStringLiteral("dataset drift"), QStringLiteral("retraining"), metric,
                     QStringLiteral("drifted features")});
    QList<QJsonObject> objects;
    for (const DriftWindow& window : store.windows(monitor.id)) {
        const DriftWindowReport report(monitor, window, results);
        objects.append(report.json());
        table.addRow(
            {window.label, QString::number(window.rows),
             QStringLiteral("%1/%2").arg(window.driftedFeatures).arg(window.featureCount),
             window.datasetDrift ? QStringLiteral("yes") : QStringLiteral("no"),
             window.retrainingRecommended ? QStringLiteral("RECOMMENDED") : QStringLiteral("no"),
             report.performance(),
             report.drifted().isEmpty() ? QStringLiteral("-") : report.drifted().join(QStringLiteral(", "))});
    }
    const QStringList keys{
        QStringLiteral("window"),  QStringLiteral("first_day"),     QStringLiteral("last_day"),
        QStringLiteral("rows"),    QStringLiteral("features"),      QStringLiteral("drifted_features"),
        QStringLiteral("drifted"), QStringLiteral("dataset_drift"), QStringLiteral("retraining_recommended"),
        QStringLiteral("metric"),  QStringLiteral("performance"),   QStringLiteral("source")};
    return output(format, keys, objects, table);
}

QString featureScores(Format format, const DriftMonitor& monitor, const DriftMonitors& store,
                      const QString& name) {
    const DriftFeature* feature = monitor.feature(name);
    if (!feature) {
        QStringList names;
        for (const DriftFeature& f : monitor.features)
            names << f.name;
        throw AssayError(QStringLiteral("Monitor \"%1\" has no feature \"%2\"; its features are %3.")
                             .arg(monitor.name, name, names.join(QStringLiteral(", "))));
    }
    const QList<DriftResult> results = store.results(monitor.id);
    TextTable table({QStringLiteral("window"), QStringLiteral("method"), QStringLiteral("statistic"),
                     QStringLiteral("p-value"), QStringLiteral("threshold"), QStringLiteral("drifted")});
    QList<QJsonObject> objects;
    for (const DriftWindow& window : store.windows(monitor.id)) {
        for (const DriftResult& result : results) {
            if (result.windowId != window.id || result.feature != name || !result.monitored)
                continue;
            const bool drifted = result.drifted.value_or(false);
            objects.append(QJsonObject{{QStringLiteral("window"), window.label},
                                       {QStringLiteral("feature"), name},
                                       {QStringLiteral("method"), result.method},
                                       {QStringLiteral("statistic"), jsonNumber(result.statistic)},
                                       {QStringLiteral("p_value"), jsonNumber(result.pValue)},
                                       {QStringLiteral("score"), result.score()},
                                       {QStringLiteral("threshold"), jsonNumber(result.threshold)},
                                       {QStringLiteral("drifted"), drifted}});
            table.addRow({window.label, DriftMethod::label(result.method), number(result.statistic),
                          number(result.pValue), number(result.threshold),
                          drifted ? QStringLiteral("DRIFT") : QStringLiteral("no")});
        }
    }
    const QStringList keys{QStringLiteral("window"),    QStringLiteral("feature"), QStringLiteral("method"),
                           QStringLiteral("statistic"), QStringLiteral("p_value"), QStringLiteral("score"),
                           QStringLiteral("threshold"), QStringLiteral("drifted")};
    return output(format, keys, objects, table);
}

} // namespace

QString DriftWindowsCommand::summary() const {
    return QStringLiteral("a drift monitor's windows and verdicts, or one --feature's score per window");
}

void DriftWindowsCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addOptions({
        DriftArguments::modelOption(),
        DriftArguments::versionOption(),
        DriftArguments::monitorOption(),
        {QStringLiteral("feature"), QStringLiteral("This feature's score per window instead."),
         QStringLiteral("FEATURE")},
        {QStringLiteral("format"), QStringLiteral("table, json or csv."), QStringLiteral("FORMAT"),
         QStringLiteral("table")},
    });
}

int DriftWindowsCommand::run(CliContext& context, const QCommandLineParser& parser) {
    expectArguments(parser.positionalArguments(), 0, invokedAs());
    const DriftArguments::Target target = DriftArguments::target(parser);
    const Format format = formatOf(parser);
    const auto workspace = Workspace::open(context.workspacePath());
    const DriftMonitor monitor = DriftArguments::resolveMonitor(*workspace, target);
    const DriftMonitors store(*workspace);
    const QString feature = parser.value(QStringLiteral("feature"));
    CliOutput::out() << (feature.isEmpty() ? windows(format, monitor, store)
                                           : featureScores(format, monitor, store, feature));
    return exitOk;
}

} // namespace assay::cli
