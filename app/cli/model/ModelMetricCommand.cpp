#include "ModelMetricCommand.h"

#include "ModelArgument.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliOutput.h"
#include "app/cli/UsageError.h"
#include "core/registry/Registry.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

namespace assay::cli {

QString ModelMetricCommand::summary() const {
    return QStringLiteral("choose the primary metric compared with the champion's");
}

void ModelMetricCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addOptions({
        {QStringLiteral("metric"), QStringLiteral("The metric key, as the runs log it."),
         QStringLiteral("KEY")},
        {QStringLiteral("lower-is-better"),
         QStringLiteral("A lower value is better (a loss, an error rate).")},
    });
    parser.addPositionalArgument(QStringLiteral("MODEL"), QStringLiteral("The model's name."));
}

int ModelMetricCommand::run(CliContext& context, const QCommandLineParser& parser) {
    const QString modelName = ModelArgument::name(parser, invokedAs());
    const QString metric = parser.value(QStringLiteral("metric")).trimmed();
    if (metric.isEmpty())
        throw UsageError{QStringLiteral("--metric KEY is required")};
    const bool higherIsBetter = !parser.isSet(QStringLiteral("lower-is-better"));
    const auto workspace = Workspace::open(context.workspacePath());
    QString shownName;
    workspace->write([&](WriteTransaction& tx) {
        const RegisteredModel model = ModelArgument::resolve(tx.workspace(), modelName);
        shownName = model.name;
        Registry::setPrimaryMetric(tx, model.id, metric, higherIsBetter);
    });
    CliOutput::out() << shownName << ": primary metric " << metric << " ("
                     << (higherIsBetter ? "higher" : "lower") << " is better)\n";
    return exitOk;
}

} // namespace assay::cli
