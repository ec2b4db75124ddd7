#include "DriftArguments.h"

#include "app/cli/UsageError.h"
#include "app/cli/model/ModelArgument.h"
#include "core/base/AssayError.h"
#include "core/drift/DriftMonitors.h"

namespace assay::cli {

QCommandLineOption DriftArguments::modelOption() {
    return {QStringLiteral("model"), QStringLiteral("The registered model's name."), QStringLiteral("NAME")};
}

QCommandLineOption DriftArguments::versionOption() {
    return {QStringLiteral("version"), QStringLiteral("The model version the monitor watches."),
            QStringLiteral("N")};
}

QCommandLineOption DriftArguments::monitorOption() {
    return {QStringLiteral("monitor"), QStringLiteral("The monitor's name (default: production)."),
            QStringLiteral("NAME"), QStringLiteral("production")};
}

DriftArguments::Target DriftArguments::target(const QCommandLineParser& parser) {
    Target target;
    target.model = parser.value(QStringLiteral("model"));
    if (target.model.isEmpty())
        throw UsageError{QStringLiteral("--model is required")};
    target.version = *ModelArgument::number(parser, QStringLiteral("version"), true);
    target.monitor = parser.value(QStringLiteral("monitor"));
    return target;
}

ModelVersion DriftArguments::resolveVersion(const Workspace& workspace, const Target& target) {
    return ModelArgument::resolveVersion(workspace, ModelArgument::resolve(workspace, target.model),
                                         target.version);
}

DriftMonitor DriftArguments::resolveMonitor(const Workspace& workspace, const Target& target) {
    const ModelVersion version = resolveVersion(workspace, target);
    const DriftMonitors monitors(workspace);
    if (const std::optional<DriftMonitor> monitor = monitors.monitor(version.id, target.monitor))
        return *monitor;
    QStringList names;
    for (const DriftMonitor& monitor : monitors.monitorsOfVersion(version.id))
        names << QLatin1Char('"') + monitor.name + QLatin1Char('"');
    throw AssayError(QStringLiteral("Model \"%1\" version %2 has no drift monitor \"%3\"; %4.")
                         .arg(target.model)
                         .arg(target.version)
                         .arg(target.monitor, names.isEmpty() ? QStringLiteral("it has none")
                                                              : QStringLiteral("it has ") +
                                                                    names.join(QStringLiteral(", "))));
}

QList<std::pair<QString, QString>> DriftArguments::pairs(const QCommandLineParser& parser,
                                                         const QString& option) {
    QList<std::pair<QString, QString>> result;
    for (const QString& value : parser.values(option)) {
        const qsizetype equals = value.indexOf(QLatin1Char('='));
        if (equals <= 0 || equals == value.size() - 1)
            throw UsageError{QStringLiteral("--%1 takes NAME=VALUE, not \"%2\"").arg(option, value)};
        result.append({value.left(equals).trimmed(), value.mid(equals + 1).trimmed()});
    }
    return result;
}

double DriftArguments::number(const QString& option, const std::pair<QString, QString>& pair) {
    bool ok = false;
    const double value = pair.second.toDouble(&ok);
    if (!ok)
        throw UsageError{
            QStringLiteral("--%1 %2: \"%3\" is not a number").arg(option, pair.first, pair.second)};
    return value;
}

void DriftArguments::applyThresholds(const QCommandLineParser& parser, DriftThresholds& thresholds) {
    const QString option = QStringLiteral("threshold");
    for (const auto& pair : pairs(parser, option)) {
        const double value = number(option, pair);
        try {
            thresholds.set(pair.first, value);
        } catch (const AssayError& error) {
            throw UsageError{QStringLiteral("--threshold: ") + error.message()};
        }
    }
}

} // namespace assay::cli
