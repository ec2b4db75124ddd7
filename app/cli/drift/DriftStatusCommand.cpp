#include "DriftStatusCommand.h"

#include "DriftWindowReport.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliOutput.h"
#include "app/cli/OutputFormat.h"
#include "app/cli/TextTable.h"
#include "app/cli/model/ModelArgument.h"
#include "core/drift/DriftMonitors.h"
#include "core/registry/Registry.h"
#include "core/workspace/Workspace.h"

#include <QJsonArray>
#include <QJsonObject>

namespace assay::cli {
namespace {

struct MonitorRow {
    DriftMonitor monitor;
    int windows = 0;
    std::optional<DriftWindowReport> latest;
};

struct ModelRows {
    RegisteredModel model;
    DriftStatus status;
    QList<MonitorRow> monitors;
};

QList<ModelRows> collect(const Workspace& workspace, const QList<RegisteredModel>& models, bool all) {
    const DriftMonitors store(workspace);
    QList<ModelRows> rows;
    for (const RegisteredModel& model : models) {
        ModelRows entry{model, store.status(model.id), {}};
        if (all && entry.status.monitors == 0)
            continue;
        for (const DriftMonitor& monitor : store.monitors(model.id)) {
            const QList<DriftWindow> windows = store.windows(monitor.id);
            MonitorRow row{monitor, static_cast<int>(windows.size()), std::nullopt};
            if (!windows.isEmpty())
                row.latest.emplace(monitor, windows.last(), store.results(monitor.id));
            entry.monitors.append(row);
        }
        rows.append(entry);
    }
    return rows;
}

QString table(const QList<ModelRows>& rows) {
    if (rows.isEmpty())
        return QStringLiteral("No model has a drift monitor.\n");
    TextTable table({QStringLiteral("model"), QStringLiteral("version"), QStringLiteral("monitor"),
                     QStringLiteral("windows"), QStringLiteral("latest"), QStringLiteral("drifted"),
                     QStringLiteral("retraining")});
    QStringList notes;
    for (const ModelRows& entry : rows) {
        if (entry.monitors.isEmpty())
            table.addRow({entry.model.name, QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("0"),
                          QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("-")});
        for (const MonitorRow& row : entry.monitors) {
            const bool data = row.latest.has_value();
            const DriftWindow* latest = data ? &row.latest->window() : nullptr;
            QString drifted = QStringLiteral("-");
            if (data) {
                drifted = QStringLiteral("%1/%2").arg(latest->driftedFeatures).arg(latest->featureCount);
                if (!row.latest->drifted().isEmpty())
                    drifted += QStringLiteral(" (%1)").arg(row.latest->drifted().join(QStringLiteral(", ")));
            }
            table.addRow({entry.model.name, QStringLiteral("v%1").arg(row.monitor.version), row.monitor.name,
                          QString::number(row.windows), data ? latest->label : QStringLiteral("-"), drifted,
                          !data                           ? QStringLiteral("no data yet")
                          : latest->retrainingRecommended ? QStringLiteral("RECOMMENDED")
                                                          : QStringLiteral("no")});
        }
        notes << entry.model.name + QStringLiteral(": ") + entry.status.summary();
    }
    return table.text() + QLatin1Char('\n') + notes.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString json(const QList<ModelRows>& rows) {
    QJsonArray models;
    for (const ModelRows& entry : rows) {
        QJsonArray monitors;
        for (const MonitorRow& row : entry.monitors) {
            monitors.append(QJsonObject{{QStringLiteral("version"), row.monitor.version},
                                        {QStringLiteral("name"), row.monitor.name},
                                        {QStringLiteral("windows"), row.windows},
                                        {QStringLiteral("latest"), row.latest ? QJsonValue(row.latest->json())
                                                                              : QJsonValue(QJsonValue::Null)},
                                        {QStringLiteral("retraining_recommended"),
                                         row.latest && row.latest->window().retrainingRecommended}});
        }
        models.append(
            QJsonObject{{QStringLiteral("model"), entry.model.name},
                        {QStringLiteral("monitors"), monitors},
                        {QStringLiteral("windows"), entry.status.windows},
                        {QStringLiteral("latest_window"), entry.status.latestWindow},
                        {QStringLiteral("retraining_recommended"), entry.status.retrainingRecommended},
                        {QStringLiteral("reasons"), QJsonArray::fromStringList(entry.status.reasons)},
                        {QStringLiteral("summary"), entry.status.summary()}});
    }
    return OutputFormat::json(models);
}

} // namespace

QString DriftStatusCommand::summary() const {
    return QStringLiteral("each model's drift monitors: latest window, drifted features, retraining");
}

void DriftStatusCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addOptions({
        {QStringLiteral("model"), QStringLiteral("Only this model (default: every model with a monitor)."),
         QStringLiteral("NAME")},
        OutputFormat::option(),
    });
}

int DriftStatusCommand::run(CliContext& context, const QCommandLineParser& parser) {
    expectArguments(parser.positionalArguments(), 0, invokedAs());
    const OutputFormat::Format format = OutputFormat::parse(parser);
    const auto workspace = Workspace::open(context.workspacePath());
    const QString modelName = parser.value(QStringLiteral("model"));
    const bool all = modelName.isEmpty();
    const QList<RegisteredModel> models =
        all ? Registry(*workspace).models()
            : QList<RegisteredModel>{ModelArgument::resolve(*workspace, modelName)};
    const QList<ModelRows> rows = collect(*workspace, models, all);
    CliOutput::out() << (format == OutputFormat::Format::Json ? json(rows) : table(rows));
    return exitOk;
}

} // namespace assay::cli
